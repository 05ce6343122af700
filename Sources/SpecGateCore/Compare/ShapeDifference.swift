/// One way two response shapes differ at a collapsed JSON pointer.
public struct ShapeDifference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The field is present in A's body only.
        case onlyInA = "only_in_a"
        /// The field is present in B's body only.
        case onlyInB = "only_in_b"
        /// The field has other JSON types.
        case types
        /// Other values where the schema declares an `enum`.
        case enumValues = "enum_values"
    }

    public var pointer: String
    public var kind: Kind
    /// What A and B have there (types or enum values, sorted; empty when absent).
    public var a: [String]
    public var b: [String]

    public init(pointer: String, kind: Kind, a: [String], b: [String]) {
        self.pointer = pointer
        self.kind = kind
        self.a = a
        self.b = b
    }

    /// One line, e.g. `/data/status: enum values A "success", B "succeeded"`.
    public var line: String {
        let at = pointer.isEmpty ? "(body)" : pointer
        switch kind {
        case .onlyInA: return "\(at): present in A only (\(a.joined(separator: "|")))"
        case .onlyInB: return "\(at): present in B only (\(b.joined(separator: "|")))"
        case .types: return "\(at): type A \(a.joined(separator: "|")), B \(b.joined(separator: "|"))"
        case .enumValues: return "\(at): enum values A \(a.joined(separator: ", ")), B \(b.joined(separator: ", "))"
        }
    }

    /// Where `a` and `b` differ, sorted by pointer. A field under an array item (`…/*/…`) that one side
    /// lacks only because its array is empty there is not a difference (an empty list is a value).
    public static func between(_ a: ResponseShape, _ b: ResponseShape) -> [ShapeDifference] {
        var out: [ShapeDifference] = []
        for pointer in Set(a.types.keys).union(b.types.keys).sorted() {
            let left = a.types[pointer] ?? []
            let right = b.types[pointer] ?? []
            if left.isEmpty || right.isEmpty {
                guard !emptiedArray(pointer, a: a, b: b) else { continue }
                // Report the topmost missing field only: its members are missing with it.
                if let parent = parentPointer(pointer), (a.types[parent] == nil) != (b.types[parent] == nil) {
                    continue
                }
                out.append(
                    ShapeDifference(
                        pointer: pointer, kind: left.isEmpty ? .onlyInB : .onlyInA, a: left.sorted(), b: right.sorted())
                )
            } else if left != right {
                out.append(ShapeDifference(pointer: pointer, kind: .types, a: left.sorted(), b: right.sorted()))
            }
        }
        for pointer in Set(a.enumValues.keys).intersection(b.enumValues.keys).sorted() {
            let left = a.enumValues[pointer] ?? []
            let right = b.enumValues[pointer] ?? []
            if left != right {
                out.append(ShapeDifference(pointer: pointer, kind: .enumValues, a: left.sorted(), b: right.sorted()))
            }
        }
        return out
    }

    /// True when `pointer` lies under an array item (`/*`) and that item pointer is missing on one side
    /// while the array itself is there on both: one side's array is empty.
    static func emptiedArray(_ pointer: String, a: ResponseShape, b: ResponseShape) -> Bool {
        var current = pointer
        while true {
            if current.hasSuffix("/*") {
                let array = String(current.dropLast(2))
                let itemsOnBoth = a.types[current] != nil && b.types[current] != nil
                if !itemsOnBoth && a.types[array]?.contains("array") == true
                    && b.types[array]?.contains("array") == true
                {
                    return true
                }
            }
            guard let parent = parentPointer(current) else { return false }
            current = parent
        }
    }

    static func parentPointer(_ pointer: String) -> String? {
        guard let slash = pointer.lastIndex(of: "/") else { return nil }
        return String(pointer[..<slash])
    }
}
