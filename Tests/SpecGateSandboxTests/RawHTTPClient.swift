import Foundation
import SpecGateJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a raw exchange ended.
enum ConnectionEnd: Sendable, Equatable {
    /// The server closed the connection in an orderly way (FIN).
    case closed
    /// The connection was reset.
    case reset
    /// Nothing more arrived within the timeout while the connection stayed open.
    case timedOut
    /// Could not connect.
    case refused
}

/// A parsed HTTP response.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    /// All bytes declared by Content-Length arrived.
    var complete: Bool

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var json: JSONValue? { try? JSONParser().parse(body) }
}

/// The raw outcome: bytes received and how the connection ended.
struct RawOutcome: Sendable {
    var bytes: [UInt8]
    var end: ConnectionEnd

    /// The response parsed from `bytes` (nil when not even a head arrived).
    var reply: HTTPReply? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard
            let headEnd = bytes.indices.first(where: { i in
                i + 4 <= bytes.count && Array(bytes[i..<(i + 4)]) == separator
            })
        else { return nil }
        let headText = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(headEnd + 4)...])
        var complete = true
        if let lengthText = headers.first(where: { $0.name.lowercased() == "content-length" })?.value,
            let length = Int(lengthText)
        {
            complete = body.count >= length
            body = Array(body.prefix(length))
        } else if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" }) {
            complete = false  // the sandbox only sends chunked bodies when it resets them
        }
        return HTTPReply(status: status, headers: headers, body: body, complete: complete)
    }
}

/// A tiny blocking HTTP/1.1 client over a TCP socket, run on its own thread so that it never
/// blocks Swift's cooperative pool. It sends exactly the bytes it is given (so tests can send
/// malformed requests) and reads until the server closes, resets or goes silent.
enum RawHTTPClient {
    static func exchange(port: Int, bytes: [UInt8], timeoutMilliseconds: Int = 5000) async -> RawOutcome {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    returning: blockingExchange(port: port, bytes: bytes, timeoutMilliseconds: timeoutMilliseconds))
            }
            thread.start()
        }
    }

    /// Sends a well-formed request with `Connection: close`.
    static func request(
        port: Int, method: String, path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeoutMilliseconds: Int = 5000
    ) async -> RawOutcome {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body {
            text += "Content-Length: \(body.count)\r\n"
        }
        text += "\r\n"
        return await exchange(
            port: port, bytes: Array(text.utf8) + (body ?? []), timeoutMilliseconds: timeoutMilliseconds)
    }

    private static func blockingExchange(port: Int, bytes: [UInt8], timeoutMilliseconds: Int) -> RawOutcome {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return RawOutcome(bytes: [], end: .refused) }
        defer { close(fd) }
        var timeout = timeval(
            tv_sec: .init(timeoutMilliseconds / 1000), tv_usec: .init(timeoutMilliseconds % 1000 * 1000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return RawOutcome(bytes: [], end: .refused) }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }  // the server may answer (and close) before reading everything
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                received += buffer[0..<n]
                continue
            }
            if n == 0 { return RawOutcome(bytes: received, end: .closed) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return RawOutcome(bytes: received, end: .timedOut)
            default: return RawOutcome(bytes: received, end: .reset)
            }
        }
    }
}
