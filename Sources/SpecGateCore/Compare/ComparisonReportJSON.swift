import SpecGateJSON

/// The JSON form of a `ComparisonReport` (`"specgateCompare": 1`). Keys are stable; differences are in
/// sending order, operations in report order.
public enum ComparisonReportJSON {
    public static let formatVersion = 1

    public static func encode(_ report: ComparisonReport) -> JSONValue {
        var byKind = JSONObject()
        for kind in DifferenceKind.allCases {
            byKind[kind.rawValue] = count(report.differing.filter { $0.kinds.contains(kind) }.count)
        }
        var summary = JSONObject()
        summary["operations"] = count(report.operations.count)
        summary["cases"] = count(report.comparedCases)
        summary["casesWithDifferences"] = count(report.differing.count)
        summary["differences"] = count(report.differenceCount)
        summary["casesByKind"] = .object(byKind)
        summary["exitCode"] = count(Int(report.exitCode))

        var root = JSONObject()
        root["specgateCompare"] = count(formatVersion)
        root["tool"] = .string("specgate " + report.toolVersion)
        root["suite"] = .string(report.suite)
        root["spec"] = .string(report.specTitle)
        root["seed"] = .string(String(report.seed))
        root["startedAt"] = .string(report.startedAt)
        root["durationMs"] = .number(JSONNumber(Int(report.durationMilliseconds.rounded())))
        root["incomplete"] = .bool(report.incomplete)
        root["checks"] = .array(report.checks.map { .string($0) })
        root["targets"] = [
            "a": target(
                report.baseURLA, requests: report.requestsA, errors: report.transportErrorsA,
                unreachable: report.unreachableA),
            "b": target(
                report.baseURLB, requests: report.requestsB, errors: report.transportErrorsB,
                unreachable: report.unreachableB),
        ]
        root["notes"] = .array(report.notes.map { .string($0) })
        root["diagnostics"] = RunReportJSON.encode(report.diagnostics)
        root["summary"] = .object(summary)
        root["operations"] = .array(
            report.operations.map { operation in
                var kinds = JSONObject()
                for kind in DifferenceKind.allCases { kinds[kind.rawValue] = count(operation.count(kind)) }
                return [
                    "id": .string(operation.operationID), "name": .string(operation.name),
                    "cases": count(operation.cases),
                    "casesByKind": .object(kinds),
                ]
            })
        root["differences"] = .array(report.differing.map(encode))
        return .object(root)
    }

    static func encode(_ comparison: CaseComparison) -> JSONValue {
        var o = JSONObject()
        o["operation"] = .string(comparison.operationID)
        o["name"] = .string(comparison.operationName)
        o["case"] = .string(comparison.caseID)
        o["mutation"] = comparison.mutation.map { .string($0) } ?? .null
        o["kinds"] = .array(comparison.kinds.map { .string($0.rawValue) })
        o["a"] = encode(comparison.a, curl: comparison.curlA)
        o["b"] = encode(comparison.b, curl: comparison.curlB)
        o["differences"] = .array(
            comparison.differences.map { difference in
                var d = JSONObject()
                d["kind"] = .string(difference.kind.rawValue)
                d["message"] = .string(difference.message)
                if let check = difference.check { d["check"] = .string(check) }
                if let shape = difference.shape {
                    d["pointer"] = .string(shape.pointer)
                    d["shape"] = .string(shape.kind.rawValue)
                    d["a"] = .array(shape.a.map { .string($0) })
                    d["b"] = .array(shape.b.map { .string($0) })
                }
                return .object(d)
            })
        return .object(o)
    }

    static func encode(_ side: SideOutcome, curl: String) -> JSONValue {
        var o = JSONObject()
        o["status"] = side.status.map(count) ?? .null
        o["statusClass"] = .string(side.statusClass)
        o["transportError"] = side.transportError.map { .string($0) } ?? .null
        o["failingChecks"] = .array(
            zip(side.failingChecks, side.failureMessages).map { ["check": .string($0), "message": .string($1)] })
        o["curl"] = curl.isEmpty ? .null : .string(curl)
        return .object(o)
    }

    static func target(_ url: String, requests: Int, errors: Int, unreachable: Bool) -> JSONValue {
        [
            "baseURL": .string(url), "requests": count(requests), "transportErrors": count(errors),
            "unreachable": .bool(unreachable),
        ]
    }

    static func count(_ n: Int) -> JSONValue { .number(JSONNumber(n)) }
}
