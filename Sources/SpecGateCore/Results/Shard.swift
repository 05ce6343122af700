/// One of `count` disjoint parts of a run's operations (`--shard index/count`, 1-based).
///
/// Operations are sorted by id and dealt round-robin: the operation at sorted position `p` (0-based)
/// belongs to shard `p % count + 1`. Every operation lands in exactly one shard, and the split only
/// depends on the set of operation ids, so all shards of a CI matrix agree without talking.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    /// Nil unless `1 <= index <= count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses "i/n".
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The ids of `ids` this shard covers, in their original order.
    public func select(_ ids: [String]) -> Set<String> {
        let sorted = Set(ids).sorted()
        var mine: Set<String> = []
        for (position, id) in sorted.enumerated() where position % count == index - 1 { mine.insert(id) }
        return mine
    }
}
