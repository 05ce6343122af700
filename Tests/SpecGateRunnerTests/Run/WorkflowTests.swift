import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import Testing

/// A temporary folder with a small items API and a suite using values, links, expectations and disabled checks.
private struct ItemsFixture {
    let folder: String

    static let spec = """
        openapi: 3.0.3
        info: {title: Items, version: "1"}
        paths:
          /items:
            post:
              operationId: createItem
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name, ownerId]
                      additionalProperties: false
                      properties:
                        name: {type: string, minLength: 1}
                        ownerId: {type: integer, minimum: 1}
              responses:
                "201":
                  description: created
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data:
                            type: object
                            properties:
                              uid: {type: string}
          /items/{itemUid}:
            get:
              operationId: getItem
              parameters:
                - {name: itemUid, in: path, required: true, schema: {type: string}}
              responses:
                "200": {description: ok}
          /items/{itemUid}/cancel:
            post:
              operationId: cancelItem
              parameters:
                - {name: itemUid, in: path, required: true, schema: {type: string}}
              responses:
                "200": {description: ok}
        """

    init(suite: String) throws {
        folder = NSTemporaryDirectory() + "specgate-workflow-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.spec.write(toFile: folder + "/api.yaml", atomically: true, encoding: .utf8)
        try ("spec: api.yaml\nbaseURL: http://127.0.0.1:9\n" + suite).write(
            toFile: folder + "/suite.yaml", atomically: true, encoding: .utf8)
    }

    func prepare(environment: [String: String] = [:]) throws -> PreparedRun {
        try RunPreparation.prepare(RunOptions(path: folder + "/suite.yaml", environment: environment))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

private func response(_ status: Int, _ body: String = "") -> ObservedResponse {
    ObservedResponse(
        status: status, headers: [HeaderField(name: "Location", value: "/items/abc")], body: Array(body.utf8),
        elapsedMilliseconds: 1)
}

private let getItem = Operation(
    id: "getItem", operationId: "getItem", method: .get, path: "/items/{itemUid}",
    parameters: [
        ParameterSpec(
            name: "itemUid", location: .path, required: true, schema: nil,
            source: JSONLocation(document: "file:///api.yaml", pointer: .root))
    ],
    source: JSONLocation(document: "file:///api.yaml", pointer: .root))

struct WorkflowTests {
    // MARK: Environment

    @Test func environmentReferencesExpand() throws {
        let expander = EnvironmentExpander(environment: ["ID": "42"])
        #expect(try expander.expand("id-${ID}") == "id-42")
        #expect(try expander.expand("${MISSING:-7}") == "7")
        #expect(try expander.expand("$${ID} costs $5") == "${ID} costs $5")
        #expect(throws: EnvironmentExpander.Failure.self) { try expander.expand("${MISSING}") }
        #expect(throws: EnvironmentExpander.Failure.self) { try expander.expand("${1BAD}") }
        // Without an environment (lint, list): defaults apply, unset references stay as written.
        #expect(try EnvironmentExpander(environment: nil).expand("${MISSING}/${X:-1}") == "${MISSING}/1")
    }

    @Test func unsetVariableIsAnErrorNamingTheSuiteLine() throws {
        let text = "spec: api.yaml\nvalues:\n  ownerId: \"${OWNER_ID}\"\n"
        do {
            _ = try SuiteParser.parse(Array(text.utf8), uri: "file:///suite.yaml", environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("OWNER_ID"))
        }
        let suite = try SuiteParser.parse(Array(text.utf8), uri: "file:///suite.yaml", environment: ["OWNER_ID": "9"])
        #expect(
            suite.values == [
                BodyValue(operation: nil, pointer: JSONPointer(tokens: ["ownerId"]), byName: true, value: "9")
            ])
    }

    // MARK: Body values

    @Test func bodyValuesAreAppliedAndCoercedToTheSchema() throws {
        let fixture = try ItemsFixture(
            suite: "values:\n  ownerId: \"${OWNER:-7}\"\n  \"createItem#/name\": fixed\n  unknown: 1\n")
        defer { fixture.remove() }
        let run = try fixture.prepare()
        let valid = run.makeAllCases().filter { $0.operation.id == "createItem" && $0.testCase.kind == .valid }
        #expect(!valid.isEmpty)
        for planned in valid {
            #expect(planned.testCase.bodyValue?["ownerId"] == .number(JSONNumber(7)))
            #expect(planned.testCase.bodyValue?["name"] == "fixed")
            #expect(planned.testCase.bodyValue?["unknown"] == nil)
        }
        // Invalid cases keep the value unless their mutation targets it.
        let invalid = run.makeAllCases().filter { $0.operation.id == "createItem" && $0.testCase.kind == .invalid }
        #expect(
            invalid.contains {
                $0.testCase.target == "/body/name" && $0.testCase.bodyValue?["ownerId"] == .number(JSONNumber(7))
            })
    }

