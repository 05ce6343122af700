import SpecGateJSON

/// Merges a multi-file API description into one document: every `$ref` to another document is
/// replaced by a local `$ref` to a copy under `components` (schemas, parameters, responses, …, chosen
/// by where the reference is used), named after the target and made unique.
public struct SpecBundler: Sendable {
    public init() {}

    /// The bundled root document of `documents`.
    /// - Parameter operations: when given, only these operations stay under `paths` (by their
    ///   `source` in the root document) and `components` unreferenced by what remains are dropped
    ///   (security schemes excepted), so the bundle holds what a filtered suite sees.
    public func bundle(documents: DocumentStore, rootURI: String, keeping operations: [Operation]? = nil) -> JSONValue {
        guard var root = documents[rootURI] else { return .null }
        if let operations {
            let kept = Set(
                operations.filter { $0.source.document == URIReference.stripFragment(rootURI) }.map(\.source.pointer))
            root = SpecBundler.keepingOperations(kept, in: root)
        }
        var state = State(documents: documents, rootURI: URIReference.stripFragment(rootURI))
        state.reserveExistingNames(in: root)
        var bundled = state.rewrite(root, document: state.rootURI, pointer: .root)
        if !state.imported.isEmpty, case .object(var object) = bundled {
            var components = object["components"]?.objectValue ?? JSONObject()
            for entry in state.imported {
                var group = components[entry.kind]?.objectValue ?? JSONObject()
                group[entry.name] = entry.value
                components[entry.kind] = .object(group)
            }
            object["components"] = .object(components)
            bundled = .object(object)
        }
        return operations == nil ? bundled : SpecBundler.droppingUnreferencedComponents(bundled)
    }

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `root` with only the operations at `kept` (pointers `/paths/<path>/<method>`).
    static func keepingOperations(_ kept: Set<JSONPointer>, in root: JSONValue) -> JSONValue {
        guard case .object(var object) = root, case .object(let paths)? = object["paths"] else { return root }
        var remaining = JSONObject()
        for (path, item) in paths {
            guard case .object(var pathItem) = item else { continue }
            for (key, _) in pathItem
            where methods.contains(key) && !kept.contains(JSONPointer(tokens: ["paths", path, key])) {
                pathItem.removeValue(forKey: key)
            }
            if pathItem.keys.contains(where: methods.contains) { remaining[path] = .object(pathItem) }
        }
        object["paths"] = .object(remaining)
        return .object(object)
    }

    /// `root` without `components` entries that no local `$ref` reaches from outside `components`.
    static func droppingUnreferencedComponents(_ root: JSONValue) -> JSONValue {
        guard case .object(var object) = root, case .object(var components)? = object["components"] else { return root }
        var reached = Set<JSONPointer>()
        var pending: [JSONValue] = []
        var outside = object
        outside.removeValue(forKey: "components")
        pending.append(.object(outside))
        while let value = pending.popLast() {
            for ref in localReferences(in: value) {
                guard ref.tokens.count >= 3, ref.tokens[0] == "components" else { continue }
                let entry = JSONPointer(tokens: Array(ref.tokens.prefix(3)))
                guard reached.insert(entry).inserted, let target = root.value(at: entry) else { continue }
                pending.append(target)
            }
        }
        for (kind, group) in components where kind != "securitySchemes" {
            guard case .object(var entries) = group else { continue }
            for (name, _) in entries where !reached.contains(JSONPointer(tokens: ["components", kind, name])) {
                entries.removeValue(forKey: name)
            }
            components[kind] = .object(entries)
        }
        object["components"] = .object(components)
        return .object(object)
    }

    private static func localReferences(in value: JSONValue) -> [JSONPointer] {
        var found: [JSONPointer] = []
        var stack = [value]
        while let current = stack.popLast() {
            switch current {
            case .object(let object):
                if case .string(let ref)? = object["$ref"], ref.hasPrefix("#"), let pointer = JSONPointer(ref) {
                    found.append(pointer)
                }
                stack.append(contentsOf: object.values)
            case .array(let elements):
                stack.append(contentsOf: elements)
            default:
                break
            }
        }
        return found
    }

    private struct State {
        let documents: DocumentStore
        let rootURI: String
        /// External location → local pointer.
        var localPointers: [JSONLocation: JSONPointer] = [:]
        var usedNames: [String: Set<String>] = [:]
        var imported: [(kind: String, name: String, value: JSONValue)] = []

