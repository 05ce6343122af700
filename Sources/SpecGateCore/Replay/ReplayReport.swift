import SpecGateJSON

/// What re-sending a finding's request showed.
public enum ReplayOutcome: String, Sendable, Hashable {
    /// The check found the same defect again (same fingerprint).
    case stillFailing = "still-failing"
    /// The response came and the check no longer finds the defect.
    case fixed
    /// No response (transport error): the defect could not be judged.
    case notReproducible = "not-reproducible"
}

/// One finding re-sent and re-judged.
public struct ReplayResult: Sendable, Hashable {
    public var fingerprint: String
    public var check: String
    public var operationID: String
    public var operationName: String
    public var caseID: String
    public var outcome: ReplayOutcome
    /// Why: the violation found again, "no violation", or the transport error (masked).
    public var detail: String
    /// The request re-sent, masked.
    public var request: RequestSummary
    /// The response status, when one came.
    public var status: Int?
    /// How linked path parameters were filled: "fresh bookingUid from …", or "as stored".
    public var linkNote: String?

    public init(
        fingerprint: String, check: String, operationID: String, operationName: String, caseID: String,
        outcome: ReplayOutcome,
        detail: String, request: RequestSummary, status: Int?, linkNote: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.check = check
        self.operationID = operationID
        self.operationName = operationName
        self.caseID = caseID
        self.outcome = outcome
        self.detail = detail
        self.request = request
        self.status = status
        self.linkNote = linkNote
    }
}

/// The result of `specgate replay`: every selected finding's outcome.
public struct ReplayReport: Sendable, Hashable {
    public var toolVersion: String
    /// The report replayed (path as given).
    public var source: String
    /// The base URL the requests went to (masked).
    public var baseURL: String
    public var startedAt: String
    public var results: [ReplayResult]
    /// Notes and warnings (one list for the console, JSON and JUnit reports).
    public var diagnostics: [Diagnostic]
    /// The diagnostics as one-line texts.
    public var notes: [String] { diagnostics.lines }

    public init(
        toolVersion: String, source: String, baseURL: String, startedAt: String, results: [ReplayResult],
        diagnostics: [Diagnostic] = []
    ) {
        self.toolVersion = toolVersion
        self.source = source
        self.baseURL = baseURL
        self.startedAt = startedAt
        self.results = results
        self.diagnostics = diagnostics
    }

    public func count(_ outcome: ReplayOutcome) -> Int { results.filter { $0.outcome == outcome }.count }

    /// 0 when every replayed finding is fixed (also when there was none to replay); 1 otherwise.
    public var exitCode: Int32 {
        results.allSatisfy { $0.outcome == .fixed } ? 0 : 1
    }
}

/// `ReplayReport` as JSON (`"specgateReplay": 1`).
public enum ReplayReportJSON {
    public static let formatVersion = 1

    public static func encode(_ report: ReplayReport) -> JSONValue {
        var summary = JSONObject()
        summary["replayed"] = .number(JSONNumber(report.results.count))
        for outcome in [ReplayOutcome.stillFailing, .fixed, .notReproducible] {
            summary[outcome.rawValue] = .number(JSONNumber(report.count(outcome)))
        }
        summary["exitCode"] = .number(JSONNumber(Int(report.exitCode)))
        var root = JSONObject()
        root["specgateReplay"] = .number(JSONNumber(formatVersion))
        root["tool"] = .string("specgate " + report.toolVersion)
        root["report"] = .string(report.source)
        root["baseURL"] = .string(report.baseURL)
        root["startedAt"] = .string(report.startedAt)
        root["summary"] = .object(summary)
        root["results"] = .array(
            report.results.map { result in
                var r = JSONObject()
                r["fingerprint"] = .string(result.fingerprint)
                r["check"] = .string(result.check)
                r["operation"] = .string(result.operationID)
                r["operationName"] = .string(result.operationName)
                r["case"] = .string(result.caseID)
                r["outcome"] = .string(result.outcome.rawValue)
                r["detail"] = .string(result.detail)
                r["status"] = result.status.map { .number(JSONNumber($0)) } ?? .null
                r["links"] = result.linkNote.map { .string($0) } ?? .null
                r["request"] = [
                    "method": .string(result.request.method), "url": .string(result.request.url),
                    "curl": .string(result.request.curl),
                ]
                return .object(r)
            })
        root["notes"] = .array(report.notes.map { .string($0) })
        root["diagnostics"] = RunReportJSON.encode(report.diagnostics)
        return .object(root)
    }
}
