import SpecGateJSON

/// `unresolved-ref` (error): a `$ref` anywhere in the documents that names nothing.
///
/// Example values (`example`, `default`, `enum`, `const`, example objects' `value`) and `x-` extensions
/// are data, not references, and are not searched. Fragments that are anchor names are not judged.
public struct UnresolvedRefRule: LintRule {
    public static let id = "unresolved-ref"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var walk = Walk(context: context)
        for uri in context.documents.uris {
            guard let document = context.documents[uri] else { continue }
            walk.document = uri
            walk.visit(document)
        }
        return walk.findings
    }

    private static let dataKeywords: Set<String> = ["example", "default", "enum", "const"]

    /// Depth-first walk keeping the current pointer as a token stack; resolutions are cached per
    /// (document, reference) since the same `$ref` text recurs many times.
    private struct Walk {
        let context: LintContext
        var document = ""
        var tokens: [String] = []
        var resolved: [String: Bool] = [:]
        var findings: [LintFinding] = []

        init(context: LintContext) { self.context = context }

        mutating func visit(_ value: JSONValue) {
            switch value {
            case .object(let object):
                if case .string(let ref)? = object["$ref"], !UnresolvedRefRule.isAnchor(ref), !resolves(ref) {
                    findings.append(
                        LintFinding(
                            rule: UnresolvedRefRule.id, severity: .error,
                            location: JSONLocation(document: document, pointer: JSONPointer(tokens: tokens + ["$ref"])),
                            message: "$ref \(JSONWriter.quote(ref)) does not resolve"))
                }
                for (key, member) in object {
                    if UnresolvedRefRule.dataKeywords.contains(key) || key.hasPrefix("x-") { continue }
                    tokens.append(key)
                    if key == "examples" { visitExamples(member) } else { visit(member) }
                    tokens.removeLast()
                }
            case .array(let elements):
                for (i, element) in elements.enumerated() {
                    tokens.append(String(i))
                    visit(element)
                    tokens.removeLast()
                }
            default:
                break
            }
        }

        /// A map of Example Objects (which may be `$ref`s); their `value`s are data. Arrays are JSON Schema examples.
        private mutating func visitExamples(_ value: JSONValue) {
            guard case .object(let examples) = value else { return }
            for (name, example) in examples {
                guard case .object(var object) = example else { continue }
                object.removeValue(forKey: "value")
                tokens.append(name)
                visit(.object(object))
                tokens.removeLast()
            }
        }

        private mutating func resolves(_ ref: String) -> Bool {
            let key = document + "\u{0}" + ref
            if let known = resolved[key] { return known }
            let result = context.resolve(reference: ref, from: JSONLocation(document: document)) != nil
            resolved[key] = result
            return result
        }
    }

    static func isAnchor(_ ref: String) -> Bool {
        guard let fragment = URIReference.fragment(of: ref), !fragment.isEmpty else { return false }
        return !fragment.hasPrefix("/")
    }
}
