import SpecGateJSON

/// An OpenAPI Overlay 1.0 document: ordered actions that update or remove parts of an OpenAPI document.
public struct Overlay: Sendable, Hashable {
    /// The `overlay` version, e.g. "1.0.0".
    public var version: String
    public var title: String
    public var infoVersion: String
    /// The `extends` URI, recorded but not used: the suite decides which document an overlay applies to.
    public var extends: String?
    public var actions: [OverlayAction]
    /// URI of the overlay document (used in errors and warnings).
    public var uri: String

    public init(
        version: String = "1.0.0", title: String = "", infoVersion: String = "", extends: String? = nil,
        actions: [OverlayAction], uri: String
    ) {
        self.version = version
        self.title = title
        self.infoVersion = infoVersion
        self.extends = extends
        self.actions = actions
        self.uri = uri
    }

    /// Reads an overlay from its parsed document; every target is compiled here, so JSONPath syntax
    /// errors are reported with the action index before anything is applied.
    public init(parsing document: JSONValue, uri: String) throws(OverlayError) {
        guard case .object(let root) = document else {
            throw OverlayError(file: uri, message: "an overlay document is an object")
        }
        guard case .string(let version)? = root["overlay"] else {
            throw OverlayError(
                file: uri, pointer: JSONPointer(tokens: ["overlay"]), message: "missing or non-string `overlay` version"
            )
        }
        guard version.hasPrefix("1.") else {
            throw OverlayError(
                file: uri, pointer: JSONPointer(tokens: ["overlay"]),
                message: "unsupported overlay version \(version) (1.x expected)")
        }
        guard case .array(let rawActions)? = root["actions"] else {
            throw OverlayError(file: uri, pointer: JSONPointer(tokens: ["actions"]), message: "missing `actions` array")
        }
        var actions: [OverlayAction] = []
        for (index, raw) in rawActions.enumerated() {
            actions.append(try Overlay.parseAction(raw, index: index, uri: uri))
        }
        self.init(
            version: version, title: root["info"]?["title"]?.stringValue ?? "",
            infoVersion: root["info"]?["version"]?.stringValue ?? "", extends: root["extends"]?.stringValue,
            actions: actions, uri: uri)
    }

    private static func parseAction(_ raw: JSONValue, index: Int, uri: String) throws(OverlayError) -> OverlayAction {
        let pointer = JSONPointer(tokens: ["actions", String(index)])
        guard case .object(let object) = raw else {
            throw OverlayError(file: uri, actionIndex: index, pointer: pointer, message: "an action is an object")
        }
        guard case .string(let targetText)? = object["target"] else {
            throw OverlayError(file: uri, actionIndex: index, pointer: pointer, message: "missing string `target`")
        }
        let target: JSONPath
        do {
            target = try JSONPath(targetText)
        } catch {
            throw OverlayError(
                file: uri, actionIndex: index, pointer: pointer.appending("target"), message: error.description)
        }
        var remove = false
        switch object["remove"] {
        case nil, .null?: break
        case .bool(let b)?: remove = b
        default:
            throw OverlayError(
                file: uri, actionIndex: index, pointer: pointer.appending("remove"), message: "`remove` is a boolean")
        }
        let update = object["update"]
        if update == nil && !remove {
            throw OverlayError(
                file: uri, actionIndex: index, pointer: pointer, message: "an action needs `update` or `remove: true`")
        }
        return OverlayAction(
            target: target, description: object["description"]?.stringValue, update: update, remove: remove)
    }
}