    @Test func bodyValueThatBreaksTheSchemaIsLeftOutAndNoted() throws {
        let fixture = try ItemsFixture(suite: "values:\n  ownerId: \"${OWNER:-7}\"\n")
        defer { fixture.remove() }
        let run = try fixture.prepare(environment: ["OWNER": "none"])
        let first = run.makeAllCases().first { $0.operation.id == "createItem" && $0.testCase.kind == .valid }
        #expect(first?.testCase.bodyValue?["ownerId"] != "none")
        #expect(run.makeAllDiagnostics().lines.contains { $0.contains("suite value for body /ownerId left out") })
    }

    // MARK: Links

    @Test func linksAreInferredByNameWithCleanUp() throws {
        let fixture = try ItemsFixture(suite: "")
        defer { fixture.remove() }
        let run = try fixture.prepare()
        let expected = LinkBinding(
            consumer: "getItem", parameter: "itemUid", producer: "createItem",
            expression: .responseBody(JSONPointer(tokens: ["data", "uid"])), origin: .inferred)
        #expect(run.links.contains(expected))
        #expect(run.links.filter { $0.producer == "createItem" }.map(\.consumer).sorted() == ["cancelItem", "getItem"])
        #expect(run.cleanups["createItem.itemUid"]?.operation.id == "cancelItem")
        #expect(run.producers["createItem"] != nil)
        // Producers are sent first.
        #expect(run.makeAllCases().first?.operation.id == "createItem")
    }

    @Test func suiteLinksWinAndFixedParametersAreNotLinked() throws {
        let fixture = try ItemsFixture(
            suite: """
                parameters: {cancelItem.itemUid: fixed-uid}
                links:
                  - from: createItem
                    capture: {itemUid: "$response.header.Location"}
                    to: [getItem]
                """)
        defer { fixture.remove() }
        let run = try fixture.prepare()
        #expect(run.links.map(\.consumer) == ["getItem"])
        #expect(run.links.first?.origin == .suite)
        #expect(run.links.first?.expression == .responseHeader("Location"))
    }

