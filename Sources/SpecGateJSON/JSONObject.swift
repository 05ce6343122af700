import OrderedCollections

/// A JSON object: members in document order, looked up by key in O(1).
/// Equality and hashing ignore member order, as JSON does.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var storage: OrderedDictionary<String, JSONValue>

    public init() { storage = [:] }

    public init(_ members: OrderedDictionary<String, JSONValue>) { storage = members }

    public init(_ pairs: [(String, JSONValue)]) {
        storage = [:]
        for (k, v) in pairs { storage[k] = v }
    }

    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    public var keys: OrderedSet<String> { storage.keys }
    public var values: OrderedDictionary<String, JSONValue>.Values { storage.values }
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        storage.removeValue(forKey: key)
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        storage.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.storage.count == rhs.storage.count else { return false }
        for (k, v) in lhs.storage {
            guard let other = rhs.storage[k], other == v else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes commutatively.
        var acc = 0
        for (k, v) in storage {
            var h = Hasher()
            h.combine(k)
            h.combine(v)
            acc ^= h.finalize()
        }
        hasher.combine(storage.count)
        hasher.combine(acc)
    }
}
