import SpecGateJSON

/// One defect seen on several operations: findings of one check that share a cause (the same schema
/// location, the same violation at the same place of the same-shaped schema, the same undocumented status,
/// the same header missing or invalid). Every finding belongs to exactly one root cause.
public struct RootCause: Sendable, Hashable {
    /// Stable across runs: derived from the grouping key, not from the order of findings.
    public var id: String
    public var check: String
    /// One line, e.g. "`GetBookingOutput_2024_08_13.status`: \"succeeded\" is not one of [\"success\", \"error\"]".
    public var summary: String
    /// Operation ids, in the order their findings appear.
    public var operations: [String]
    /// Finding fingerprints, in report order.
    public var findings: [String]

    public init(id: String, check: String, summary: String, operations: [String], findings: [String]) {
        self.id = id
        self.check = check
        self.summary = summary
        self.operations = operations
        self.findings = findings
    }
}

/// Groups findings into root causes (pure, deterministic; no I/O).
public enum RootCauseAnalysis {
    /// Root causes of `findings`, largest first (operations, then findings), ties in order of first finding.
    public static func group(_ findings: [Finding]) -> [RootCause] {
        guard !findings.isEmpty else { return [] }
        // Union-find over findings: two findings sharing any key are one root cause.
        var parent = Array(findings.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        var owner: [String: Int] = [:]
        var keysOf: [[String]] = []
        for (i, finding) in findings.enumerated() {
            let keys = self.keys(finding)
            keysOf.append(keys)
            for key in keys {
                if let j = owner[key] {
                    let (a, b) = (find(i), find(j))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    owner[key] = i
                }
            }
        }
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in findings.indices {
            let root = find(i)
            if members[root] == nil { order.append(root) }
            members[root, default: []].append(i)
        }
        var causes: [(cause: RootCause, first: Int)] = []
        for root in order {
            let indices = members[root] ?? []
            guard let first = indices.first else { continue }
            var operations: [String] = []
            for i in indices where !operations.contains(findings[i].operationID) {
                operations.append(findings[i].operationID)
            }
            let key = indices.flatMap { keysOf[$0] }.min() ?? findings[first].fingerprint
            let group = indices.map { findings[$0] }
            causes.append(
                (
                    RootCause(
                        id: "rc-" + Fingerprint.of(["root cause", key]), check: findings[first].check,
                        summary: summary(group), operations: operations, findings: group.map(\.fingerprint)),
                    first
                ))
        }
        causes.sort { a, b in
            if a.cause.operations.count != b.cause.operations.count {
                return a.cause.operations.count > b.cause.operations.count
            }
            if a.cause.findings.count != b.cause.findings.count {
                return a.cause.findings.count > b.cause.findings.count
            }
            return a.first < b.first
        }
        return causes.map(\.cause)
    }

    /// The keys a finding is grouped by (each starts with the check).
    static func keys(_ finding: Finding) -> [String] {
        let check = finding.check
        switch check {
        case "response_schema_conformance":
            guard let location = finding.schemaLocation, let pointer = finding.instancePointer else { break }
            let keyword = location.pointer.tokens.last ?? ""
            let (_, tail) = component(location)
            return [
                // The same schema keyword (a component or shared `$ref` target) failing.
                check + "|location|" + location.description,
                // The same violation at the same place of a same-shaped schema (e.g. every operation's
                // output component declaring `status: enum [success, error]`).
                check + "|shape|" + keyword + "|" + folded(pointer) + "|" + tail.description + "|" + violation(finding),
            ]
        case "status_code_conformance":
            if let actual = finding.actual { return [check + "|status|" + actual] }
        case "response_headers_conformance":
            if let header = header(finding) { return [check + "|header|" + header] }
        default:
            break
        }
        return [check + "|message|" + (finding.mutation ?? "") + "|" + finding.message]
    }

    /// The violation without its instance location and the value it saw, for keywords whose message
    /// names the value first ("\"x\" is not one of …" stays whole: the allowed set is the defect).
    static func violation(_ finding: Finding) -> String {
        let message = stripped(finding)
        guard let keyword = finding.schemaLocation?.pointer.tokens.last else { return message }
        switch keyword {
        case "type":
            // "expected integer, got string \"12\"": the expected type and the JSON type seen.
            if let got = message.range(of: ", got ") {
                let rest = message[got.upperBound...]
                return String(message[..<got.upperBound]) + String(rest.prefix { $0 != " " })
            }
            return message
        case "enum", "const", "required", "additionalProperties":
            return message
        default:
            return keyword
        }
    }

    /// The message without its leading "<instance pointer>: ".
    static func stripped(_ finding: Finding) -> String {
        guard let pointer = finding.instancePointer else { return finding.message }
        let prefix = pointer.description + ": "
        return finding.message.hasPrefix(prefix) ? String(finding.message.dropFirst(prefix.count)) : finding.message
    }

    /// "missing x-ratelimit-limit" / "invalid x-ratelimit-remaining" from a header finding.
    static func header(_ finding: Finding) -> String? {
        if finding.actual == "absent", let expected = finding.expected, expected.hasSuffix(" present") {
            return "missing " + expected.dropLast(" present".count).lowercased()
        }
        if finding.message.hasPrefix("header "), let colon = finding.message.firstIndex(of: ":") {
            return "invalid "
                + finding.message[finding.message.index(finding.message.startIndex, offsetBy: 7)..<colon].lowercased()
        }
        return nil
    }

    /// Array indices of an instance pointer folded to `*`.
    static func folded(_ pointer: JSONPointer) -> String {
        JSONPointer(tokens: pointer.tokens.map { JSONPointer.arrayIndex($0) == nil ? $0 : "*" }).description
    }

    /// The component a schema location is in (`#/components/schemas/<name>/…`, also `definitions`) and the
    /// pointer inside it; no name and the whole pointer when it is not in a component.
    static func component(_ location: JSONLocation) -> (name: String?, tail: JSONPointer) {
        let tokens = location.pointer.tokens
        if tokens.count >= 3 && tokens[0] == "components" && tokens[1] == "schemas" {
            return (tokens[2], JSONPointer(tokens: Array(tokens.dropFirst(3))))
        }
        if tokens.count >= 2 && tokens[0] == "definitions" {
            return (tokens[1], JSONPointer(tokens: Array(tokens.dropFirst(2))))
        }
        return (nil, location.pointer)
    }

    /// "status" from `/properties/status/enum`, "data.hosts[].id" from `/properties/data/properties/hosts/items/properties/id/type`.
    static func propertyPath(_ tail: JSONPointer) -> String {
        var path = ""
        var tokens = tail.tokens
        if !tokens.isEmpty { tokens.removeLast() }  // the keyword
        var i = 0
        while i < tokens.count {
            switch tokens[i] {
            case "properties" where i + 1 < tokens.count:
                path += (path.isEmpty ? "" : ".") + tokens[i + 1]
                i += 2
                continue
            case "items":
                path += "[]"
            default:
                break
            }
            i += 1
        }
        return path
    }

    static func summary(_ group: [Finding]) -> String {
        guard let first = group.first else { return "" }
        switch first.check {
        case "response_schema_conformance":
            guard let location = first.schemaLocation, first.instancePointer != nil else { break }
            let names = group.compactMap { $0.schemaLocation.flatMap { component($0).name } }
            var distinct: [String] = []
            for name in names where !distinct.contains(name) { distinct.append(name) }
            let property = propertyPath(component(location).tail)
            let place: String
            if distinct.count == 1, let name = distinct.first {
                place = "`" + name + (property.isEmpty ? "" : "." + property) + "`"
            } else if distinct.count > 1 {
                place =
                    "`" + (property.isEmpty ? "(body)" : property) + "` of \(distinct.count) schemas ("
                    + distinct.prefix(3).joined(separator: ", ") + (distinct.count > 3 ? ", …" : "") + ")"
            } else {
                place = "`" + (first.instancePointer.map(folded) ?? "") + "`"
            }
            return place + ": " + stripped(first)
        case "status_code_conformance":
            if let actual = first.actual { return "status \(actual) is not documented" }
        case "response_headers_conformance":
            if let header = header(first) {
                return "response header " + header.split(separator: " ").dropFirst().joined(separator: " ")
                    + (header.hasPrefix("missing") ? " is missing" : " has a value its schema rejects")
            }
        default:
            break
        }
        return first.message
    }
}
