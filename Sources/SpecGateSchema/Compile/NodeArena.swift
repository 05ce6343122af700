/// Compiled nodes indexed by Int, stored in fixed-size chunks so that a compiler that keeps
/// appending after handing out `CompiledSchema` snapshots copies only the last chunk.
struct NodeArena: Sendable {
    private static let shift = 8
    private static let chunkSize = 1 << shift
    private static let mask = chunkSize - 1

    private var chunks: [[SchemaNode]] = []
    private(set) var count = 0
    var resources: [SchemaResource] = []

    subscript(index: Int) -> SchemaNode {
        get { chunks[index >> NodeArena.shift][index & NodeArena.mask] }
        set { chunks[index >> NodeArena.shift][index & NodeArena.mask] = newValue }
    }

    /// Appends a node and returns its index.
    mutating func append(_ node: SchemaNode) -> Int {
        if count & NodeArena.mask == 0 {
            var chunk: [SchemaNode] = []
            chunk.reserveCapacity(NodeArena.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(node)
        count += 1
        return count - 1
    }

    /// Drops the nodes from index `nodes` on and the resources from index `resources` on.
    mutating func truncate(nodes: Int, resources resourceCount: Int) {
        while count > max(nodes, 0), let last = chunks.indices.last {
            _ = chunks[last].popLast()
            if chunks[last].isEmpty { chunks.removeLast() }
            count -= 1
        }
        if resourceCount < resources.count { resources.removeSubrange(max(resourceCount, 0)...) }
    }
}
