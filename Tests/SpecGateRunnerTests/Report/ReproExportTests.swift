import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import SpecGateSchema
import Testing

/// `run --export http|har`: the failing exchanges as repro files, secrets masked.
@Suite("Repro files", .serialized)
struct ReproExportTests {
    static let masker = SecretMasker(secrets: [.init(value: RunHarness.ownerKey, placeholder: "$CAL_API_KEY")])

    static func faultyReport() async throws -> RunReport {
        try await RunHarness.run(faults: [.enumOutOfSet, .acceptInvalidBody]) { options in
            options.operations = [
                "BookingsController_2024_08_13_createBooking", "BookingsController_2024_08_13_getBookings",
                "BookingsController_2024_08_13_cancelBooking",
            ]
            options.maxCasesPerOperation = 6
        }
    }

    @Test("HAR validates against a HAR 1.2 JSON Schema (written from the spec) and holds no secret")
    func har() async throws {
        let report = try await Self.faultyReport()
        #expect(report.findings.count >= 3)
        let text = ReproWriter.render(report, as: .har, masker: Self.masker)
        #expect(!text.contains(RunHarness.ownerKey))
        #expect(text.contains("$CAL_API_KEY"))
        let har = try JSONParser().parse(Array(text.utf8))

        let uri = "file://" + RunHarness.packageRoot + "/Tests/Fixtures/har-1.2.schema.json"
        let schemaText = try String(
            contentsOfFile: RunHarness.packageRoot + "/Tests/Fixtures/har-1.2.schema.json", encoding: .utf8)
        var store = DocumentStore()
        store[uri] = try JSONParser().parse(Array(schemaText.utf8))
        var compiler = SchemaCompiler(documents: store, options: SchemaOptions(dialect: .draft2020_12))
        let schema = try compiler.compile(JSONLocation(document: uri))
        #expect(schema.validate(har).map(\.description) == [])
        #expect(har["log"]?["entries"]?.arrayValue?.count == report.findings.count)
        let post = try #require(
            har["log"]?["entries"]?.arrayValue?.first { $0["request"]?["method"]?.stringValue == "POST" })
        #expect(post["request"]?["postData"]?["mimeType"]?.stringValue == "application/json")

        // The schema is not vacuous: a HAR missing required fields, or with an unknown field, fails it.
        var broken = har
        if case .object(var root) = broken, case .object(var log)? = root["log"] {
            log["version"] = nil
            log["unknown"] = .string("x")
            root["log"] = .object(log)
            broken = .object(root)
        }
        #expect(schema.validate(broken).count >= 2)
    }

    /// One request of a `.http` file, parsed back.
    struct ParsedRequest: Equatable {
        var method: String
        var url: String
        var headers: [String]
        var body: String?
    }

    /// A small parser of the REST Client format: `@name = value` variables, `###` separators, `#` comments,
    /// request line, headers, a blank line, the body; `{{name}}` substituted from `variables`.
    static func parse(_ text: String, variables: [String: String]) -> (
        definitions: [String: String], requests: [ParsedRequest]
    ) {
        var definitions: [String: String] = [:]
        var requests: [ParsedRequest] = []
        func substitute(_ s: String) -> String {
            var out = s
            for (name, value) in variables { out = out.replacingOccurrences(of: "{{" + name + "}}", with: value) }
            return out
        }
        let blocks = text.components(separatedBy: "\n###")
        for (i, block) in blocks.enumerated() {
            var lines = block.components(separatedBy: "\n")
            if i > 0 { lines.removeFirst() }  // the rest of the ### line
            var request: ParsedRequest?
            var inBody = false
            var body: [String] = []
            for line in lines {
                if request == nil {
                    if line.hasPrefix("@"), let eq = line.range(of: " = ") {
                        definitions[String(line[line.index(after: line.startIndex)..<eq.lowerBound])] = String(
                            line[eq.upperBound...])
                        continue
                    }
                    if line.hasPrefix("#") || line.isEmpty { continue }
                    let parts = line.split(separator: " ", maxSplits: 1)
                    request = ParsedRequest(
                        method: String(parts[0]), url: substitute(String(parts[1])), headers: [], body: nil)
                } else if !inBody {
                    if line.isEmpty { inBody = true } else { request?.headers.append(substitute(line)) }
                } else {
                    body.append(line)
                }
            }
            while body.last == "" { body.removeLast() }
            if var request {
                request.body = body.isEmpty ? nil : substitute(body.joined(separator: "\n"))
                requests.append(request)
            }
        }
        return (definitions, requests)
    }

    @Test(".http file parses back into the findings' requests, secrets as {{CAL_API_KEY}}")
    func httpFile() async throws {
        let report = try await Self.faultyReport()
        let text = ReproWriter.render(report, as: .http, masker: Self.masker)
        #expect(!text.contains(RunHarness.ownerKey))
        #expect(text.contains("Authorization: Bearer {{CAL_API_KEY}}"))
        let parsed = Self.parse(text, variables: ["baseUrl": report.baseURL, "CAL_API_KEY": "$CAL_API_KEY"])
        #expect(parsed.definitions["baseUrl"] == report.baseURL)
        #expect(parsed.definitions["CAL_API_KEY"] == "{{$processEnv CAL_API_KEY}}")
        let expected = report.findings.map { finding in
            ParsedRequest(
                method: finding.request.method, url: finding.request.url,
                headers: finding.request.headers.map { $0.name + ": " + $0.value },
                body: finding.request.fullBody.flatMap { $0.isEmpty ? nil : $0 })
        }
        #expect(parsed.requests == expected)
    }
}
