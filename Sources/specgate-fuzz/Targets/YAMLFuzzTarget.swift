import SpecGateCore
import SpecGateJSON

/// Fuzzes `DocumentParser` with YAML (and JSON-looking YAML): a document must round-trip through
/// JSON text; an error must name the file; locating pointers must not fail.
enum YAMLFuzzTarget {
    static let uri = "file:///fuzz/document.yaml"

    static func run(_ input: [UInt8]) -> [String] {
        let limits = DocumentParser.Limits(maxNodes: 200_000, maxDepth: 64)
        let value: JSONValue
        do {
            value = try DocumentParser.parse(input, uri: uri, limits: limits)
        } catch {
            var problems: [String] = []
            if error.file != "/fuzz/document.yaml" { problems.append("error names \(error.file), not the document") }
            if let line = error.line, line < 1 { problems.append("error line \(line) is not 1-based") }
            if error.message.isEmpty { problems.append("error has no message") }
            return problems
        }
        var problems: [String] = []
        let text = JSONWriter().bytes(value)
        do {
            let again = try JSONParser(maxDepth: limits.maxDepth + 1).parse(text)
            if again != value { problems.append("JSON output re-parses to a different value") }
        } catch {
            problems.append("JSON output does not re-parse: \(error)")
        }
        // Locating the first and last leaf must not trap, whatever it finds.
        for pointer in [firstLeaf(of: value, last: false), firstLeaf(of: value, last: true)] {
            _ = DocumentParser.locate(pointer, in: input, uri: uri)
        }
        return problems
    }

    private static func firstLeaf(of value: JSONValue, last: Bool) -> JSONPointer {
        var tokens: [String] = []
        var current = value
        while true {
            switch current {
            case .object(let object) where object.count > 0:
                let keys = object.keys
                guard let key = last ? keys.last : keys.first, let child = object[key] else {
                    return JSONPointer(tokens: tokens)
                }
                tokens.append(key)
                current = child
            case .array(let elements) where !elements.isEmpty:
                let index = last ? elements.count - 1 : 0
                tokens.append(String(index))
                current = elements[index]
            default:
                return JSONPointer(tokens: tokens)
            }
        }
    }
}
