/// One HTTP response produced by the sandbox API, plus how to (mis)deliver it.
struct SandboxResponse: Sendable {
    /// How the bytes reach the client; anything but `.normal` is a transport fault.
    enum Delivery: Sendable {
        case normal
        /// Send the head and about half of the body (chunked), then reset the connection.
        case resetMidBody
        /// Send the head (announcing the full length) and nothing more.
        case stall
        /// Announce more bytes than are sent, send the body, then close.
        case truncate
    }

    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var delivery: Delivery = .normal
    /// Close the connection after this response (e.g. after a 413).
    var closeConnection = false
}
