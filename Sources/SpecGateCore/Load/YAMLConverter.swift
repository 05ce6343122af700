import SpecGateJSON
import Yams

/// Converts a composed YAML node tree to a `JSONValue` with the YAML 1.2 core schema:
/// plain `true`/`false`, `null`/`~`/empty, integers (decimal, `0x`, `0o`) and floats become JSON
/// values, everything else (and every quoted or block scalar) is a string. Tags such as `!!str`
/// are honoured, keys are stringified and `<<` merge keys are applied.
///
/// Yams shares the node of an anchor at every alias, so expansion is counted against a node
/// budget: an alias bomb fails with an error instead of exhausting memory.
struct YAMLConverter {
    let uri: String
    let limits: DocumentParser.Limits
    private var nodeCount = 0
    private var path: [String] = []

    init(uri: String, limits: DocumentParser.Limits) {
        self.uri = uri
        self.limits = limits
    }

    mutating func convert(_ root: Node) throws(SpecLoadError) -> JSONValue {
        nodeCount = 0
        path = []
        return try value(root, depth: 0)
    }

    private mutating func value(_ node: Node, depth: Int) throws(SpecLoadError) -> JSONValue {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw failure(
                "the document expands to more than \(limits.maxNodes) values (too many YAML aliases?)", at: node)
        }
        if depth > limits.maxDepth {
            throw failure("nesting deeper than \(limits.maxDepth) levels", at: node)
        }
        switch node {
        case .scalar(let scalar):
            return try self.scalar(scalar, node: node)
        case .sequence(let sequence):
            var out: [JSONValue] = []
            out.reserveCapacity(sequence.count)
            for (index, element) in sequence.enumerated() {
                path.append(String(index))
                out.append(try value(element, depth: depth + 1))
                path.removeLast()
            }
            return .array(out)
        case .mapping(let mapping):
            return .object(try object(mapping, node: node, depth: depth))
        case .alias(let alias):
            throw failure("undefined alias *\(alias.anchor.rawValue)", at: node)
        }
    }

    private mutating func object(_ mapping: Node.Mapping, node: Node, depth: Int) throws(SpecLoadError) -> JSONObject {
        var explicitKeys = Set<String>()
        for (key, _) in mapping where !YAMLConverter.isMergeKey(key) {
            explicitKeys.insert(try keyString(key))
        }
        var out = JSONObject()
        var seen = Set<String>()
        for (key, child) in mapping {
            if YAMLConverter.isMergeKey(key) {
                let sources: [Node]
                switch child {
                case .mapping: sources = [child]
                case .sequence(let list): sources = Array(list)
                default: throw failure("a `<<` merge key needs a mapping or a list of mappings", at: key)
                }
                for source in sources {
                    guard case .mapping(let merged) = source else {
                        throw failure("a `<<` merge key needs a mapping or a list of mappings", at: source)
                    }
                    // Earlier sources win over later ones; explicit keys win over all.
                    for (name, member) in try object(merged, node: source, depth: depth + 1)
                    where !explicitKeys.contains(name) && out[name] == nil {
                        out[name] = member
                    }
                }
            } else {
                let name = try keyString(key)
                guard seen.insert(name).inserted else {
                    throw failure("duplicate key \"\(name)\"", at: key)
                }
                path.append(name)
                out[name] = try value(child, depth: depth + 1)
                path.removeLast()
            }
        }
        return out
    }

    private func keyString(_ key: Node) throws(SpecLoadError) -> String {
        guard case .scalar(let scalar) = key else {
            throw failure("mapping keys must be scalars", at: key)
        }
        return scalar.string
    }

    private static func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        return scalar.string == "<<" && scalar.style == .plain
    }

    private func scalar(_ scalar: Node.Scalar, node: Node) throws(SpecLoadError) -> JSONValue {
        let text = scalar.string
        let isPlain = scalar.style == .plain || scalar.style == .any
        switch scalar.tag.rawValue {
        case "", "?":
            return isPlain ? YAMLConverter.resolvePlain(text) : .string(text)
        case Tag.Name.str.rawValue, Tag.Name.nonSpecific.rawValue, Tag.Name.binary.rawValue,
            Tag.Name.timestamp.rawValue:
            return .string(text)
        case Tag.Name.null.rawValue:
            guard case .null = YAMLConverter.resolvePlain(text) else {
                throw failure("\"\(text)\" is not a valid !!null", at: node)
            }
            return .null
        case Tag.Name.bool.rawValue:
            guard case .bool(let b) = YAMLConverter.resolvePlain(text) else {
                throw failure("\"\(text)\" is not a valid !!bool", at: node)
            }
            return .bool(b)
        case Tag.Name.int.rawValue:
            guard let n = YAMLConverter.number(text), n.isInteger else {
                throw failure("\"\(text)\" is not a valid !!int", at: node)
            }
            return .number(n)
        case Tag.Name.float.rawValue:
            guard let n = YAMLConverter.number(text) else {
                throw failure("\"\(text)\" is not a valid !!float", at: node)
            }
            return .number(n)
        default:
            // Tags this tool does not know: keep the value as if untagged.
            return isPlain ? YAMLConverter.resolvePlain(text) : .string(text)
        }
    }

    /// Core-schema resolution of a plain scalar.
    static func resolvePlain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let n = number(text) { return .number(n) }
        return .string(text)
    }

    /// A core-schema integer or float literal (`+1`, `.5`, `1.`, `1e3`, `0x1F`, `0o17`), or nil.
    /// `.inf` and `.nan` have no JSON form and stay strings.
    static func number(_ text: String) -> JSONNumber? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = String(decoding: bytes[2...], as: UTF8.self)
            if bytes[1] == UInt8(ascii: "x") { return Int(digits, radix: 16).map { JSONNumber($0) } }
            if bytes[1] == UInt8(ascii: "o") { return Int(digits, radix: 8).map { JSONNumber($0) } }
        }
        var i = 0
        var sign = ""
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            if bytes[0] == UInt8(ascii: "-") { sign = "-" }
            i = 1
        }
        func digits() -> String {
            let start = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        let integral = digits()
        var fraction = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fraction = digits()
        }
        guard !integral.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expSign = ""
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expSign = bytes[i] == UInt8(ascii: "-") ? "-" : ""
                i += 1
            }
            let expDigits = digits()
            guard !expDigits.isEmpty else { return nil }
            exponent = "e" + expSign + expDigits
        }
        guard i == bytes.count else { return nil }
        let literal = sign + (integral.isEmpty ? "0" : integral) + (fraction.isEmpty ? "" : "." + fraction) + exponent
        return JSONNumber(literal: literal)
    }

    private func failure(_ message: String, at node: Node) -> SpecLoadError {
        SpecLoadError(
            uri: uri, pointer: JSONPointer(tokens: path), line: node.mark?.line, column: node.mark?.column,
            message: message)
    }
}
