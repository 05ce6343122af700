import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Collects one response on the event loop (AsyncHTTPClient's delegate API): the head, then the body
/// up to a byte limit. Parts arrive without a hop to the Swift concurrency pool; only the finished
/// record does. At the limit the collector fails the request with ``LimitReached`` (which closes the
/// connection, so a huge body is never read) and keeps what it has.
final class ResponseCollector: HTTPClientResponseDelegate {
    typealias Response = HTTPResponseRecord

    /// The body reached the limit; ``record`` holds the cut response.
    struct LimitReached: Error {}

    private struct State {
        var status = 0
        var headers: [HTTPHeaderField] = []
        var body: [UInt8] = []
        var truncated = false
        var received = 0
    }

    private let limit: Int
    private let start: ContinuousClock.Instant
    private let state = Mutex(State())

    init(limit: Int, start: ContinuousClock.Instant) {
        self.limit = limit
        self.start = start
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock { state in
            state.status = Int(head.status.code)
            state.headers = head.headers.map { HTTPHeaderField(name: $0.name, value: $0.value) }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let full = state.withLock { state -> Bool in
            state.received += buffer.readableBytes
            let remaining = limit - state.body.count
            if buffer.readableBytes > remaining {
                state.body.append(contentsOf: buffer.readableBytesView.prefix(remaining))
                state.truncated = true
                return true
            }
            state.body.append(contentsOf: buffer.readableBytesView)
            return false
        }
        return full ? task.eventLoop.makeFailedFuture(LimitReached()) : task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> HTTPResponseRecord {
        record
    }

    /// The response as collected so far (complete after `didFinishRequest`, cut after ``LimitReached``).
    var record: HTTPResponseRecord {
        let elapsed = ContinuousClock.now - start
        return state.withLock { state in
            HTTPResponseRecord(
                status: state.status, headers: state.headers, body: state.body, bodyTruncated: state.truncated,
                elapsed: elapsed, bodyBytesReceived: state.received)
        }
    }
}
