import SpecGateJSON

/// Reads a JSON report (`RunReportJSON`, format 1) back into a `RunReport`, for `baseline accept` and
/// `merge`. Errors name the file and the JSON pointer of the offending value.
public struct RunReportJSONDecoder: Sendable {
    /// The report file, for error messages.
    public var file: String

    public init(file: String) {
        self.file = file
    }

    /// Parses and decodes a report file's bytes.
    public func decode(bytes: [UInt8]) throws(SpecLoadError) -> RunReport {
        let value: JSONValue
        do {
            value = try JSONParser().parse(bytes)
        } catch {
            throw SpecLoadError(file: file, message: "not a JSON report: \(error)")
        }
        return try decode(value)
    }

    public func decode(_ value: JSONValue) throws(SpecLoadError) -> RunReport {
        let root = try object(value, .root)
        guard root["specgateReport"]?.intValue == RunReportJSON.formatVersion else {
            throw fail(.root, "not a specgate report (expected \"specgateReport\": \(RunReportJSON.formatVersion))")
        }
        let tool = try string(root, "tool", .root)
        var report = RunReport(
            toolVersion: tool.hasPrefix("specgate ") ? String(tool.dropFirst(9)) : tool,
            suite: try string(root, "suite", .root), specTitle: try string(root, "spec", .root),
            baseURL: try string(root, "baseURL", .root), seed: UInt64(try string(root, "seed", .root)) ?? 0,
            startedAt: try string(root, "startedAt", .root),
            durationMilliseconds: try double(root, "durationMs", .root),
            checks: try strings(root, "checks", .root),
            operations: try array(root, "operations", .root).enumerated().map { (i, v) throws(SpecLoadError) in
                try operation(v, JSONPointer.root.appending("operations").appending(i))
            },
            findings: try array(root, "findings", .root).enumerated().map { (i, v) throws(SpecLoadError) in
                try finding(v, JSONPointer.root.appending("findings").appending(i))
            },
            requests: try int(
                try object(root["summary"] ?? .null, JSONPointer.root.appending("summary")), "requests",
                JSONPointer.root.appending("summary")),
            transportErrors: try int(
                try object(root["summary"] ?? .null, JSONPointer.root.appending("summary")), "transportErrors",
                JSONPointer.root.appending("summary")),
            incomplete: try bool(root, "incomplete", .root), diagnostics: try diagnostics(root))
        report.suitePath = try optionalString(root, "suitePath", .root)
        if let shard = root["shard"], !shard.isNull {
            let pointer = JSONPointer.root.appending("shard")
            let o = try object(shard, pointer)
            guard let s = Shard(index: try int(o, "index", pointer), count: try int(o, "count", pointer)) else {
                throw fail(pointer, "invalid shard")
            }
            report.shard = s
        }
        if let baseline = root["baseline"], !baseline.isNull {
            let pointer = JSONPointer.root.appending("baseline")
            let o = try object(baseline, pointer)
            report.baseline = BaselineComparison(
                path: try string(o, "file", pointer), baselined: try strings(o, "baselined", pointer),
                fixed: try entries(o, "fixed", pointer), expired: try entries(o, "expired", pointer))
        }
        if let coverage = root["coverage"], !coverage.isNull {
            report.coverage = try self.coverage(coverage, JSONPointer.root.appending("coverage"))
        }
        // Derived from the findings; read only to reject a malformed section.
        _ = try rootCauses(value)
        return report
    }

    /// The `diagnostics` section; a report written before it existed has only `notes` (read as notes).
    func diagnostics(_ root: JSONObject) throws(SpecLoadError) -> [Diagnostic] {
        guard let list = root["diagnostics"], !list.isNull else {
            return try strings(root, "notes", .root).map(Diagnostic.init(note:))
        }
        let pointer = JSONPointer.root.appending("diagnostics")
        return try array(root, "diagnostics", .root).enumerated().map { (i, v) throws(SpecLoadError) -> Diagnostic in
            let p = pointer.appending(i)
            let o = try object(v, p)
            guard let severity = Diagnostic.Severity(rawValue: try string(o, "severity", p)) else {
                throw fail(p.appending("severity"), "expected note, warning or error")
            }
            let file = try optionalString(o, "file", p)
            let pointerText = try optionalString(o, "pointer", p)
            let line = o["line"]?.intValue
            return Diagnostic(
                severity, code: try string(o, "code", p),
                location: Diagnostic.Location(file: file, pointer: pointerText.flatMap { JSONPointer($0) }, line: line),
                message: try string(o, "message", p))
        }
    }

    /// The `rootCauses` section of a report as written (empty when the report predates it). A decoded
    /// `RunReport` derives its root causes from its findings; this reads what the file says.
    public func rootCauses(_ value: JSONValue) throws(SpecLoadError) -> [RootCause] {
        let root = try object(value, .root)
        guard let causes = root["rootCauses"], !causes.isNull else { return [] }
        let pointer = JSONPointer.root.appending("rootCauses")
        return try array(root, "rootCauses", .root).enumerated().map { (i, v) throws(SpecLoadError) -> RootCause in
            let p = pointer.appending(i)
            let o = try object(v, p)
            return RootCause(
                id: try string(o, "id", p), check: try string(o, "check", p), summary: try string(o, "summary", p),
                operations: try strings(o, "operations", p), findings: try strings(o, "findings", p))
        }
    }

