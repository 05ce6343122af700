import SpecGateJSON

/// `unresolved-ref` (error): a `$ref` anywhere in the documents that names nothing.
///
/// Example values (`example`, `default`, `enum`, `const`, example objects' `value`) and `x-` extensions
/// are data, not references, and are not searched. Fragments that are anchor names are not judged.
public struct UnresolvedRefRule: LintRule {
    public static let id = "unresolved-ref"

    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for uri in context.documents.uris {
            guard let document = context.documents[uri] else { continue }
            visit(document, at: JSONLocation(document: uri), context: context, findings: &findings)
        }
        return findings
    }

    private static let dataKeywords: Set<String> = ["example", "default", "enum", "const"]

    private func visit(_ value: JSONValue, at location: JSONLocation, context: LintContext, findings: inout [LintFinding]) {
        switch value {
        case .object(let object):
            if case .string(let ref)? = object["$ref"], !isAnchor(ref),
                context.resolve(reference: ref, from: location) == nil
            {
                findings.append(
                    LintFinding(
                        rule: Self.id, severity: .error, location: location.appending("$ref"),
                        message: "$ref \(JSONWriter.quote(ref)) does not resolve"))
            }
            for (key, member) in object {
                if UnresolvedRefRule.dataKeywords.contains(key) || key.hasPrefix("x-") { continue }
                if key == "examples" {
                    visitExamples(member, at: location.appending(key), context: context, findings: &findings)
                    continue
                }
                visit(member, at: location.appending(key), context: context, findings: &findings)
            }
        case .array(let elements):
            for (i, element) in elements.enumerated() {
                visit(element, at: location.appending(i), context: context, findings: &findings)
            }
        default:
            break
        }
    }

    /// A map of Example Objects (which may be `$ref`s); their `value`s are data. Arrays are JSON Schema examples.
    private func visitExamples(_ value: JSONValue, at location: JSONLocation, context: LintContext, findings: inout [LintFinding]) {
        guard case .object(let examples) = value else { return }
        for (name, example) in examples {
            guard case .object(var object) = example else { continue }
            object.removeValue(forKey: "value")
            visit(.object(object), at: location.appending(name), context: context, findings: &findings)
        }
    }

    private func isAnchor(_ ref: String) -> Bool {
        guard let fragment = URIReference.fragment(of: ref), !fragment.isEmpty else { return false }
        return !fragment.hasPrefix("/")
    }
}
