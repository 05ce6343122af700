import SpecGateJSON
import SpecGateRegex

/// A filter selector's logical expression (`[?…]`).
indirect enum JSONPathFilter: Sendable, Hashable {
    case or([JSONPathFilter])
    case and([JSONPathFilter])
    case not(JSONPathFilter)
    /// Test expression: true when the query selects at least one node.
    case exists(JSONPathQuery)
    case comparison(JSONPathOperand, JSONPathComparison, JSONPathOperand)
    /// A logical-typed function (`match`, `search`) used as a test.
    case function(JSONPathFunctionCall)

    func test(current: JSONValue, root: JSONValue) -> Bool {
        switch self {
        case .or(let terms): return terms.contains { $0.test(current: current, root: root) }
        case .and(let terms): return terms.allSatisfy { $0.test(current: current, root: root) }
        case .not(let inner): return !inner.test(current: current, root: root)
        case .exists(let query): return !query.nodes(current: current, root: root).isEmpty
        case .comparison(let lhs, let op, let rhs):
            return op.holds(lhs.value(current: current, root: root), rhs.value(current: current, root: root))
        case .function(let call): return call.logicalResult(current: current, root: root)
        }
    }
}

/// A comparison operator of a filter expression.
enum JSONPathComparison: String, Sendable, Hashable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// RFC 9535 §2.3.5.2.2; `nil` stands for Nothing (an empty node list).
    func holds(_ lhs: JSONValue?, _ rhs: JSONValue?) -> Bool {
        switch self {
        case .equal: return JSONPathComparison.equal(lhs, rhs)
        case .notEqual: return !JSONPathComparison.equal(lhs, rhs)
        case .less: return JSONPathComparison.less(lhs, rhs)
        case .lessOrEqual: return JSONPathComparison.less(lhs, rhs) || JSONPathComparison.equal(lhs, rhs)
        case .greater: return JSONPathComparison.less(rhs, lhs)
        case .greaterOrEqual: return JSONPathComparison.less(rhs, lhs) || JSONPathComparison.equal(lhs, rhs)
        }
    }

    private static func equal(_ lhs: JSONValue?, _ rhs: JSONValue?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case (let l?, let r?): return l == r
        default: return false
        }
    }

    private static func less(_ lhs: JSONValue?, _ rhs: JSONValue?) -> Bool {
        switch (lhs, rhs) {
        case (.number(let l)?, .number(let r)?): return l < r
        case (.string(let l)?, .string(let r)?):
            return l.unicodeScalars.lazy.map(\.value).lexicographicallyPrecedes(r.unicodeScalars.lazy.map(\.value))
        default: return false
        }
    }
}

/// A comparable: a literal, a singular query or a value-typed function.
indirect enum JSONPathOperand: Sendable, Hashable {
    case literal(JSONValue)
    case query(JSONPathQuery)
    case function(JSONPathFunctionCall)

    /// The operand's value, or nil for Nothing.
    func value(current: JSONValue, root: JSONValue) -> JSONValue? {
        switch self {
        case .literal(let v): return v
        case .query(let q):
            let nodes = q.nodes(current: current, root: root)
            return nodes.count == 1 ? nodes[0].value : nil
        case .function(let call): return call.valueResult(current: current, root: root)
        }
    }
}

/// A query inside a filter: relative to the current node (`@`) or absolute (`$`).
struct JSONPathQuery: Sendable, Hashable {
    var relative: Bool
    var segments: [JSONPathSegment]

    var isSingular: Bool { segments.allSatisfy(\.isSingular) }

    func nodes(current: JSONValue, root: JSONValue) -> [JSONPathNode] {
        var nodes = [JSONPathNode(path: .root, value: relative ? current : root)]
        for segment in segments {
            nodes = segment.apply(to: nodes, root: root)
            if nodes.isEmpty { break }
        }
        return nodes
    }
}

/// A call of one of the RFC 9535 standard functions.
struct JSONPathFunctionCall: Sendable, Hashable {
    enum Name: String, Sendable, Hashable {
        case length, count, match, search, value

        /// Whether the result is LogicalType (usable as a test) rather than ValueType.
        var isLogical: Bool { self == .match || self == .search }
    }

    var name: Name
    var arguments: [JSONPathOperand]

    /// ValueType result (nil is Nothing).
    func valueResult(current: JSONValue, root: JSONValue) -> JSONValue? {
        switch name {
        case .length:
            switch arguments[0].value(current: current, root: root) {
            case .string(let s)?: return .number(JSONNumber(s.unicodeScalars.count))
            case .array(let a)?: return .number(JSONNumber(a.count))
            case .object(let o)?: return .number(JSONNumber(o.count))
            default: return nil
            }
        case .count:
            return .number(JSONNumber(nodes(of: arguments[0], current: current, root: root).count))
        case .value:
            let nodes = nodes(of: arguments[0], current: current, root: root)
            return nodes.count == 1 ? nodes[0].value : nil
        case .match, .search:
            return nil
        }
    }

    /// LogicalType result.
    func logicalResult(current: JSONValue, root: JSONValue) -> Bool {
        guard name.isLogical,
            case .string(let subject)? = arguments[0].value(current: current, root: root),
            case .string(let pattern)? = arguments[1].value(current: current, root: root)
        else { return false }
        let source = name == .match ? "^(?:" + pattern + ")$" : pattern
        guard let regex = try? ECMARegex(source) else { return false }
        return regex.matches(subject)
    }

    private func nodes(of operand: JSONPathOperand, current: JSONValue, root: JSONValue) -> [JSONPathNode] {
        if case .query(let q) = operand { return q.nodes(current: current, root: root) }
        return []
    }
}
