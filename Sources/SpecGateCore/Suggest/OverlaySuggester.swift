import SpecGateJSON

/// `specgate suggest`: an OpenAPI Overlay 1.0 document that would make the spec describe what the server
/// does, for findings that are the spec's to fix (undocumented status, enum or type too narrow, a property
/// or header wrongly required). Findings about behaviour (5xx, invalid input accepted, auth ignored,
/// workflow state, valid input rejected, transport) are refused: the server is to fix those, not the spec.
public enum OverlaySuggester {
    /// A finding that got no action, and why.
    public struct Refusal: Sendable, Hashable {
        public var fingerprint: String
        public var check: String
        public var operationName: String
        public var reason: String
    }

    public struct Suggestion: Sendable {
        /// The Overlay 1.0 document (empty `actions` when nothing could be suggested).
        public var overlay: JSONValue
        public var actionCount: Int
        public var refusals: [Refusal]
    }

    /// Checks whose findings are about behaviour, with why a spec change is not the fix.
    static let behavioural: [String: String] = [
        "not_a_server_error": "a 5xx is a server bug; documenting it would hide it",
        "negative_data_rejection": "the server accepted invalid input; the server must reject it (the spec is right)",
        "ignored_auth": "the server ignored missing or invalid credentials; a security defect, not a spec gap",
        "state_consistency": "a workflow's state assertion failed; server behaviour, not the contract's shape",
        "positive_data_acceptance":
            "the server rejected valid input; loosening the request schema is a decision, not a repair",
        "max_response_time": "a latency budget is not part of the contract's shape",
        "transport": "a transport error has no contract to repair",
    ]

    public static func suggest(_ report: RunReport, title: String? = nil) -> Suggestion {
        var actions: [(target: String, description: String, update: JSONValue?, remove: Bool)] = []
        var index: [String: Int] = [:]
        var refusals: [Refusal] = []
        func refuse(_ finding: Finding, _ reason: String) {
            refusals.append(
                Refusal(
                    fingerprint: finding.fingerprint, check: finding.check, operationName: finding.operationName,
                    reason: reason))
        }
        func add(_ target: String, _ description: String, update: JSONValue?, remove: Bool = false) {
            let key = target + (remove ? " remove" : " update")
            if let i = index[key] {
                // One action per target: updates merge (enum values unite), evidence adds up.
                if let more = update, let existing = actions[i].update { actions[i].update = merge(existing, more) }
                if !actions[i].description.contains(description) { actions[i].description += "; " + description }
                return
            }
            index[key] = actions.count
            actions.append((target, description, update, remove))
        }
        for finding in report.findings where !finding.baselined {
            if let reason = behavioural[finding.check] {
                refuse(finding, reason)
                continue
            }
            let evidence =
                "\(finding.operationName), case \(finding.caseID): \(finding.message) [\(finding.fingerprint)]"
            switch finding.check {
            case "status_code_conformance":
                guard let status = finding.response?.status,
                    let operation = report.operations.first(where: { $0.operationID == finding.operationID })
                else {
                    refuse(finding, "no response status or operation in the report")
                    continue
                }
                guard !(500...599).contains(status) else {
                    refuse(finding, "an undocumented 5xx is a server bug")
                    continue
                }
                let target = path(["paths", operation.path, operation.method.lowercased(), "responses"])
                var response = JSONObject()
                response["description"] = .string("Observed by SpecGate (status \(status)); describe it.")
                if let body = finding.response?.bodyExcerpt, !body.isEmpty {
                    let media = mediaType(finding.response?.headers ?? []) ?? "application/json"
                    let schema: JSONValue =
                        (try? JSONParser().parse(Array(body.utf8))).map(shape) ?? .object(JSONObject())
                    response["content"] = [media: ["schema": schema]]
                }
                var update = JSONObject()
                update[String(status)] = .object(response)
                add(target, "undocumented status \(status): " + evidence, update: .object(update))
            case "response_schema_conformance":
                guard let location = finding.schemaLocation, let keyword = location.pointer.tokens.last else {
                    refuse(finding, "no schema location")
                    continue
                }
                let parentTokens = Array(location.pointer.tokens.dropLast())
                guard parentTokens.first == "components" || parentTokens.first == "paths" else {
                    refuse(finding, "the schema is not in the spec document (\(location))")
                    continue
                }
                let parent = path(parentTokens)
                switch keyword {
                case "enum":
                    guard let actual = finding.actual, let value = try? JSONParser().parse(Array(actual.utf8)) else {
                        refuse(finding, "the observed value is not in the report")
                        continue
                    }
                    add(parent, "enum widened: " + evidence, update: ["enum": .array([value])])
                case "type":
                    guard let actual = finding.actual, let value = try? JSONParser().parse(Array(actual.utf8)) else {
                        refuse(finding, "the observed value is not in the report")
                        continue
                    }
                    if value.isNull {
                        add(parent, "nullable: " + evidence, update: ["nullable": .bool(true)])
                    } else {
                        let expected = expectedTypes(finding.message)
                        guard !expected.isEmpty else {
                            refuse(finding, "cannot read the documented type")
                            continue
                        }
                        let observed = typeName(value)
                        add(
                            path(location.pointer.tokens), "type widened to \(observed): " + evidence, update: nil,
                            remove: true)
                        let branches = (expected + [observed]).map { type -> JSONValue in ["type": .string(type)] }
                        add(parent, "type widened to \(observed): " + evidence, update: ["anyOf": .array(branches)])
                    }
                case "required":
                    guard let name = quoted(finding.message) else {
                        refuse(finding, "cannot read the property name")
                        continue
                    }
                    add(
                        path(location.pointer.tokens) + "[?@ == " + literal(name) + "]",
                        "\(name) made optional: " + evidence,
                        update: nil, remove: true)
                default:
                    refuse(finding, "a \(keyword) violation has no safe overlay repair; decide by hand")
                }
            case "response_headers_conformance":
                guard let location = finding.schemaLocation else {
                    refuse(finding, "no header location")
                    continue
                }
                if finding.actual == "absent" {
                    add(
                        path(location.pointer.tokens), "header made optional: " + evidence,
                        update: ["required": .bool(false)])
                } else {
                    // The header's schema: accept any string (a header value is text).
                    add(path(location.pointer.tokens), "header schema widened: " + evidence, update: nil, remove: true)
                    add(
                        path(Array(location.pointer.tokens.dropLast())), "header schema widened: " + evidence,
                        update: ["schema": ["type": "string"]])
                }
            case "content_type_conformance":
                refuse(
                    finding, "a wrong Content-Type is usually the server's bug; document it by hand if it is intended")
            default:
                refuse(finding, "no overlay repair for \(finding.check)")
            }
        }
        var root = JSONObject()
        root["overlay"] = .string("1.0.0")
        root["info"] = [
            "title": .string(title ?? "SpecGate suggestions for \(report.suite)"), "version": .string("1.0.0"),
        ]
        root["actions"] = .array(
            actions.map { action in
                var a = JSONObject()
                a["target"] = .string(action.target)
                a["description"] = .string(action.description)
                if action.remove {
                    a["remove"] = .bool(true)
                } else if let update = action.update {
                    a["update"] = update
                }
                return .object(a)
            })
        return Suggestion(overlay: .object(root), actionCount: actions.count, refusals: refusals)
    }

