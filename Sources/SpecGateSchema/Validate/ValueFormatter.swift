import SpecGateJSON

/// Renders instance values and keyword values for violation messages, compactly and bounded.
enum ValueFormatter {
    /// Compact JSON, cut to about `limit` characters.
    static func render(_ value: JSONValue, limit: Int = 80) -> String {
        let text: String
        switch value {
        case .array(let items):
            text = "[" + items.map { JSONWriter.compact($0) }.joined(separator: ", ") + "]"
        default:
            text = JSONWriter.compact(value)
        }
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }

    /// `["a", "b"]` with ", " separators, cut after `limit` characters.
    static func list(_ values: [JSONValue], limit: Int = 200) -> String {
        render(.array(values), limit: limit)
    }

    /// "1 item", "2 items".
    static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
