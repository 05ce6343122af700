/// How schemas are compiled and validated.
public struct SchemaOptions: Sendable, Hashable {
    /// Keyword set and semantics.
    public var dialect: SchemaDialect
    /// `readOnly`/`writeOnly` handling (OpenAPI 3.0 and 2020-12).
    public var direction: ValidationDirection
    /// Whether `format` is an assertion (true for OpenAPI validation) or only an annotation.
    public var assertFormats: Bool
    /// Maximum backtracking steps per `pattern` evaluation; running out is reported as a violation.
    public var regexStepBudget: Int

    /// Creates options; formats are asserted by default.
    public init(
        dialect: SchemaDialect, direction: ValidationDirection = .neutral, assertFormats: Bool = true,
        regexStepBudget: Int = 100_000
    ) {
        self.dialect = dialect
        self.direction = direction
        self.assertFormats = assertFormats
        self.regexStepBudget = regexStepBudget
    }
}
