/// The 2020-12 vocabularies a schema resource's metaschema enables (`$vocabulary`).
struct Vocabulary: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let applicator = Vocabulary(rawValue: 1)
    static let validation = Vocabulary(rawValue: 2)
    static let unevaluated = Vocabulary(rawValue: 4)
    static let format = Vocabulary(rawValue: 8)
    static let all: Vocabulary = [.applicator, .validation, .unevaluated, .format]

    /// The vocabulary named by a 2020-12 `$vocabulary` URI, or nil for unknown (or core/meta-data) ones.
    static func named(_ uri: String) -> Vocabulary? {
        switch uri {
        case "https://json-schema.org/draft/2020-12/vocab/applicator": return .applicator
        case "https://json-schema.org/draft/2020-12/vocab/validation": return .validation
        case "https://json-schema.org/draft/2020-12/vocab/unevaluated": return .unevaluated
        case "https://json-schema.org/draft/2020-12/vocab/format-annotation",
            "https://json-schema.org/draft/2020-12/vocab/format-assertion":
            return .format
        default: return nil
        }
    }
}
