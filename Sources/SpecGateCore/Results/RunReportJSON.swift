import SpecGateJSON

/// The JSON report: `RunReport` as a `JSONValue` (schema version 1). Keys are stable; consumers
/// (baselines, `merge`, CI dashboards) rely on them.
public enum RunReportJSON {
    public static let formatVersion = 1

    public static func encode(_ report: RunReport) -> JSONValue {
        var summary = JSONObject()
        summary["operations"] = .number(JSONNumber(report.operations.count))
        summary["requests"] = .number(JSONNumber(report.requests))
        summary["failures"] = .number(JSONNumber(report.failures.count))
        summary["errors"] = .number(JSONNumber(report.errors.count))
        summary["baselined"] = .number(JSONNumber(report.baselinedFindings.count))
        summary["flaky"] = .number(JSONNumber(report.flakyFindings.count))
        summary["transportErrors"] = .number(JSONNumber(report.transportErrors))
        summary["exitCode"] = .number(JSONNumber(Int(report.exitCode)))

        var root = JSONObject()
        root["specgateReport"] = .number(JSONNumber(formatVersion))
        root["tool"] = .string("specgate " + report.toolVersion)
        root["suite"] = .string(report.suite)
        root["suitePath"] = report.suitePath.map { .string($0) } ?? .null
        root["spec"] = .string(report.specTitle)
        root["baseURL"] = .string(report.baseURL)
        root["seed"] = .string(String(report.seed))
        root["startedAt"] = .string(report.startedAt)
        root["durationMs"] = number(report.durationMilliseconds)
        root["incomplete"] = .bool(report.incomplete)
        root["checks"] = .array(report.checks.map { .string($0) })
        root["notes"] = .array(report.notes.map { .string($0) })
        root["diagnostics"] = encode(report.diagnostics)
        root["summary"] = .object(summary)
        root["operations"] = .array(report.operations.map(encode))
        root["findings"] = .array(report.findings.map(encode))
        root["rootCauses"] = .array(report.rootCauses.map(encode))
        if let shard = report.shard {
            root["shard"] = ["index": .number(JSONNumber(shard.index)), "count": .number(JSONNumber(shard.count))]
        }
        if let baseline = report.baseline { root["baseline"] = encode(baseline) }
        if let coverage = report.coverage { root["coverage"] = encode(coverage) }
        return .object(root)
    }

    /// `[{severity, code, file, pointer, line, message}]`; unknown location parts are null.
    public static func encode(_ diagnostics: [Diagnostic]) -> JSONValue {
        .array(
            diagnostics.map { d in
                var o = JSONObject()
                o["severity"] = .string(d.severity.rawValue)
                o["code"] = .string(d.code)
                o["file"] = d.location.file.map { .string($0) } ?? .null
                o["pointer"] = d.location.pointer.map { .string($0.description) } ?? .null
                o["line"] = d.location.line.map { .number(JSONNumber($0)) } ?? .null
                o["message"] = .string(d.message)
                return .object(o)
            })
    }

    static func encode(_ cause: RootCause) -> JSONValue {
        var c = JSONObject()
        c["id"] = .string(cause.id)
        c["check"] = .string(cause.check)
        c["summary"] = .string(cause.summary)
        c["operations"] = .array(cause.operations.map { .string($0) })
        c["findings"] = .array(cause.findings.map { .string($0) })
        return .object(c)
    }

    static func encode(_ coverage: ContractCoverage) -> JSONValue {
        var c = JSONObject()
        c["documentedStatuses"] = .number(JSONNumber(coverage.documentedStatuses))
        c["observedStatuses"] = .number(JSONNumber(coverage.observedStatuses))
        c["statusPercent"] = number(coverage.statusPercent)
        c["minimumPercent"] = coverage.minimumPercent.map(number) ?? .null
        c["operations"] = .array(
            coverage.operations.map { operation in
                var o = JSONObject()
                o["id"] = .string(operation.operationID)
                o["documented"] = .array(operation.documented.map { .string($0) })
                o["observed"] = .array(operation.observed.map { .string($0) })
                o["undocumented"] = .array(operation.undocumented.map { .number(JSONNumber($0)) })
                o["enums"] = .array(
                    operation.enums.map { e in
                        [
                            "location": .string(e.location), "values": .array(e.values.map { .string($0) }),
                            "observed": .array(e.observed.map { .string($0) }),
                        ]
                    })
                return .object(o)
            })
        return .object(c)
    }

