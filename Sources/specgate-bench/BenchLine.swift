import SpecGateJSON

/// One result line: a JSON object with a `kind` and its figures.
struct BenchLine: Sendable {
    var fields: JSONObject

    init(kind: String) {
        fields = JSONObject()
        fields["kind"] = .string(kind)
    }

    subscript(key: String) -> JSONValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    /// Sets a numeric field, rounded to three decimals.
    mutating func set(_ key: String, _ value: Double) {
        fields[key] = .number(JSONNumber((value * 1000).rounded() / 1000))
    }

    mutating func set(_ key: String, _ value: Int) {
        fields[key] = .number(JSONNumber(value))
    }

    mutating func set(_ key: String, _ value: String) {
        fields[key] = .string(value)
    }

    /// Writes the line (compact JSON) to standard output.
    func print() {
        Swift.print(JSONWriter.compact(.object(fields)))
    }
}