    func coverage(_ value: JSONValue, _ pointer: JSONPointer) throws(SpecLoadError) -> ContractCoverage {
        let c = try object(value, pointer)
        var minimum: Double?
        if let m = c["minimumPercent"], !m.isNull { minimum = try double(c, "minimumPercent", pointer) }
        let operations = try array(c, "operations", pointer).enumerated().map {
            (i, v) throws(SpecLoadError) -> OperationCoverage in
            let p = pointer.appending("operations").appending(i)
            let o = try object(v, p)
            let undocumented = try array(o, "undocumented", p).enumerated().map { (j, u) throws(SpecLoadError) -> Int in
                guard let n = u.intValue else {
                    throw fail(p.appending("undocumented").appending(j), "expected an integer")
                }
                return n
            }
            let enums = try array(o, "enums", p).enumerated().map { (j, e) throws(SpecLoadError) -> EnumCoverage in
                let ep = p.appending("enums").appending(j)
                let eo = try object(e, ep)
                return EnumCoverage(
                    location: try string(eo, "location", ep), values: try strings(eo, "values", ep),
                    observed: try strings(eo, "observed", ep))
            }
            return OperationCoverage(
                operationID: try string(o, "id", p), documented: try strings(o, "documented", p),
                observed: try strings(o, "observed", p), undocumented: undocumented, enums: enums)
        }
        return ContractCoverage(operations: operations, minimumPercent: minimum)
    }

    func operation(_ value: JSONValue, _ pointer: JSONPointer) throws(SpecLoadError) -> OperationResult {
        let o = try object(value, pointer)
        let checks = try array(o, "checks", pointer).enumerated().map { (i, v) throws(SpecLoadError) -> CheckResult in
            let p = pointer.appending("checks").appending(i)
            let c = try object(v, p)
            let statusText = try string(c, "status", p)
            guard let status = CheckResult.Status(rawValue: statusText) else {
                throw fail(p.appending("status"), "unknown check status \"\(statusText)\"")
            }
            return CheckResult(
                name: try string(c, "name", p), status: status, judged: try int(c, "judged", p),
                failedExchanges: try int(c, "failedExchanges", p), findings: try strings(c, "findings", p),
                reason: try optionalString(c, "reason", p))
        }
        var result = OperationResult(
            operationID: try string(o, "id", pointer), method: try string(o, "method", pointer),
            path: try string(o, "path", pointer),
            validCases: try int(o, "validCases", pointer), invalidCases: try int(o, "invalidCases", pointer),
            errors: try int(o, "errors", pointer), checks: checks,
            durationMilliseconds: try double(o, "durationMs", pointer))
        if o["latency"] != nil {
            let p = pointer.appending("latency")
            let l = try object(o["latency"] ?? .null, p)
            func percentiles(_ key: String) throws(SpecLoadError) -> LatencyPercentiles? {
                guard l[key] != nil else { return nil }
                let q = p.appending(key)
                let f = try object(l[key] ?? .null, q)
                return LatencyPercentiles(
                    p50: try double(f, "p50", q), p95: try double(f, "p95", q), p99: try double(f, "p99", q),
                    max: try double(f, "max", q))
            }
            guard let total = try percentiles("totalMs") else { throw fail(p, "latency has no totalMs") }
            result.latency = LatencySummary(
                samples: try int(l, "samples", p), total: total, firstByte: try percentiles("firstByteMs"),
                connect: try percentiles("connectMs"))
        }
        return result
    }

