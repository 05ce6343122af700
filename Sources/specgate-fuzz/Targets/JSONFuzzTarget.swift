import SpecGateJSON

/// Fuzzes `JSONParser`: a parsed value must re-parse equal from compact, pretty and canonical output;
/// a parse error must point inside the input.
enum JSONFuzzTarget {
    static func run(_ input: [UInt8]) -> [String] {
        let value: JSONValue
        do {
            value = try JSONParser().parse(input)
        } catch {
            var problems: [String] = []
            if error.offset < 0 || error.offset > input.count {
                problems.append("error offset \(error.offset) outside the input")
            }
            if error.line < 1 || error.column < 1 {
                problems.append("error line/column \(error.line):\(error.column) not 1-based")
            }
            return problems
        }
        var problems: [String] = []
        let writers = [
            ("compact", JSONWriter()), ("pretty", JSONWriter(pretty: true)),
            ("canonical", JSONWriter(sortedKeys: true)),
            ("escaped slashes", JSONWriter(escapeSlashes: true)),
        ]
        for (name, writer) in writers {
            let text = writer.bytes(value)
            do {
                let again = try JSONParser().parse(text)
                if again != value { problems.append("\(name) output re-parses to a different value") }
            } catch {
                problems.append("\(name) output does not re-parse: \(error)")
            }
        }
        return problems
    }
}
