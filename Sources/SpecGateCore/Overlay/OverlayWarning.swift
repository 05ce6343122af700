import SpecGateJSON

/// Something worth telling the user about an overlay that did not stop it from applying,
/// e.g. an action whose target selects nothing.
public struct OverlayWarning: Sendable, Hashable, CustomStringConvertible {
    /// URI of the overlay document.
    public var file: String
    public var actionIndex: Int
    /// The action's JSONPath target.
    public var target: String
    public var message: String

    public init(file: String, actionIndex: Int, target: String, message: String) {
        self.file = file
        self.actionIndex = actionIndex
        self.target = target
        self.message = message
    }

    public var description: String {
        let path = URIReference.path(ofFileURI: file) ?? file
        return "\(path): action \(actionIndex) (\(target)): \(message)"
    }
}

extension OverlayWarning {
    /// The warning as a diagnostic (code `overlay.action`) at the action in the overlay document.
    public var diagnostic: Diagnostic {
        .warning(
            "overlay.action", "overlay action \(actionIndex) (\(target)): \(message)",
            at: Diagnostic.Location(uri: file, pointer: JSONPointer(tokens: ["actions", String(actionIndex)])))
    }
}
