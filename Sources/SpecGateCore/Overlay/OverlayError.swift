import SpecGateJSON

/// An overlay that cannot be parsed or applied. Names the overlay file and, where it applies, the action.
public struct OverlayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// URI of the overlay document.
    public var file: String
    /// Index in `actions`, when the problem is in one action.
    public var actionIndex: Int?
    /// Where in the overlay document the problem is.
    public var pointer: JSONPointer
    public var message: String

    public init(file: String, actionIndex: Int? = nil, pointer: JSONPointer = .root, message: String) {
        self.file = file
        self.actionIndex = actionIndex
        self.pointer = pointer
        self.message = message
    }

    public var description: String {
        let path = URIReference.path(ofFileURI: file) ?? file
        let action = actionIndex.map { " action \($0)" } ?? ""
        return "\(path): #\(pointer)\(action): \(message)"
    }
}
