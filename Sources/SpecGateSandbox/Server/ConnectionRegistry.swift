import NIOCore

/// The open client connections, so `stop()` can close stalled ones (`never_completes`).
actor ConnectionRegistry {
    private var channels: [ObjectIdentifier: any Channel] = [:]
    private var stopped = false

    /// Tracks `channel` until it closes; closes it at once when the sandbox already stopped.
    func register(_ channel: any Channel) {
        if stopped {
            channel.close(promise: nil)
            return
        }
        channels[ObjectIdentifier(channel)] = channel
    }

    func unregister(_ channel: any Channel) {
        channels[ObjectIdentifier(channel)] = nil
    }

    /// Closes every open connection and refuses new ones.
    func closeAll() async {
        stopped = true
        let open = Array(channels.values)
        channels = [:]
        for channel in open {
            try? await channel.close()
        }
    }
}
