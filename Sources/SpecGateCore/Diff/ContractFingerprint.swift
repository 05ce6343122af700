import SpecGateJSON

/// A fingerprint of each operation's contract: its parameters, request body, responses, security,
/// and every object they reach through `$ref`s, transitively (a shared component schema is part of
/// every operation that reaches it). Descriptions, summaries and `externalDocs` are left out, so
/// documentation edits change nothing. Two versions of an operation with the same fingerprint have
/// the same contract (up to renamed components, which count as changes).
///
/// Reference cycles are harmless: each reached location is taken once, with its `$ref`s as written.
public struct ContractFingerprint {
    let spec: APISpec
    private let resolver: ReferenceResolver
    /// Canonical text and outgoing references of each location visited so far.
    private var cache: [JSONLocation: (text: String, references: [JSONLocation])] = [:]

    public init(spec: APISpec) {
        self.spec = spec
        self.resolver = ReferenceResolver(store: spec.documents)
    }

    /// The fingerprint of every operation, by `SpecDiff.key(of:)`.
    public mutating func fingerprints() -> [String: String] {
        var result: [String: String] = [:]
        for operation in spec.operations { result[SpecDiff.key(of: operation)] = fingerprint(of: operation) }
        return result
    }

    /// Keys (`SpecDiff.key(of:)`) of NEW's operations whose contract differs from OLD's, new ones included.
    public static func changedOperations(old: APISpec, new: APISpec) -> Set<String> {
        var before = ContractFingerprint(spec: old)
        var after = ContractFingerprint(spec: new)
        let oldPrints = before.fingerprints()
        return Set(after.fingerprints().filter { oldPrints[$0.key] != $0.value }.keys)
    }

    /// The fingerprint of one operation (16 hex digits).
    public mutating func fingerprint(of operation: Operation) -> String {
        var parts = [operation.method.wireName + " " + operation.path]
        var roots: [JSONLocation] = []
        for parameter in operation.parameters {
            parts.append("parameter \(parameter.key) required=\(parameter.required)")
            roots.append(parameter.source)
        }
        if let body = operation.requestBody {
            parts.append("body required=\(body.required)")
            roots.append(body.source)
        }
        for response in operation.responses {
            parts.append("response \(response.status)")
            roots.append(response.source)
        }
        for requirement in operation.security {
            for name in requirement.schemes.keys.sorted() {
                let scheme = spec.securitySchemes[name]
                parts.append(
                    "security \(name) \(requirement.schemes[name]?.joined(separator: ",") ?? "") "
                        + [scheme?.kind.rawValue, scheme?.scheme, scheme?.location?.rawValue, scheme?.parameterName].map
                    { $0 ?? "-" }.joined(separator: " "))
            }
            parts.append("or")
        }
        // Every location reached from the roots, each once, in a stable order.
        var reached: Set<JSONLocation> = []
        var queue = roots
        while let location = queue.popLast() {
            guard reached.insert(location).inserted else { continue }
            queue += entry(for: location).references
        }
        for location in reached.sorted(by: { label($0) < label($1) }) {
            parts.append(label(location) + " " + entry(for: location).text)
        }
        return Fingerprint.of(parts)
    }

    /// "#/components/schemas/X" in the root document, "other.yaml#/X" elsewhere.
    private func label(_ location: JSONLocation) -> String {
        if location.document == spec.rootURI { return location.pointer.uriFragment }
        let name = location.document.split(separator: "/").last.map(String.init) ?? location.document
        return name + location.pointer.uriFragment
    }

    private mutating func entry(for location: JSONLocation) -> (text: String, references: [JSONLocation]) {
        if let cached = cache[location] { return cached }
        var references: [JSONLocation] = []
        let value = spec.documents.value(at: location) ?? .null
        let text = JSONWriter.canonical(normalized(value, at: location, key: nil, references: &references))
        cache[location] = (text, references)
        return (text, references)
    }

    /// Keys whose object value maps user-chosen names to things (so its keys are not keywords).
    private static let nameMapKeys: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "responses",
        "parameters",
        "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "content", "encoding",
        "variables",
    ]
    /// Documentation-only keywords.
    private static let documentationKeys: Set<String> = ["description", "summary", "externalDocs"]
    /// Keys whose values are literal data (their `$ref` members are not references).
    private static let literalKeys: Set<String> = ["example", "examples", "default", "const", "enum"]

    /// `value` without documentation keywords; collects the targets of its `$ref`s.
    private func normalized(
        _ value: JSONValue, at location: JSONLocation, key: String?, references: inout [JSONLocation]
    ) -> JSONValue {
        switch value {
        case .object(let object):
            let isNameMap = key.map { ContractFingerprint.nameMapKeys.contains($0) } ?? false
            if !isNameMap, let ref = object["$ref"]?.stringValue,
                let target = try? resolver.resolve(ref, from: location)
            {
                references.append(target)
            }
            var members: [(String, JSONValue)] = []
            for (member, child) in object {
                if !isNameMap && ContractFingerprint.documentationKeys.contains(member) { continue }
                if !isNameMap && ContractFingerprint.literalKeys.contains(member) {
                    members.append((member, child))
                    continue
                }
                members.append(
                    (
                        member,
                        normalized(
                            child, at: location.appending(member), key: isNameMap ? nil : member,
                            references: &references)
                    ))
            }
            return .object(JSONObject(members))
        case .array(let elements):
            return .array(
                elements.enumerated().map { index, element in
                    normalized(element, at: location.appending(index), key: nil, references: &references)
                })
        default:
            return value
        }
    }
}
