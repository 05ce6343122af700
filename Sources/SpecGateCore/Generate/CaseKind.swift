/// Whether a test case's request conforms to the contract.
public enum CaseKind: String, Sendable, Hashable {
    case valid
    case invalid
}