    /// A JSONPath (RFC 9535) selecting the node at `tokens`.
    static func path(_ tokens: [String]) -> String {
        "$" + tokens.map { "[" + literal($0) + "]" }.joined()
    }

    static func literal(_ text: String) -> String {
        "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
    }

    /// The first double-quoted name in a message (`missing required property "title"`).
    static func quoted(_ message: String) -> String? {
        guard let start = message.firstIndex(of: "\"") else { return nil }
        let rest = message[message.index(after: start)...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// "expected integer or string, got string" → ["integer", "string"].
    static func expectedTypes(_ message: String) -> [String] {
        guard let start = message.range(of: "expected "),
            let end = message.range(of: ", got", range: start.upperBound..<message.endIndex)
        else { return [] }
        return message[start.upperBound..<end.lowerBound].components(separatedBy: " or ").filter {
            $0 != "null" && !$0.isEmpty
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .bool: return "boolean"
        case .null: return "null"
        case .number(let n): return n.isInteger ? "integer" : "number"
        }
    }

    static func mediaType(_ headers: [HeaderField]) -> String? {
        guard let value = headers.first(where: { $0.name.lowercased() == "content-type" })?.value else { return nil }
        let media = value.split(separator: ";").first.map { String($0).trimmingWhitespace() } ?? ""
        return media.isEmpty ? nil : media
    }

    /// A loose schema for an observed value: types and properties, nothing required, arrays' items the
    /// union of their elements' shapes (a type two elements disagree on is left open).
    static func shape(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null: return .object(JSONObject())
        case .object(let members):
            var properties = JSONObject()
            for (key, member) in members { properties[key] = shape(member) }
            return ["type": "object", "properties": .object(properties)]
        case .array(let items):
            let item = items.map(shape).reduce(nil as JSONValue?) { acc, next in acc.map { unite($0, next) } ?? next }
            return ["type": "array", "items": item ?? .object(JSONObject())]
        default:
            let type = typeName(value)
            return ["type": .string(type == "integer" ? "number" : type)]
        }
    }

    static func unite(_ a: JSONValue, _ b: JSONValue) -> JSONValue {
        guard case .object(let x) = a, case .object(let y) = b, x["type"] == y["type"], x["type"] != nil else {
            return .object(JSONObject())
        }
        if x["type"] == "object", case .object(let px)? = x["properties"], case .object(let py)? = y["properties"] {
            var properties = px
            for (key, value) in py { properties[key] = properties[key].map { unite($0, value) } ?? value }
            return ["type": "object", "properties": .object(properties)]
        }
        if x["type"] == "array", let ix = x["items"], let iy = y["items"] {
            return ["type": "array", "items": unite(ix, iy)]
        }
        return a
    }

    /// Objects merge, arrays concatenate without repeats, anything else: the later value.
    static func merge(_ a: JSONValue, _ b: JSONValue) -> JSONValue {
        switch (a, b) {
        case (.object(var x), .object(let y)):
            for (key, value) in y { x[key] = x[key].map { merge($0, value) } ?? value }
            return .object(x)
        case (.array(let x), .array(let y)):
            var out = x
            for item in y where !out.contains(item) { out.append(item) }
            return .array(out)
        default:
            return b
        }
    }
}
