import SpecGateJSON

/// Collects every `$ref` of a document (with the base URI it resolves against) and every
/// resource embedded with `$id`. Used by `DocumentSetLoader`.
struct ReferenceWalker {
    /// One `$ref` occurrence.
    struct Site {
        /// The object holding the `$ref`.
        var location: JSONLocation
        /// As written.
        var reference: String
        /// Absolute, resolved against the document or the enclosing `$id`.
        var target: String
    }

    private(set) var sites: [Site] = []
    /// Absolute URIs (no fragment) declared by `$id`.
    private(set) var embeddedResources: Set<String> = []

    /// Keys whose object value maps user-chosen names to things (so its keys are not keywords).
    private static let nameMapKeys: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "responses",
        "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems",
        "paths", "webhooks", "content", "encoding", "variables",
    ]
    /// Keys whose values are literal data, not API description.
    private static let literalKeys: Set<String> = ["example", "default", "const", "enum"]

    mutating func walk(_ value: JSONValue, document: String) {
        var path: [String] = []
        walk(value, document: document, base: document, path: &path, key: nil, parentKey: nil)
    }

    /// `key` is the member name this value sits under (nil inside a name map or an array);
    /// `parentKey` is the one its parent object sits under.
    private mutating func walk(
        _ value: JSONValue, document: String, base: String, path: inout [String], key: String?, parentKey: String?
    ) {
        switch value {
        case .object(let object):
            let isNameMap = key.map { ReferenceWalker.nameMapKeys.contains($0) } ?? false
            var base = base
            if !isNameMap {
                if let id = object["$id"]?.stringValue {
                    base = URIReference.resolve(id, against: base)
                    embeddedResources.insert(URIReference.stripFragment(base))
                }
                if let ref = object["$ref"]?.stringValue {
                    sites.append(
                        Site(
                            location: JSONLocation(document: document, pointer: JSONPointer(tokens: path)),
                            reference: ref, target: URIReference.resolve(ref, against: base)))
                }
            }
            for (member, child) in object {
                if !isNameMap {
                    if ReferenceWalker.literalKeys.contains(member) { continue }
                    if member == "value" && parentKey == "examples" { continue }
                    if member == "examples", case .array = child { continue }
                }
                path.append(member)
                walk(child, document: document, base: base, path: &path, key: isNameMap ? nil : member, parentKey: key)
                path.removeLast()
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                path.append(String(index))
                walk(element, document: document, base: base, path: &path, key: nil, parentKey: key)
                path.removeLast()
            }
        default:
            break
        }
    }
}
