import SpecGateJSON

/// One segment of a JSONPath query: child (`.a`, `[…]`) or descendant (`..a`, `..[…]`).
struct JSONPathSegment: Sendable, Hashable {
    var descendant: Bool
    var selectors: [JSONPathSelector]

    /// Applies the segment to each node of `input`, producing the next node list.
    func apply(to input: [JSONPathNode], root: JSONValue) -> [JSONPathNode] {
        var output: [JSONPathNode] = []
        for node in input {
            if descendant {
                visitDescendants(of: node) { visited in
                    for selector in selectors { selector.select(from: visited, root: root, into: &output) }
                }
            } else {
                for selector in selectors { selector.select(from: node, root: root, into: &output) }
            }
        }
        return output
    }

    /// The node itself, then its descendants in document order (pre-order).
    private func visitDescendants(of node: JSONPathNode, _ visit: (JSONPathNode) -> Void) {
        visit(node)
        switch node.value {
        case .object(let o):
            for (key, value) in o {
                visitDescendants(of: JSONPathNode(path: node.path.appending(key), value: value), visit)
            }
        case .array(let a):
            for (i, value) in a.enumerated() {
                visitDescendants(of: JSONPathNode(path: node.path.appending(i), value: value), visit)
            }
        default:
            break
        }
    }

    /// True when the segment selects at most one node (one name or index selector, not descendant).
    var isSingular: Bool {
        guard !descendant, selectors.count == 1 else { return false }
        switch selectors[0] {
        case .name, .index: return true
        default: return false
        }
    }
}

/// A node of a JSONPath node list: its normalized path and value.
struct JSONPathNode: Sendable, Hashable {
    var path: JSONPointer
    var value: JSONValue
}

/// One selector inside a segment.
enum JSONPathSelector: Sendable, Hashable {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(JSONPathFilter)

    func select(from node: JSONPathNode, root: JSONValue, into output: inout [JSONPathNode]) {
        switch self {
        case .name(let name):
            if case .object(let o) = node.value, let value = o[name] {
                output.append(JSONPathNode(path: node.path.appending(name), value: value))
            }
        case .wildcard:
            forEachChild(of: node) { output.append($0) }
        case .index(let index):
            if case .array(let a) = node.value {
                let i = index < 0 ? a.count + index : index
                if a.indices.contains(i) { output.append(JSONPathNode(path: node.path.appending(i), value: a[i])) }
            }
        case .slice(let start, let end, let step):
            guard case .array(let a) = node.value else { return }
            for i in JSONPathSelector.sliceIndices(count: a.count, start: start, end: end, step: step ?? 1) {
                output.append(JSONPathNode(path: node.path.appending(i), value: a[i]))
            }
        case .filter(let filter):
            forEachChild(of: node) { child in
                if filter.test(current: child.value, root: root) { output.append(child) }
            }
        }
    }

    private func forEachChild(of node: JSONPathNode, _ body: (JSONPathNode) -> Void) {
        switch node.value {
        case .object(let o):
            for (key, value) in o { body(JSONPathNode(path: node.path.appending(key), value: value)) }
        case .array(let a):
            for (i, value) in a.enumerated() { body(JSONPathNode(path: node.path.appending(i), value: value)) }
        default:
            break
        }
    }

    /// RFC 9535 §2.3.4.2.2 slice bounds.
    static func sliceIndices(count len: Int, start: Int?, end: Int?, step: Int) -> [Int] {
        guard step != 0 else { return [] }
        func normalize(_ i: Int) -> Int { i >= 0 ? i : len + i }
        var result: [Int] = []
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), len)
            let upper = min(max(normalize(end ?? len), 0), len)
            var i = lower
            while i < upper {
                result.append(i)
                i += step
            }
        } else {
            let upper = min(max(normalize(start ?? len - 1), -1), len - 1)
            let lower = min(max(end.map(normalize) ?? -1, -1), len - 1)
            var i = upper
            while lower < i {
                result.append(i)
                i += step
            }
        }
        return result
    }
}