    func finding(_ value: JSONValue, _ pointer: JSONPointer) throws(SpecLoadError) -> Finding {
        let f = try object(value, pointer)
        let kindText = try string(f, "kind", pointer)
        guard let kind = FindingKind(rawValue: kindText) else {
            throw fail(pointer.appending("kind"), "unknown kind \"\(kindText)\"")
        }
        let request = try requestSummary(f["request"] ?? .null, pointer.appending("request"))
        var response: ResponseSummary?
        if let v = f["response"], !v.isNull {
            let p = pointer.appending("response")
            let o = try object(v, p)
            response = ResponseSummary(
                status: try int(o, "status", p), headers: try headers(o, p),
                bodyExcerpt: try optionalString(o, "body", p),
                elapsedMilliseconds: try double(o, "elapsedMs", p), truncated: try bool(o, "truncated", p))
        }
        var instancePointer: JSONPointer?
        if let text = try optionalString(f, "instancePointer", pointer) {
            guard let p = JSONPointer(text) else {
                throw fail(pointer.appending("instancePointer"), "not a JSON pointer")
            }
            instancePointer = p
        }
        var schemaLocation: JSONLocation?
        if let text = try optionalString(f, "schemaLocation", pointer) {
            let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            guard let p = JSONPointer("#" + (parts.count == 2 ? String(parts[1]) : "")) else {
                throw fail(pointer.appending("schemaLocation"), "not a schema location")
            }
            schemaLocation = JSONLocation(document: String(parts[0]), pointer: p)
        }
        var result = Finding(
            fingerprint: try string(f, "fingerprint", pointer), kind: kind, check: try string(f, "check", pointer),
            operationID: try string(f, "operation", pointer), operationName: try string(f, "operationName", pointer),
            caseID: try string(f, "case", pointer), mutation: try optionalString(f, "mutation", pointer),
            message: try string(f, "message", pointer), expected: try optionalString(f, "expected", pointer),
            actual: try optionalString(f, "actual", pointer), instancePointer: instancePointer,
            schemaLocation: schemaLocation,
            request: request, response: response, occurrences: try int(f, "occurrences", pointer))
        if let b = f["baselined"], !b.isNull { result.baselined = try bool(f, "baselined", pointer) }
        if let b = f["flaky"], !b.isNull { result.flaky = try bool(f, "flaky", pointer) }
        if let v = f["minimalRepro"], !v.isNull {
            let p = pointer.appending("minimalRepro")
            let m = try object(v, p)
            let changes = try array(m, "changes", p).enumerated().map { (i, c) throws(SpecLoadError) -> String in
                guard let text = c.stringValue else { throw fail(p.appending("changes").appending(i), "not a string") }
                return text
            }
            result.minimalRepro = MinimalRepro(
                request: try requestSummary(m["request"] ?? .null, p.appending("request")),
                status: try int(m, "status", p),
                resends: try int(m, "resends", p), changes: changes)
        }
        return result
    }

    func requestSummary(_ value: JSONValue, _ requestPointer: JSONPointer) throws(SpecLoadError) -> RequestSummary {
        let r = try object(value, requestPointer)
        var request = RequestSummary(
            method: try string(r, "method", requestPointer), url: try string(r, "url", requestPointer),
            headers: try headers(r, requestPointer), bodyExcerpt: try optionalString(r, "body", requestPointer),
            curl: try string(r, "curl", requestPointer))
        request.body = try optionalString(r, "fullBody", requestPointer)
        return request
    }

    func entries(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> [BaselineEntry] {
        try array(o, key, pointer).enumerated().map { (i, v) throws(SpecLoadError) -> BaselineEntry in
            let p = pointer.appending(key).appending(i)
            let e = try object(v, p)
            return BaselineEntry(
                fingerprint: try string(e, "fingerprint", p), operation: try string(e, "operation", p),
                check: try string(e, "check", p), message: try string(e, "message", p),
                reason: try optionalString(e, "reason", p), expires: try optionalString(e, "expires", p),
                accepted: try string(e, "accepted", p))
        }
    }

    func headers(_ o: JSONObject, _ pointer: JSONPointer) throws(SpecLoadError) -> [HeaderField] {
        try array(o, "headers", pointer).enumerated().map { (i, v) throws(SpecLoadError) -> HeaderField in
            guard case .array(let pair) = v, pair.count == 2, let name = pair[0].stringValue,
                let value = pair[1].stringValue
            else {
                throw fail(pointer.appending("headers").appending(i), "a header is [name, value]")
            }
            return HeaderField(name: name, value: value)
        }
    }

    // MARK: Typed access

    func fail(_ pointer: JSONPointer, _ message: String) -> SpecLoadError {
        SpecLoadError(file: file, pointer: pointer, message: message)
    }

    func object(_ value: JSONValue, _ pointer: JSONPointer) throws(SpecLoadError) -> JSONObject {
        guard let o = value.objectValue else { throw fail(pointer, "expected an object, found \(value.typeName)") }
        return o
    }

    func field(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> JSONValue {
        guard let v = o[key] else { throw fail(pointer, "missing \"\(key)\"") }
        return v
    }

    func string(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> String {
        guard let s = try field(o, key, pointer).stringValue else {
            throw fail(pointer.appending(key), "expected a string")
        }
        return s
    }

    func optionalString(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> String? {
        guard let v = o[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw fail(pointer.appending(key), "expected a string or null") }
        return s
    }

    func int(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> Int {
        guard let n = try field(o, key, pointer).numberValue, n.isInteger, let i = n.intValue else {
            throw fail(pointer.appending(key), "expected an integer")
        }
        return i
    }

    func double(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> Double {
        guard let d = try field(o, key, pointer).doubleValue else {
            throw fail(pointer.appending(key), "expected a number")
        }
        return d
    }

    func bool(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> Bool {
        guard let b = try field(o, key, pointer).boolValue else {
            throw fail(pointer.appending(key), "expected a boolean")
        }
        return b
    }

    func array(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> [JSONValue] {
        guard let a = try field(o, key, pointer).arrayValue else {
            throw fail(pointer.appending(key), "expected an array")
        }
        return a
    }

    func strings(_ o: JSONObject, _ key: String, _ pointer: JSONPointer) throws(SpecLoadError) -> [String] {
        try array(o, key, pointer).enumerated().map { (i, v) throws(SpecLoadError) -> String in
            guard let s = v.stringValue else { throw fail(pointer.appending(key).appending(i), "expected a string") }
            return s
        }
    }
}
