/// How a value generator chooses among the values a schema allows.
public enum GenerationMode: String, Sendable, Hashable, CaseIterable {
    /// Prefer the schema's own `example`/`examples`/`default` values (when they validate).
    case examples
    /// Lower boundaries: exact `minimum`, `minLength`, `minItems`, required properties only.
    case minimal
    /// Upper boundaries: exact `maximum`, `maxLength`, `maxItems`, every optional property.
    case maximal
    /// Anything allowed, chosen by the seeded generator.
    case random
}
