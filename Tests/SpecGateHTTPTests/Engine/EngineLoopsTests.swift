import NIOCore
import NIOPosix
import Testing

@testable import SpecGateHTTP

/// The engine's connections go to a few of NIO's loops: one per 16 connections, at most a quarter of the cores.
@Suite struct EngineLoopsTests {
    @Test func loopCountFollowsConnectionsAndCores() {
        #expect(EngineLoops.count(concurrency: 8, cores: 2) == 1)
        #expect(EngineLoops.count(concurrency: 64, cores: 2) == 1)
        #expect(EngineLoops.count(concurrency: 8, cores: 16) == 1)
        #expect(EngineLoops.count(concurrency: 17, cores: 16) == 2)
        #expect(EngineLoops.count(concurrency: 64, cores: 16) == 4)
        #expect(EngineLoops.count(concurrency: 256, cores: 16) == 4)
        #expect(EngineLoops.count(concurrency: 0, cores: 0) == 1)
    }

    @Test func newConnectionsTakeTheLoopsInTurn() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 4)
        let loops = EngineLoops(concurrency: 48, cores: 12, group: group)
        #expect(loops.loops.count == 3)
        let picked = (0..<6).map { _ in ObjectIdentifier(loops.next() as AnyObject) }
        #expect(Set(picked).count == 3)
        #expect(Array(picked[0..<3]) == Array(picked[3..<6]))
        let single = EngineLoops(concurrency: 8, cores: 2, group: group)
        #expect(Set((0..<4).map { _ in ObjectIdentifier(single.next() as AnyObject) }).count == 1)
        try await group.shutdownGracefully()
    }
}
