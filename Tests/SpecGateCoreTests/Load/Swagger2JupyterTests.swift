import Foundation
import SpecGateJSON
import Testing

@testable import SpecGateCore

/// Jupyter Server's real Swagger 2.0 description (`Fixtures/swagger2/jupyter-server-api.yaml`, from
/// the jupyter-server 2.21.1 wheel) loads, converts, generates and lints.
@Suite struct Swagger2JupyterTests {
    static let file = "swagger2/jupyter-server-api.yaml"

    static func documents() throws -> LoadedDocuments { try Fixtures.load(file) }

    static func lines() throws -> [Substring] {
        try String(contentsOfFile: Fixtures.folder + "/" + file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func loadsEveryOperation() throws {
        let start = ContinuousClock.now
        let documents = try Self.documents()
        let spec = try OpenAPIModelBuilder.build(documents)
        let elapsed = ContinuousClock.now - start
        print("jupyter api.yaml: loaded, converted and built in \(elapsed)")
        #expect(documents.conversion != nil)
        #expect(spec.openAPIVersion == "3.0.3")
        #expect(spec.title == "Jupyter Server API")
        #expect(spec.servers == ["/"])
        #expect(spec.operations.count == 32)
        // The counts `list` shows: by method and by tag, as written in the 2.0 file.
        var methods: [String: Int] = [:]
        for operation in spec.operations { methods[operation.method.wireName, default: 0] += 1 }
        #expect(methods == ["GET": 15, "POST": 8, "DELETE": 5, "PATCH": 3, "PUT": 1])
        var tags: [String: Int] = [:]
        for operation in spec.operations { for tag in operation.tags { tags[tag, default: 0] += 1 } }
        #expect(
            tags == [
                "contents": 9, "sessions": 5, "kernels": 6, "kernelspecs": 1, "config": 2, "terminals": 4,
                "identity": 1, "status": 1, "api-spec": 1,
            ])
        #expect(spec.operations.filter { $0.requestBody != nil }.count == 7)
        // Every operation's responses have JSON content where 2.0 gave a schema.
        let create = try #require(spec.operations.first { $0.method == .post && $0.path == "/api/contents/{path}" })
        #expect(create.requestBody?.content.map(\.mediaType) == ["application/json"])
        #expect(create.parameters.map(\.name) == ["path"])
    }

    @Test func generatesValidCasesForEveryOperation() throws {
        let spec = try OpenAPIModelBuilder.build(Self.documents())
        let sets = CaseGenerator(spec: spec, options: GenerationOptions(seed: 11, maxCasesPerOperation: 20))
            .generateAll()
        #expect(sets.count == 32)
        for set in sets {
            #expect(!set.validCases.isEmpty, "\(set.operationID): no valid case; findings \(set.findings)")
            for valid in set.validCases { #expect(!valid.request.pathAndQuery.contains("{"), "\(valid.id)") }
        }
        // And what is generated is valid by the converted schemas.
        _ = GenerationSelfCheckTests.selfCheck(spec, seeds: 1...3)
    }

    @Test func lintFindingsNameLinesOfTheOriginalFile() throws {
        let documents = try Self.documents()
        let spec = try OpenAPIModelBuilder.build(documents)
        let findings = Linter().lint(documents: documents.store, spec: spec)
        #expect(!findings.isEmpty)
        let lines = try Self.lines()
        for finding in findings {
            let line = try #require(documents.position(of: finding.location)?.line, "\(finding)")
            #expect(line >= 1 && line <= lines.count)
        }
        // `format: dateTime` of the Last-Modified header is unknown; the finding names its 2.0 line.
        let dateTime = try #require(
            findings.first { $0.rule == UnknownFormatRule.id && $0.message.contains("dateTime") })
        let line = try #require(documents.position(of: dateTime.location)?.line)
        #expect(lines[line - 1].contains("format: dateTime"), "line \(line): \(lines[line - 1])")
        #expect(
            dateTime.location.pointer.tokens.starts(with: ["paths"])
                || dateTime.location.pointer.tokens.starts(with: ["components"]))
    }
}
