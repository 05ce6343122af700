/// Selects operations by tag, id, path glob and method (suite `include` / `exclude`).
///
/// Criteria that are set must all hold (a tag AND a method, …); within one criterion any entry
/// may match. An empty filter matches every operation.
public struct OperationFilter: Sendable, Hashable {
    public var tags: [String]
    /// `operationId`s, or "METHOD /path" ids of operations without one.
    public var operations: [String]
    /// Path templates as globs: `*` spans within one segment, `**` across segments.
    public var paths: [String]
    /// HTTP methods, any case.
    public var methods: [String]

    public init(tags: [String] = [], operations: [String] = [], paths: [String] = [], methods: [String] = []) {
        self.tags = tags
        self.operations = operations
        self.paths = paths
        self.methods = methods
    }

    public var isEmpty: Bool { tags.isEmpty && operations.isEmpty && paths.isEmpty && methods.isEmpty }

    public func matches(_ operation: Operation) -> Bool {
        if !tags.isEmpty && !operation.tags.contains(where: tags.contains) { return false }
        if !operations.isEmpty
            && !operations.contains(where: { $0 == operation.id || $0 == operation.operationId })
        {
            return false
        }
        if !paths.isEmpty && !paths.contains(where: { OperationFilter.glob($0, matches: operation.path) }) {
            return false
        }
        if !methods.isEmpty && !methods.contains(where: { $0.lowercased() == operation.method.rawValue }) {
            return false
        }
        return true
    }

    /// `*` matches any run of characters except `/`, `**` any run at all, `?` one character except `/`.
    public static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        // matched[j]: pattern prefix so far matches text prefix of length j.
        var matched = [Bool](repeating: false, count: t.count + 1)
        matched[0] = true
        var i = 0
        while i < p.count {
            var next = [Bool](repeating: false, count: t.count + 1)
            if p[i] == "*" {
                let crossesSlash = i + 1 < p.count && p[i + 1] == "*"
                for j in 0...t.count where matched[j] {
                    next[j] = true
                    var k = j
                    while k < t.count && (crossesSlash || t[k] != "/") {
                        k += 1
                        next[k] = true
                    }
                }
                i += crossesSlash ? 2 : 1
            } else {
                for j in 0..<t.count where matched[j] && (p[i] == t[j] || (p[i] == "?" && t[j] != "/")) {
                    next[j + 1] = true
                }
                i += 1
            }
            matched = next
        }
        return matched[t.count]
    }
}
