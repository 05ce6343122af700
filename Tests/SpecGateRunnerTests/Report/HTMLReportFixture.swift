import SpecGateCore
import SpecGateJSON

/// A hand-built report with every grid state and hostile text: `<script>` in an operation id, a message,
/// a header and a response body; an unmasked secret (as if a report had leaked one); `%`, `:`, `,` and
/// newlines for the GitHub escaping.
enum HTMLReportFixture {
    static let hostileOperation = "create<script>alert('op')</script>"
    static let secret = "sk_live_0123456789abcdef"
    static let masker = SecretMasker(secrets: [.init(value: secret, placeholder: "$VENDOR_KEY")])
    static let disabledReason = "vendor omits X-RateLimit headers (CAL-42)"

    static func finding(
        _ fingerprint: String, check: String, operation: String, name: String, message: String, body: String? = nil
    ) -> Finding {
        Finding(
            fingerprint: fingerprint, kind: .failure, check: check, operationID: operation, operationName: name,
            caseID: operation + "/valid/1", mutation: nil, message: message,
            expected: "one of [\"success\", \"error\"]",
            actual: "\"<b>succeeded</b>\"", instancePointer: JSONPointer("/status"), schemaLocation: nil,
            request: RequestSummary(
                method: "POST", url: "http://127.0.0.1:1/v2/bookings?key=" + secret,
                headers: [
                    HeaderField(name: "Authorization", value: "Bearer $VENDOR_KEY"),
                    HeaderField(name: "X-Echo", value: "<script>alert('h')</script>"),
                ],
                bodyExcerpt: "{\"a\":1}",
                curl: "curl -sS -X POST 'http://127.0.0.1:1/v2/bookings' -H 'Authorization: Bearer '\"$VENDOR_KEY\""),
            response: ResponseSummary(
                status: 201, headers: [HeaderField(name: "Content-Type", value: "application/json")],
                bodyExcerpt: body, elapsedMilliseconds: 3.5, truncated: false),
            occurrences: 3)
    }

    static func report() -> RunReport {
        let checks = [
            "not_a_server_error", "response_schema_conformance", "response_headers_conformance", "ignored_auth",
            "positive_data_acceptance",
        ]
        let first = OperationResult(
            operationID: hostileOperation, method: "POST", path: "/v2/bookings", validCases: 2, invalidCases: 3,
            errors: 0,
            checks: [
                CheckResult(name: "not_a_server_error", status: .passed, judged: 5, failedExchanges: 0, findings: []),
                CheckResult(
                    name: "response_schema_conformance", status: .failed, judged: 5, failedExchanges: 3,
                    findings: ["fp-schema"]),
                CheckResult(
                    name: "response_headers_conformance", status: .skipped, judged: 0, failedExchanges: 0, findings: [],
                    reason: disabledReason),
                CheckResult(
                    name: "ignored_auth", status: .skipped, judged: 0, failedExchanges: 0, findings: [],
                    reason: "not applicable to any exchange of this operation"),
                CheckResult(
                    name: "positive_data_acceptance", status: .failed, judged: 2, failedExchanges: 1,
                    findings: ["fp-flaky"]),
            ], durationMilliseconds: 20)
        let second = OperationResult(
            operationID: "listThings", method: "GET", path: "/v2/things", validCases: 1, invalidCases: 0, errors: 1,
            checks: [
                CheckResult(
                    name: "not_a_server_error", status: .error, judged: 0, failedExchanges: 0, findings: [],
                    reason: "every exchange ended in a transport error"),
                CheckResult(
                    name: "response_schema_conformance", status: .failed, judged: 1, failedExchanges: 1,
                    findings: ["fp-known"]),
            ], durationMilliseconds: 5)
        var flaky = finding(
            "fp-flaky", check: "positive_data_acceptance", operation: hostileOperation, name: "POST /v2/bookings",
            message: "valid case rejected with 422")
        flaky.flaky = true
        var known = finding(
            "fp-known", check: "response_schema_conformance", operation: "listThings", name: "GET /v2/things",
            message: "/data: expected array")
        known.baselined = true
        let findings = [
            finding(
                "fp-schema", check: "response_schema_conformance", operation: hostileOperation,
                name: "POST /v2/bookings, v2: new",
                message:
                    "/status: \"<script>alert('msg')</script>\" is not one of [\"success\"] (100%)\nsecond line with "
                    + secret,
                body: "{\"status\":\"<script>alert(1)</script>\",\"token\":\"" + secret + "\"}"),
            flaky, known,
        ]
        var report = RunReport(
            toolVersion: "test", suite: "fixture", specTitle: "Fixture API <v2>", baseURL: "http://127.0.0.1:1",
            seed: 7,
            startedAt: "2026-01-01T00:00:00Z", durationMilliseconds: 1234, checks: checks, operations: [first, second],
            findings: findings, requests: 6, transportErrors: 1, notes: ["a note with <tags> & ampersands"])
        report.baseline = BaselineComparison(
            path: "baseline.yaml", baselined: ["fp-known"],
            fixed: [
                BaselineEntry(
                    fingerprint: "fp-gone", operation: "listThings", check: "status_code_conformance", message: "gone",
                    reason: "CAL-7", accepted: "2026-01-01")
            ],
            expired: [])
        return report
    }
}
