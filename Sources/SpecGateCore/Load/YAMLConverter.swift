import SpecGateJSON
import Yams

/// Converts a composed YAML node tree to a `JSONValue` with the YAML 1.2 core schema:
/// plain `true`/`false`, `null`/`~`/empty, integers (decimal, `0x`, `0o`) and floats become JSON
/// values, everything else (and every quoted or block scalar) is a string. Tags such as `!!str`
/// are honoured, keys are stringified and `<<` merge keys are applied.
///
/// Yams shares the node of an anchor at every alias, so the expanded size and depth are measured
/// first, visiting each distinct node once (nodes are told apart by their source position): an
/// alias bomb fails fast with an error instead of exhausting memory or time.
struct YAMLConverter {
    let uri: String
    let limits: DocumentParser.Limits
    private var path: [String] = []

    init(uri: String, limits: DocumentParser.Limits) {
        self.uri = uri
        self.limits = limits
    }

    mutating func convert(_ root: Node) throws(SpecLoadError) -> JSONValue {
        path = []
        var measured: [NodeIdentity: Extent] = [:]
        _ = try measure(root, &measured)
        return try value(root)
    }

    // MARK: Measuring

    /// Where a composed node starts in the source, and its kind: the same for every alias of it.
    private struct NodeIdentity: Hashable {
        var line: Int
        var column: Int
        var kind: Int
    }

    /// Values a node expands to (itself included) and how deep it nests.
    private struct Extent {
        var size: Int
        var height: Int
    }

    private mutating func measure(_ node: Node, _ measured: inout [NodeIdentity: Extent]) throws(SpecLoadError) -> Extent {
        var identity: NodeIdentity?
        var children: [(name: String, node: Node)] = []
        switch node {
        case .scalar, .alias:
            return Extent(size: 1, height: 0)
        case .sequence(let sequence):
            identity = sequence.mark.map { NodeIdentity(line: $0.line, column: $0.column, kind: 1) }
            if let identity, let known = measured[identity] { return known }
            children = sequence.enumerated().map { (String($0.offset), $0.element) }
        case .mapping(let mapping):
            identity = mapping.mark.map { NodeIdentity(line: $0.line, column: $0.column, kind: 2) }
            if let identity, let known = measured[identity] { return known }
            children = mapping.map { ($0.key.scalar?.string ?? "?", $0.value) }
        }
        var extent = Extent(size: 1, height: 0)
        for child in children {
            path.append(child.name)
            let inner = try measure(child.node, &measured)
            if inner.height + 1 > limits.maxDepth {
                throw failure("nesting deeper than \(limits.maxDepth) levels", at: child.node)
            }
            path.removeLast()
            extent.size += inner.size
            extent.height = max(extent.height, inner.height + 1)
            if extent.size > limits.maxNodes {
                throw failure("the document expands to more than \(limits.maxNodes) values (too many YAML aliases?)", at: node)
            }
        }
        if let identity { measured[identity] = extent }
        return extent
    }

    // MARK: Converting

    private mutating func value(_ node: Node) throws(SpecLoadError) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return try self.scalar(scalar, node: node)
        case .sequence(let sequence):
            var out: [JSONValue] = []
            out.reserveCapacity(sequence.count)
            for (index, element) in sequence.enumerated() {
                path.append(String(index))
                out.append(try value(element))
                path.removeLast()
            }
            return .array(out)
        case .mapping(let mapping):
            return .object(try object(mapping))
        case .alias(let alias):
            throw failure("undefined alias *\(alias.anchor.rawValue)", at: node)
        }
    }

    private mutating func object(_ mapping: Node.Mapping) throws(SpecLoadError) -> JSONObject {
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
                    for (name, member) in try object(merged)
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
                out[name] = try value(child)
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
