/// A small OpenAPI document with one operation per ``HostileServer`` behaviour, and a suite that sends
/// a bearer token from `HOSTILE_TOKEN`.
enum HostileHTTPFixture {
    /// The token the suite sends; it must never appear in a report.
    static let token = "hostile_secret_9d2c71e4"

    /// Operation id → path; all GET except `postHang`.
    static let operations: [(id: String, method: String, path: String)] = [
        ("resetMidBody", "get", "/reset"), ("neverCompletes", "get", "/hang"), ("truncatedBody", "get", "/truncated"),
        ("hugeBody", "get", "/huge"), ("invalidUTF8", "get", "/bad-utf8"), ("notJSON", "get", "/not-json"),
        ("controlHeaders", "get", "/control-headers"), ("redirectLoop", "get", "/redirect"),
        ("slowDrip", "get", "/drip"),
        ("echoAuthorization", "get", "/echo-auth"), ("postHang", "post", "/post-hang"), ("conformant", "get", "/ok"),
    ]

    static var spec: String {
        let paths = operations.map { operation in
            let schema =
                operation.id == "echoAuthorization"
                ? #"{"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}"#
                : #"{"type": "object", "properties": {"id": {"type": "integer"}}}"#
            let body =
                operation.method == "post"
                ? #""requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["title"], "properties": {"title": {"type": "string", "enum": ["x"]}}}}}},"#
                : ""
            return """
                "\(operation.path)": {"\(operation.method)": {"operationId": "\(operation.id)", \(body)
                  "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": \(schema)}}},
                                "401": {"description": "no key"}}}}
                """
        }
        return """
            {
              "openapi": "3.0.3",
              "info": {"title": "hostile server", "version": "1"},
              "security": [{"bearer": []}],
              "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
              "paths": {
            \(paths.joined(separator: ",\n"))
              }
            }
            """
    }

    static let suite = """
        name: hostile
        spec: hostile.json
        auth:
          type: bearer
          header: Authorization
          env: HOSTILE_TOKEN
        """

    /// Writes the document and the suite; returns the suite's path.
    static func write(to files: HostileFiles) throws -> String {
        try files.write("hostile.json", spec)
        return try files.write("suite.yaml", suite)
    }
}