    @Test func runtimeExpressionsParseAndEvaluate() throws {
        let uid = try #require(RuntimeExpression("$response.body#/data/uid"))
        #expect(uid.evaluate(requestBody: nil, response: response(201, #"{"data":{"uid":"u-1"}}"#)) == "u-1")
        #expect(uid.evaluate(requestBody: nil, response: response(201, "not json")) == nil)
        #expect(
            RuntimeExpression("$response.header.location")?.evaluate(requestBody: nil, response: response(201))
                == "/items/abc")
        #expect(
            RuntimeExpression("$request.body#/ownerId")?.evaluate(requestBody: ["ownerId": 3], response: response(201))
                == 3)
        #expect(RuntimeExpression("$statusCode")?.evaluate(requestBody: nil, response: response(204)) == "204")
        #expect(RuntimeExpression("$request.path.id") == nil)
        #expect(RuntimeExpression.pathText(.number(JSONNumber(12))) == "12")
        #expect(uid.description == "$response.body#/data/uid")
    }

    @Test func capturedValuesReplaceThePathSegment() throws {
        let request = PreparedRequest(method: .get, pathAndQuery: "/items/generated?x=1", headers: [], body: nil)
        let changed = PathRewriter.replacing("itemUid", with: "a b", in: request, operation: getItem)
        #expect(changed?.pathAndQuery == "/items/a%20b?x=1")
        #expect(PathRewriter.replacing("other", with: "v", in: request, operation: getItem) == nil)
    }

    // MARK: Expectations and disabled checks

    @Test func expectationsBecomeExactCases() throws {
        let fixture = try ItemsFixture(
            suite: """
                expectations:
                  - operation: getItem
                    parameters: {itemUid: gone}
                    expect: [410]
                  - mutation: missing-required-property
                    expect: [422]
                """)
        defer { fixture.remove() }
        let run = try fixture.prepare()
        let scenario = try #require(run.makeAllCases().first { $0.testCase.mutation == "expectation" })
        #expect(scenario.testCase.id == "getItem/expectation/1")
        #expect(scenario.testCase.kind == .invalid)
        #expect(scenario.testCase.expected == .rejected(statuses: [410]))
        #expect(scenario.testCase.request.pathAndQuery == "/items/gone")
        #expect(scenario.exactStatuses)
        #expect(scenario.fixedParameters.contains("itemUid"))
        let missing = run.makeAllCases().filter { $0.testCase.mutation == "missing-required-property" }
        #expect(
            !missing.isEmpty
                && missing.allSatisfy { $0.exactStatuses && $0.testCase.expected == .rejected(statuses: [422]) })
    }

    @Test func exactExpectationsAreJudgedExactly() {
        let check = NegativeDataRejection()
        let schemas = ResponseSchemas(
            spec: APISpec(
                title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [getItem],
                documents: DocumentStore(), rootURI: "file:///api.yaml"), operations: [getItem])
        func input(_ status: Int, exact: Bool) -> CheckInput {
            CheckInput(
                operation: getItem,
                label: CaseLabel(
                    caseID: "c", expectsSuccess: false, mutation: "expectation", expectedStatuses: [403],
                    exactStatuses: exact),
                response: response(status))
        }
        #expect(check.check(input(403, exact: true), schemas: schemas) == [])
        #expect(check.check(input(404, exact: true), schemas: schemas)?.count == 1)
        #expect(check.check(input(200, exact: true), schemas: schemas)?.count == 1)
        #expect(check.check(input(404, exact: false), schemas: schemas) == [])
    }

    @Test func notFoundFailsOnlyWhenIdentifiersAreReal() {
        let check = PositiveDataAcceptance()
        let schemas = ResponseSchemas(
            spec: APISpec(
                title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [getItem],
                documents: DocumentStore(), rootURI: "file:///api.yaml"), operations: [getItem])
        let generated = CheckInput(
            operation: getItem, label: CaseLabel(caseID: "c", expectsSuccess: true, pathParametersGenerated: true),
            response: response(404))
        let linked = CheckInput(
            operation: getItem, label: CaseLabel(caseID: "c", expectsSuccess: true, identifiersResolved: true),
            response: response(404))
        #expect(check.check(generated, schemas: schemas) == [])
        #expect(check.check(linked, schemas: schemas)?.count == 1)
    }

    @Test func disabledChecksAreSkippedWithTheReason() throws {
        let fixture = try ItemsFixture(
            suite: """
                checks:
                  disable:
                    - operation: getItem
                      check: status_code_conformance
                      reason: the CDN answers 418
                """)
        defer { fixture.remove() }
        let run = try fixture.prepare()
        #expect(
            run.disabledChecks == [
                DisabledCheck(operation: "getItem", check: "status_code_conformance", reason: "the CDN answers 418")
            ])
        var judge = Judge(checks: run.checks, schemas: run.schemas, masker: SecretMasker())
        judge.disabledChecks = run.disabledChecks
        let exchange = ExchangeRecord(
            operation: getItem,
            label: CaseLabel(caseID: "getItem/valid/0", expectsSuccess: true, pathParametersGenerated: true),
            url: "http://x/items/a",
            request: PreparedRequest(method: .get, pathAndQuery: "/items/a", headers: [], body: nil),
            outcome: .response(response(418)))
        judge.record(exchange)
        let report = judge.report(
            toolVersion: "t", suite: "s", specTitle: "t", baseURL: "http://x", seed: 1, startedAt: "",
            durationMilliseconds: 0,
            incomplete: false, diagnostics: [])
        let status = report.operations.first { $0.operationID == "getItem" }?.checks.first {
            $0.name == "status_code_conformance"
        }
        #expect(status?.status == .skipped)
        #expect(status?.reason == "disabled by the suite: the CDN answers 418")
        #expect(!report.findings.contains { $0.check == "status_code_conformance" })
    }

    @Test func unknownDisabledCheckIsAnError() throws {
        let fixture = try ItemsFixture(suite: "checks:\n  disable:\n    - {check: no_such_check, reason: x}\n")
        defer { fixture.remove() }
        #expect(throws: RunError.self) { try fixture.prepare() }
    }

    // MARK: State checks

    @Test func stateCheckFailsWhenTheHostDidNotChange() {
        let check = StateConsistency()
        let schemas = ResponseSchemas(
            spec: APISpec(
                title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [getItem],
                documents: DocumentStore(), rootURI: "file:///api.yaml"), operations: [getItem])
        let assertions = [StateAssertion(pointer: JSONPointer(tokens: ["data", "hosts", "0", "id"]), expected: "103")]
        func input(_ body: String, status: Int = 200) -> CheckInput {
            CheckInput(
                operation: getItem, label: CaseLabel(caseID: "w", expectsSuccess: true, stateAssertions: assertions),
                response: response(status, body))
        }
        #expect(check.check(input(#"{"data":{"hosts":[{"id":103}]}}"#), schemas: schemas) == [])
        let unchanged = check.check(input(#"{"data":{"hosts":[{"id":102}]}}"#), schemas: schemas)
        #expect(unchanged?.count == 1)
        #expect(unchanged?.first?.actual == "102")
        #expect(check.check(input("{}", status: 404), schemas: schemas)?.count == 1)
        #expect(
            check.check(
                CheckInput(
                    operation: getItem, label: CaseLabel(caseID: "c", expectsSuccess: true), response: response(200)),
                schemas: schemas) == nil)
    }

    @Test func resourceAvailableFailsWhenTheCreatedResourceIsUnreadable() {
        let check = ResourceAvailable()
        let schemas = ResponseSchemas(
            spec: APISpec(
                title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [getItem],
                documents: DocumentStore(), rootURI: "file:///api.yaml"), operations: [getItem])
        var label = CaseLabel(caseID: "state/created/getItem", expectsSuccess: true, identifiersResolved: true)
        label.stateProbe = StateProbe(
            kind: .created, priorRequest: "POST /items", priorStatus: 201, priorCurl: "curl -X POST http://h/items",
            resource: "itemId=7")
        func input(_ status: Int) -> CheckInput {
            CheckInput(operation: getItem, label: label, response: response(status, "{}"))
        }
        #expect(check.check(input(200), schemas: schemas) == [])
        let unreadable = check.check(input(404), schemas: schemas)
        #expect(unreadable?.count == 1)
        #expect(unreadable?.first?.actual == "404")
        #expect(unreadable?.first?.message.contains("POST /items") == true)
        #expect(unreadable?.first?.message.contains("curl -X POST") == true)
        // Only the run's automatic reads are judged.
        #expect(
            check.check(
                CheckInput(
                    operation: getItem, label: CaseLabel(caseID: "c", expectsSuccess: true), response: response(404)),
                schemas: schemas) == nil)
    }

    @Test func useAfterDeleteAcceptsGoneOrTheTerminalStatus() {
        let check = UseAfterDelete()
        let schemas = ResponseSchemas(
            spec: APISpec(
                title: "t", version: "1", openAPIVersion: "3.0.3", dialect: .openAPI30, operations: [getItem],
                documents: DocumentStore(), rootURI: "file:///api.yaml"), operations: [getItem])
        func input(_ status: Int, _ body: String, terminal: StateAssertion?) -> CheckInput {
            var label = CaseLabel(caseID: "state/removed/x", expectsSuccess: true, identifiersResolved: true)
            label.stateProbe = StateProbe(
                kind: .removed(terminal: terminal), priorRequest: "POST /items/7/cancel", priorStatus: 200,
                priorCurl: "curl -X POST http://h/items/7/cancel", resource: "itemId=7")
            return CheckInput(operation: getItem, label: label, response: response(status, body))
        }
        let cancelled = StateAssertion(
            pointer: JSONPointer(tokens: ["data", "status"]), expected: .string("cancelled"))
        // A DELETE: only 404/410 pass.
        #expect(check.check(input(404, "{}", terminal: nil), schemas: schemas) == [])
        #expect(check.check(input(410, "{}", terminal: nil), schemas: schemas) == [])
        #expect(check.check(input(200, "{}", terminal: nil), schemas: schemas)?.count == 1)
        // A cancel: gone, or readable with the terminal status.
        #expect(check.check(input(404, "{}", terminal: cancelled), schemas: schemas) == [])
        #expect(
            check.check(input(200, #"{"data":{"status":"cancelled"}}"#, terminal: cancelled), schemas: schemas) == [])
        let unchanged = check.check(
            input(200, #"{"data":{"status":"accepted"}}"#, terminal: cancelled), schemas: schemas)
        #expect(unchanged?.count == 1)
        #expect(unchanged?.first?.actual == #""accepted""#)
        #expect(unchanged?.first?.message.contains("curl -X POST") == true)
        // A read that says nothing about the deletion (auth, rate limit) is not judged a failure.
        #expect(check.check(input(429, "{}", terminal: cancelled), schemas: schemas) == [])
        #expect(
            check.check(
                CheckInput(
                    operation: getItem, label: CaseLabel(caseID: "c", expectsSuccess: true), response: response(200)),
                schemas: schemas) == nil)
    }

    @Test func workflowsAreParsedWithStateAssertions() throws {
        let fixture = try ItemsFixture(
            suite: """
                workflows:
                  - name: lifecycle
                    steps:
                      - operation: createItem
                      - operation: getItem
                        state: {"/data/status": open}
                      - operation: cancelItem
                        expect: [200]
                """)
        defer { fixture.remove() }
        let run = try fixture.prepare()
        let workflow = try #require(run.workflows.first)
        #expect(workflow.steps.map(\.operation.id) == ["createItem", "getItem", "cancelItem"])
        #expect(
            workflow.steps[1].stateAssertions == [
                StateAssertion(pointer: JSONPointer(tokens: ["data", "status"]), expected: "open")
            ])
        #expect(workflow.steps[2].exactStatuses)
        #expect(run.captures.contains { $0.producer == "createItem" && $0.parameter == "itemUid" })
    }
}
