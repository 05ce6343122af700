import SpecGateJSON

/// JSON equality as JSON Schema defines it: strings compare by code points (Swift's `String ==`
/// treats canonically equivalent strings as equal, which `enum`, `const` and `uniqueItems` must not).
enum StrictEquality {
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return x.utf8.elementsEqual(y.utf8)
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], equal(value, other) else { return false }
            }
            return true
        default:
            return a == b
        }
    }

    /// Canonical UTF-8 bytes: equal keys exactly for strictly equal values (sorted object keys).
    static func key(_ value: JSONValue) -> [UInt8] {
        JSONWriter(sortedKeys: true).bytes(value)
    }
}
