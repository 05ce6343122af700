import SpecGateJSON
import Testing

@testable import SpecGateCore

/// A small spec and builders for judging one exchange with one check, without a server.
enum CheckTestSupport {
    /// `/things/{id}` declares GET (200 with a required `X-Rate-Limit` header and a JSON `Thing`, 4XX problem)
    /// and DELETE (204, no body).
    static let specText = """
        openapi: 3.0.3
        info: {title: things, version: "1"}
        paths:
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            get:
              operationId: getThing
              responses:
                "200":
                  description: the thing
                  headers:
                    X-Rate-Limit:
                      required: true
                      schema: {type: integer, minimum: 0}
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Thing"}
                "4XX":
                  description: client error
                  content:
                    application/problem+json:
                      schema: {type: object}
            delete:
              operationId: deleteThing
              responses:
                "204": {description: gone}
        components:
          schemas:
            Thing:
              type: object
              required: [id, status]
              properties:
                id: {type: integer}
                status: {type: string, enum: [active, cancelled]}
                tags: {type: array, items: {type: string}}
        """

    static func spec() throws -> APISpec {
        try Fixtures.spec(text: specText)
    }

    static func operation(_ method: HTTPMethod, _ path: String = "/things/{id}", in spec: APISpec) throws
        -> SpecGateCore.Operation
    {
        try #require(spec.operations.first { $0.method == method && $0.path == path })
    }

    /// GET /things/{id} of the spec above.
    static func getThing() throws -> SpecGateCore.Operation {
        try operation(.get, in: spec())
    }

    static func schemas(_ spec: APISpec) -> ResponseSchemas {
        ResponseSchemas(spec: spec, operations: spec.operations)
    }

    static func response(
        _ status: Int, contentType: String? = "application/json", body: String = "", headers: [HeaderField] = [],
        elapsed: Double = 5
    ) -> ObservedResponse {
        var fields = headers
        if let contentType { fields.insert(HeaderField(name: "Content-Type", value: contentType), at: 0) }
        return ObservedResponse(status: status, headers: fields, body: Array(body.utf8), elapsedMilliseconds: elapsed)
    }

    static func validLabel() -> CaseLabel {
        CaseLabel(caseID: "getThing-valid-1", expectsSuccess: true)
    }

    static func invalidLabel(
        _ mutation: String, expectedStatuses: [Int] = [], isAuthMutation: Bool = false, exactStatuses: Bool = false
    )
        -> CaseLabel
    {
        CaseLabel(
            caseID: "getThing-\(mutation)-1", expectsSuccess: false, mutation: mutation,
            expectedStatuses: expectedStatuses,
            isAuthMutation: isAuthMutation, exactStatuses: exactStatuses)
    }

    /// Runs `check` on one exchange, against the schemas of the spec above.
    static func run(
        _ check: any ResponseCheck, _ operation: SpecGateCore.Operation, _ label: CaseLabel,
        _ response: ObservedResponse,
        spec: APISpec? = nil
    ) throws -> [CheckViolation]? {
        let spec = try spec ?? self.spec()
        return check.check(CheckInput(operation: operation, label: label, response: response), schemas: schemas(spec))
    }
}