    static func encode(_ baseline: BaselineComparison) -> JSONValue {
        var b = JSONObject()
        b["file"] = .string(baseline.path)
        b["baselined"] = .array(baseline.baselined.map { .string($0) })
        b["fixed"] = .array(baseline.fixed.map(Baseline.encode))
        b["expired"] = .array(baseline.expired.map(Baseline.encode))
        return .object(b)
    }

    static func number(_ value: Double) -> JSONValue {
        .number(JSONNumber((value * 1000).rounded() / 1000))
    }

    static func encode(_ operation: OperationResult) -> JSONValue {
        var o = JSONObject()
        o["id"] = .string(operation.operationID)
        o["method"] = .string(operation.method)
        o["path"] = .string(operation.path)
        o["validCases"] = .number(JSONNumber(operation.validCases))
        o["invalidCases"] = .number(JSONNumber(operation.invalidCases))
        o["errors"] = .number(JSONNumber(operation.errors))
        o["durationMs"] = number(operation.durationMilliseconds)
        if let latency = operation.latency {
            var l = JSONObject()
            l["samples"] = .number(JSONNumber(latency.samples))
            func percentiles(_ p: LatencyPercentiles) -> JSONValue {
                var figures = JSONObject()
                figures["p50"] = number(p.p50)
                figures["p95"] = number(p.p95)
                figures["p99"] = number(p.p99)
                figures["max"] = number(p.max)
                return .object(figures)
            }
            l["totalMs"] = percentiles(latency.total)
            if let firstByte = latency.firstByte { l["firstByteMs"] = percentiles(firstByte) }
            if let connect = latency.connect { l["connectMs"] = percentiles(connect) }
            o["latency"] = .object(l)
        }
        o["checks"] = .array(
            operation.checks.map { check in
                var c = JSONObject()
                c["name"] = .string(check.name)
                c["status"] = .string(check.status.rawValue)
                c["judged"] = .number(JSONNumber(check.judged))
                c["failedExchanges"] = .number(JSONNumber(check.failedExchanges))
                c["findings"] = .array(check.findings.map { .string($0) })
                if let reason = check.reason { c["reason"] = .string(reason) }
                return .object(c)
            })
        return .object(o)
    }

    static func encode(_ finding: Finding) -> JSONValue {
        var f = JSONObject()
        f["fingerprint"] = .string(finding.fingerprint)
        f["kind"] = .string(finding.kind.rawValue)
        f["check"] = .string(finding.check)
        f["operation"] = .string(finding.operationID)
        f["operationName"] = .string(finding.operationName)
        f["case"] = .string(finding.caseID)
        f["mutation"] = finding.mutation.map { .string($0) } ?? .null
        f["message"] = .string(finding.message)
        f["expected"] = finding.expected.map { .string($0) } ?? .null
        f["actual"] = finding.actual.map { .string($0) } ?? .null
        f["instancePointer"] = finding.instancePointer.map { .string($0.description) } ?? .null
        f["schemaLocation"] = finding.schemaLocation.map { .string($0.description) } ?? .null
        f["occurrences"] = .number(JSONNumber(finding.occurrences))
        f["baselined"] = .bool(finding.baselined)
        f["flaky"] = .bool(finding.flaky)
        f["request"] = encode(finding.request)
        if let repro = finding.minimalRepro {
            var m = JSONObject()
            m["status"] = .number(JSONNumber(repro.status))
            m["resends"] = .number(JSONNumber(repro.resends))
            m["changes"] = .array(repro.changes.map { .string($0) })
            m["request"] = encode(repro.request)
            f["minimalRepro"] = .object(m)
        }
        if let response = finding.response {
            var r = JSONObject()
            r["status"] = .number(JSONNumber(response.status))
            r["headers"] = headers(response.headers)
            r["body"] = response.bodyExcerpt.map { .string($0) } ?? .null
            r["elapsedMs"] = number(response.elapsedMilliseconds)
            r["truncated"] = .bool(response.truncated)
            f["response"] = .object(r)
        } else {
            f["response"] = .null
        }
        return .object(f)
    }

    static func encode(_ summary: RequestSummary) -> JSONValue {
        var request = JSONObject()
        request["method"] = .string(summary.method)
        request["url"] = .string(summary.url)
        request["headers"] = headers(summary.headers)
        request["body"] = summary.bodyExcerpt.map { .string($0) } ?? .null
        if let body = summary.body { request["fullBody"] = .string(body) }
        request["curl"] = .string(summary.curl)
        return .object(request)
    }

    static func headers(_ fields: [HeaderField]) -> JSONValue {
        .array(fields.map { .array([.string($0.name), .string($0.value)]) })
    }
}
