import SpecGateJSON

/// Applies OpenAPI Overlay 1.0 actions to a document.
///
/// Actions run in order, each on the result of the previous one. `update` deep-merges into object
/// targets (members of the update replace or are added; nested objects merge recursively; nested
/// arrays get the update's elements appended), is appended to array targets (an array update adds its
/// elements, anything else is appended as one element), and
/// replaces primitive targets. `remove: true` deletes each target. A target that selects nothing
/// is a warning, not an error.
public struct OverlayEngine: Sendable {
    /// Applies every action of `overlay` to `document`.
    public static func apply(_ overlay: Overlay, to document: JSONValue) throws(OverlayError) -> (
        JSONValue, [OverlayWarning]
    ) {
        var document = document
        var warnings: [OverlayWarning] = []
        for (index, action) in overlay.actions.enumerated() {
            let targets = unique(action.target.select(in: document))
            if targets.isEmpty {
                warnings.append(
                    OverlayWarning(
                        file: overlay.uri, actionIndex: index, target: action.target.text,
                        message: "target matches nothing" + (action.description.map { " (\($0))" } ?? "")))
                continue
            }
            if action.remove {
                document = try remove(targets, from: document, overlay: overlay, index: index)
            } else if let update = action.update {
                for target in targets {
                    document = try apply(update, at: target, in: document, overlay: overlay, index: index)
                }
            }
        }
        return (document, warnings)
    }

    /// Recursive merge: objects merge member by member, arrays concatenate, anything else is replaced.
    public static func merge(_ update: JSONValue, into target: JSONValue) -> JSONValue {
        switch (target, update) {
        case (.object(var base), .object(let changes)):
            for (key, value) in changes {
                base[key] = base[key].map { merge(value, into: $0) } ?? value
            }
            return .object(base)
        case (.array(let base), .array(let more)):
            return .array(base + more)
        default:
            return update
        }
    }

    private static func apply(
        _ update: JSONValue, at target: JSONPointer, in document: JSONValue, overlay: Overlay, index: Int
    ) throws(OverlayError) -> JSONValue {
        guard let current = document.value(at: target) else { return document }
        let replacement: JSONValue
        switch (current, update) {
        case (.object, .object):
            replacement = merge(update, into: current)
        case (.object, _):
            throw OverlayError(
                file: overlay.uri, actionIndex: index,
                pointer: JSONPointer(tokens: ["actions", String(index), "update"]),
                message: "target \(target.uriFragment) is an object, so `update` must be an object")
        case (.array(let elements), .array(let more)):
            // An array update on an array target adds its elements (what overlay tools do in practice,
            // e.g. adding branches to a `oneOf`); appending the array as one element is never meant.
            replacement = .array(elements + more)
        case (.array(let elements), _):
            replacement = .array(elements + [update])
        default:
            replacement = update
        }
        guard let updated = document.replacing(at: target, with: replacement) else { return document }
        return updated
    }

    private static func remove(
        _ targets: [JSONPointer], from document: JSONValue, overlay: Overlay, index: Int
    ) throws(OverlayError) -> JSONValue {
        if targets.contains(.root) {
            throw OverlayError(
                file: overlay.uri, actionIndex: index,
                pointer: JSONPointer(tokens: ["actions", String(index), "target"]),
                message: "the document root cannot be removed")
        }
        // Later array elements first, so earlier indices stay valid; a target inside an already removed
        // one is simply gone.
        var document = document
        for target in targets.sorted(by: isRemovedBefore) {
            if let removed = document.removing(at: target) { document = removed }
        }
        return document
    }

    /// Descending order with array indices compared numerically.
    private static func isRemovedBefore(_ lhs: JSONPointer, _ rhs: JSONPointer) -> Bool {
        for (l, r) in zip(lhs.tokens, rhs.tokens) where l != r {
            if let li = JSONPointer.arrayIndex(l), let ri = JSONPointer.arrayIndex(r) { return li > ri }
            return l > r
        }
        return lhs.tokens.count > rhs.tokens.count
    }

    private static func unique(_ pointers: [JSONPointer]) -> [JSONPointer] {
        var seen = Set<JSONPointer>()
        return pointers.filter { seen.insert($0).inserted }
    }
}
