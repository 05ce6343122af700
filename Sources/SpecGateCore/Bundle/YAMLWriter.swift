import SpecGateJSON
import Yams

/// Writes a `JSONValue` as YAML that reads back as the same value: strings a YAML resolver could take
/// for a number, boolean, null or date are double-quoted.
public struct YAMLWriter: Sendable {
    /// Why YAML could not be emitted (the emitter refused the document).
    public struct EmitError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { "cannot write YAML: \(message)" }
    }

    public init() {}

    public func string(_ value: JSONValue) throws(EmitError) -> String {
        do {
            return try Yams.serialize(node: node(value), width: -1, allowUnicode: true)
        } catch {
            throw EmitError(message: "\(error)")
        }
    }

    private func node(_ value: JSONValue) -> Node {
        switch value {
        case .null: return Node("null", .implicit, .plain)
        case .bool(let b): return Node(b ? "true" : "false", .implicit, .plain)
        case .number(let n): return Node(n.description, .implicit, .plain)
        case .string(let s): return stringNode(s)
        case .array(let elements): return Node(elements.map(node))
        case .object(let object): return Node(object.map { (stringNode($0.key), node($0.value)) })
        }
    }

    private func stringNode(_ s: String) -> Node {
        Node(s, .implicit, YAMLWriter.needsQuotes(s) ? .doubleQuoted : .any)
    }

    private static let reservedWords: Set<String> = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
    ]

    /// True for strings that a plain scalar would turn into something else (numbers, booleans, null,
    /// dates, YAML 1.1 words) or lose (empty, surrounding spaces).
    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if reservedWords.contains(s.lowercased()) { return true }
        if "0123456789+-.".unicodeScalars.contains(first) { return true }
        return first == " " || last == " "
    }
}