        init(documents: DocumentStore, rootURI: String) {
            self.documents = documents
            self.rootURI = rootURI
        }

        mutating func reserveExistingNames(in root: JSONValue) {
            guard case .object(let components)? = root["components"] else { return }
            for (kind, group) in components {
                usedNames[kind] = Set(group.objectValue?.keys.elements ?? [])
            }
        }

        /// Copies `value` (found at `pointer` in `document`) with every reference made local.
        mutating func rewrite(_ value: JSONValue, document: String, pointer: JSONPointer) -> JSONValue {
            switch value {
            case .object(var object):
                if case .string(let ref)? = object["$ref"] {
                    object["$ref"] = .string(localReference(ref, document: document, usedAt: pointer))
                }
                for (key, member) in object where key != "$ref" {
                    object[key] = rewrite(member, document: document, pointer: pointer.appending(key))
                }
                return .object(object)
            case .array(let elements):
                return .array(
                    elements.enumerated().map { rewrite($1, document: document, pointer: pointer.appending($0)) })
            default:
                return value
            }
        }

        private mutating func localReference(_ ref: String, document: String, usedAt pointer: JSONPointer) -> String {
            let absolute = URIReference.resolve(ref, against: document)
            let targetDocument = URIReference.stripFragment(absolute)
            let fragment = URIReference.fragment(of: absolute) ?? ""
            if targetDocument == rootURI { return "#" + fragment }
            guard let targetPointer = JSONPointer("#" + fragment), documents[targetDocument] != nil,
                let target = documents.value(at: JSONLocation(document: targetDocument, pointer: targetPointer))
            else { return absolute }
            let location = JSONLocation(document: targetDocument, pointer: targetPointer)
            if let local = localPointers[location] { return local.uriFragment }
            let kind = SpecBundler.componentKind(usedAt: pointer, target: targetPointer)
            let name = uniqueName(SpecBundler.preferredName(for: location), kind: kind)
            let local = JSONPointer(tokens: ["components", kind, name])
            localPointers[location] = local
            let index = imported.count
            imported.append((kind: kind, name: name, value: .null))
            imported[index].value = rewrite(target, document: targetDocument, pointer: local)
            return local.uriFragment
        }

        private mutating func uniqueName(_ base: String, kind: String) -> String {
            var used = usedNames[kind] ?? []
            var name = base
            var counter = 2
            while used.contains(name) {
                name = "\(base)_\(counter)"
                counter += 1
            }
            used.insert(name)
            usedNames[kind] = used
            return name
        }
    }

    /// Which `components` group a referenced object belongs to: taken from the target's own place
    /// (`…/components/responses/X`) when it has one, else from where the reference is used.
    static func componentKind(usedAt pointer: JSONPointer, target: JSONPointer) -> String {
        let kinds: Set<String> = [
            "schemas", "parameters", "responses", "requestBodies", "headers", "examples", "links", "callbacks",
            "securitySchemes",
            "pathItems",
        ]
        let t = target.tokens
        if t.count >= 3, t[t.count - 3] == "components", kinds.contains(t[t.count - 2]) { return t[t.count - 2] }
        let tokens = pointer.tokens
        if tokens.count >= 2 {
            switch tokens[tokens.count - 2] {
            case "parameters": return "parameters"
            case "responses": return "responses"
            case "headers": return "headers"
            case "examples": return "examples"
            case "links": return "links"
            case "callbacks": return "callbacks"
            case "requestBodies": return "requestBodies"
            default: break
            }
        }
        if tokens.last == "requestBody" { return "requestBodies" }
        return "schemas"
    }

    /// The target's last pointer token, or the file name without extension; characters outside
    /// `A-Za-z0-9._-` become `_`.
    static func preferredName(for location: JSONLocation) -> String {
        var base = location.pointer.tokens.last ?? ""
        if base.isEmpty {
            let path = location.document.split(separator: "/").last.map(String.init) ?? "document"
            base = path.split(separator: ".").first.map(String.init) ?? path
        }
        let cleaned = String(
            base.unicodeScalars.map { c -> Character in
                let ok =
                    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "." || c == "_"
                    || c == "-"
                return ok ? Character(c) : "_"
            })
        return cleaned.isEmpty ? "component" : cleaned
    }
}
