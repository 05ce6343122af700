/// A component `make fuzz` exercises with arbitrary bytes. Each target checks invariants and returns
/// what broke (empty when the input was handled correctly); a crash is a finding too.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `JSONParser`; parsed values must survive every `JSONWriter` form.
    case json
    /// `DocumentParser` (YAML → JSON); results must round-trip through JSON, errors must name the file.
    case yaml
    /// JSONPath selection and the overlay engine.
    case overlay
    /// JSON Schema compiler and validator (schema and instance pairs, every dialect).
    case schema
    /// ECMA-262 regex parser, matcher and generator.
    case regex
    /// JUnit writer with arbitrary names and messages; output must be well-formed and XSD-valid.
    case junit

    /// Runs the target on one input; returns the invariants it violated.
    public func run(_ input: [UInt8], context: FuzzContext = FuzzContext()) -> [String] {
        switch self {
        case .json: JSONFuzzTarget.run(input)
        case .yaml: YAMLFuzzTarget.run(input)
        case .overlay: OverlayFuzzTarget.run(input)
        case .schema: SchemaFuzzTarget.run(input)
        case .regex: RegexFuzzTarget.run(input)
        case .junit: JUnitFuzzTarget.run(input, xsdPath: context.junitXSDPath)
        }
    }
}
