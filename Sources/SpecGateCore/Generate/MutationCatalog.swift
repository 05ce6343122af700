/// Every mutation, in the order their cases are generated.
public enum MutationCatalog {
    public static let all: [any Mutation] = [
        MissingRequiredHeader(), WrongHeaderValue(), MissingAuthorization(), MalformedAuthorization(),
        UnknownCredential(),
        MissingRequiredProperty(), WrongPropertyType(), ValueOutsideEnum(), BelowMinimum(), AboveMaximum(),
        StringTooShort(), StringTooLong(), PatternMismatch(), FormatViolation(), AdditionalPropertyNotAllowed(),
        MalformedJSON(), WrongContentType(), EmptyBody(), PathParameterWrongType(), QueryParameterWrongType(),
        QueryParameterOutOfRange(), DuplicateHeader(), QueryArrayItemInvalid(), OptionalHeaderInvalid(),
        UnsupportedMethod(),
    ]

    /// The mutation with a name.
    public static func named(_ name: String) -> (any Mutation)? {
        all.first { $0.name == name }
    }
}
