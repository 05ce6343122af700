import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps errors thrown by SwiftNIO, NIOSSL and the engine to ``TransportError`` kinds.
enum TransportErrorClassifier {
    static func classify(_ error: any Error) -> TransportError {
        TransportError(kind: kind(of: error), message: String(describing: error), neverSent: neverSent(error))
    }

    /// Whether the error can only have happened before a connection carried the request: every
    /// connection attempt failed (refused, DNS), connecting timed out, or no pooled connection came in time.
    /// A reset, EOF or read timeout is never "never sent": the server may have received the request.
    static func neverSent(_ error: any Error) -> Bool {
        switch error {
        case let error as TransportError:
            return error.neverSent
        case is NIOConnectionError, is SocketAddressError:
            return true
        case let error as IOError:
            return error.errnoCode == ECONNREFUSED
        case let error as ChannelError:
            if case .connectTimeout = error { return true }
            return false
        default:
            return false
        }
    }

    static func kind(of error: any Error) -> TransportError.Kind {
        switch error {
        case is CancellationError:
            return .cancelled
        case let error as TransportError:
            return error.kind
        case let error as SendableError:
            return error.kind
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil { return .other }
            return error.connectionErrors.first.map { kind(of: $0.error) } ?? .other
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return .connectionRefused
            case ECONNRESET, EPIPE, ECONNABORTED: return .connectionReset
            case ETIMEDOUT: return .timeout
            default: return .other
            }
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return .timeout
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed: return .connectionReset
            default: return .other
            }
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError, is NIOSSLCloseTimedOutError:
            return .tls
        case let error as HTTPParserError:
            // The peer closed the connection mid-response (e.g. fewer body bytes than `Content-Length`).
            return error == .invalidEOFState ? .connectionReset : .invalidResponse
        default:
            return .other
        }
    }
}
