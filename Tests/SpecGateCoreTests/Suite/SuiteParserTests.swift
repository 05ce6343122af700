import SpecGateCore
import SpecGateJSON
import Testing

@Suite struct SuiteParserTests {
    private func parse(_ text: String, uri: String = "file:///work/suites/demo/suite.yaml") throws -> Suite {
        try SuiteParser.parse(Array(text.utf8), uri: uri)
    }

    @Test func calcomSuite() throws {
        let uri = Fixtures.repositoryURI("specs/calcom/suite.yaml")
        let suite = try SuiteParser.parse(Fixtures.bytes(ofURI: uri), uri: uri)
        #expect(suite.name == "calcom")
        #expect(suite.specPath == "openapi-v2.json")
        #expect(suite.specURI == Fixtures.repositoryURI("specs/calcom/openapi-v2.json"))
        #expect(suite.overlays == ["overlay.yaml"])
        #expect(suite.overlayURIs == [Fixtures.repositoryURI("specs/calcom/overlay.yaml")])
        #expect(suite.baseURL == "https://api.cal.com")
        #expect(suite.headers.map { [$0.name, $0.value] } == [["cal-api-version", "2024-08-13"]])
        #expect(suite.auth == SuiteAuth(type: .bearer, header: "Authorization", env: "CAL_API_KEY", prefix: "cal_"))
        #expect(suite.include == OperationFilter(tags: ["Bookings"]))
        #expect(suite.exclude.isEmpty)
        #expect(suite.endpoints == nil)
        #expect(suite.secretNames == ["CAL_API_KEY", "Authorization", "CAL_OUTSIDER_API_KEY"])
        #expect(suite.directoryURI == Fixtures.repositoryURI("specs/calcom/"))
    }

    @Test func calcomReassignSuite() throws {
        let uri = Fixtures.repositoryURI("specs/calcom-reassign/suite.yaml")
        let suite = try SuiteParser.parse(Fixtures.bytes(ofURI: uri), uri: uri)
        #expect(suite.name == "calcom-reassign")
        #expect(suite.specPath == nil)
        #expect(suite.endpoints?.arrayValue?.count == 1)
        #expect(suite.components?["schemas"]?["ErrorEnvelope"] != nil)
        #expect(suite.auth?.env == "CAL_API_KEY")
    }

    @Test func everyFieldAndDefaults() throws {
        let suite = try parse(
            """
            spec: ../api.yaml
            headers:
              X-One: 1
              X-Two: "two"
            auth: {type: query, query: api_key, env: KEY}
            secrets: [OTHER]
            include: {paths: ["/v2/**"], methods: [get, POST]}
            exclude: {operations: [deleteAll]}
            parameters:
              userId: 2
              getUser.userId: 3
            links: [{from: a, to: b}]
            seed: 42
            """)
        #expect(suite.name == "demo")
        #expect(suite.specURI == "file:///work/suites/api.yaml")
        #expect(suite.headers.map(\.name) == ["X-One", "X-Two"])
        #expect(suite.headers.map(\.value) == ["1", "two"])
        #expect(suite.auth == SuiteAuth(type: .query, queryName: "api_key", env: "KEY"))
        #expect(suite.auth?.header == nil)
        #expect(suite.secretNames == ["KEY", "OTHER"])
        #expect(suite.parameters == ["userId": 2, "getUser.userId": 3])
        #expect(suite.extras["seed"] == 42)
        #expect(suite.extras["links"]?.arrayValue?.count == 1)
        #expect(suite.overlays.isEmpty)
        #expect(suite.baseURL == nil)

        let getUser = Operation(
            id: "getUser", operationId: "getUser", method: .get, path: "/v2/users/{userId}",
            source: JSONLocation(document: "x"))
        let other = Operation(
            id: "GET /v2/me", operationId: nil, method: .get, path: "/v2/me", source: JSONLocation(document: "x"))
        let deleteAll = Operation(
            id: "deleteAll", operationId: "deleteAll", method: .delete, path: "/v2/all",
            source: JSONLocation(document: "x"))
        let v1 = Operation(
            id: "v1", operationId: "v1", method: .get, path: "/v1/x", source: JSONLocation(document: "x"))
        #expect(suite.fixedValue(forParameter: "userId", of: getUser) == 3)
        #expect(suite.fixedValue(forParameter: "userId", of: other) == 2)
        #expect(suite.fixedValue(forParameter: "nope", of: other) == nil)
        #expect(suite.selects(getUser))
        #expect(suite.selects(other))
        #expect(!suite.selects(deleteAll))
        #expect(!suite.selects(v1))
    }

    @Test func unknownKeyIsAnErrorWithLine() {
        let error = Fixtures.error {
            try parse("spec: api.yaml\nbaseURL: https://x\nheaderz:\n  a: b\n")
        }
        #expect(error?.message.contains("unknown key \"headerz\"") == true)
        #expect(error?.line == 3)
        #expect(error?.file == "/work/suites/demo/suite.yaml")
        #expect(error?.pointer == JSONPointer(tokens: ["headerz"]))
    }

    @Test(arguments: [
        ("spec: a.yaml\nendpoints: []\n", "exclude each other"),
        ("name: x\n", "needs `spec`"),
        ("spec: 12\n", "`spec` must be a string"),
        ("spec: a.yaml\nbaseURL: api.cal.com\n", "must start with http"),
        ("spec: a.yaml\nauth: {type: oauth, env: X}\n", "`auth.type` must be one of"),
        ("spec: a.yaml\nauth: {type: bearer}\n", "`auth.env`"),
        ("spec: a.yaml\nauth: {type: bearer, env: X, token: y}\n", "unknown key \"token\" in `auth`"),
        ("spec: a.yaml\ninclude: {tag: [a]}\n", "unknown key \"tag\" in `include`"),
        (
            "spec: a.yaml\nauth: {type: bearer, env: X, command: [y]}\n",
            "takes one of `env`, `command`, `oauth2` and `login`"
        ),
        ("spec: a.yaml\nauth: {type: bearer, command: []}\n", "`auth.command` must be a non-empty list"),
        (
            "spec: a.yaml\nauth: {type: bearer, env: X, refreshSeconds: 5}\n",
            "`refreshSeconds` applies to `command` and `login` only"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, command: [x], refreshSeconds: 0}\n",
            "`refreshSeconds` must be a positive number"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, oauth2: {tokenURL: token, clientIdEnv: A, clientSecretEnv: B}}\n",
            "`oauth2.tokenURL` must be"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, oauth2: {tokenURL: 'https://a/t', clientIdEnv: A}}\n",
            "needs `clientIdEnv` and `clientSecretEnv`"
        ),
        (
            "spec: a.yaml\nauth: {type: query, query: k, command: [x]}\n",
            "`type: query` takes its secret from `env` only"
        ),
        ("spec: a.yaml\nauth: {type: bearer, env: X, timeout: 5s}\n", "`timeout` applies to `command` only"),
        ("spec: a.yaml\nauth: {type: bearer, command: [x], timeout: soon}\n", "`timeout` must be a positive duration"),
        ("spec: a.yaml\nauth: {type: bearer, command: [x], timeout: 0s}\n", "`timeout` must be a positive duration"),
        (
            "spec: a.yaml\nauth: {type: bearer, login: {url: 'https://id/login'}}\n",
            "`login.capture` must say where the token is"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, login: {url: 'https://id/login', capture: '$response.body#data'}}\n",
            "`login.capture` must be $response.body#"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, login: {url: 'https://id/login', capture: '$response.header.X'}}\n",
            "`login.capture` must be $response.body#"
        ),
        ("spec: a.yaml\nauth: {type: bearer, login: {capture: '$response.body#/t'}}\n", "`login` needs `operation`"),
        (
            "spec: a.yaml\nauth: {type: bearer, login: {operation: a, url: /b, capture: '$response.body#/t'}}\n",
            "`login` takes `operation` or `url`, not both"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, login: {url: login, capture: '$response.body#/t'}}\n",
            "`login.url` must be"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, login: {url: /l, capture: '$response.body#/t', headers: {}}}\n",
            "unknown key \"headers\" in `login`"
        ),
        (
            "spec: a.yaml\nauth: {type: bearer, login: {url: /l, capture: '$response.body#/t', body: {password: {env: ''}}}}\n",
            "`env` must name an environment variable"
        ),
        ("spec: a.yaml\ninclude: {methods: [fetch]}\n", "unknown HTTP method \"fetch\""),
        ("spec: a.yaml\noverlays: overlay.yaml\n", "`overlays` must be a list of strings"),
        ("spec: a.yaml\nheaders: {a: [1]}\n", "header \"a\" must have a text value"),
        ("- spec\n", "must be a mapping"),
    ])
    func invalidSuites(text: String, expected: String) {
        let error = Fixtures.error { try parse(text) }
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.line != nil)
    }

    @Test func credentialSources() throws {
        let command = try parse(
            "spec: a.yaml\nauth:\n  type: bearer\n  command: [vault, read, -field=token]\n  refreshSeconds: 300\n")
        #expect(command.auth?.source == .command(argv: ["vault", "read", "-field=token"], refreshSeconds: 300))
        #expect(command.auth?.location == "/work/suites/demo/suite.yaml:4:3: #/auth/command")
        #expect(command.auth?.placeholder() == "<auth:command>")
        #expect(command.auth?.env == "")
        #expect(command.secretNames == ["Authorization"])
        let oauth = try parse(
            "spec: a.yaml\nauth:\n  type: bearer\n  oauth2: {tokenURL: 'https://id.example/token', clientIdEnv: ID, clientSecretEnv: SECRET, scopes: [a, b]}\n"
        )
        #expect(
            oauth.auth?.source
                == .oauth2(
                    .init(
                        tokenURL: "https://id.example/token", clientIdEnv: "ID", clientSecretEnv: "SECRET",
                        scopes: ["a", "b"])))
        #expect(oauth.auth?.isRefreshable == true)
        #expect(oauth.auth?.placeholder() == "<auth:oauth2>")
        let timed = try parse(
            "spec: a.yaml\nauth:\n  type: bearer\n  command: [gcloud, auth, print-access-token]\n  timeout: 500ms\n")
        #expect(
            timed.auth?.source
                == .command(argv: ["gcloud", "auth", "print-access-token"], refreshSeconds: nil, timeoutSeconds: 0.5))
        #expect(
            try parse("spec: a.yaml\nauth: {type: bearer, command: [x], timeout: 2m}\n").auth?.source
                == .command(argv: ["x"], refreshSeconds: nil, timeoutSeconds: 120))
        #expect(
            try parse("spec: a.yaml\nauth: {type: bearer, command: [x]}\n").auth?.source
                == .command(argv: ["x"], refreshSeconds: nil, timeoutSeconds: 30))
    }

    @Test func loginSource() throws {
        let suite = try parse(
            """
            spec: a.yaml
            auth:
              type: bearer
              login:
                operation: POST /auth/login
                body: {user: {email: {env: LOGIN_EMAIL}, remember: true}, password: {env: LOGIN_PASSWORD}}
                capture: "$response.body#/data/accessToken"
              refreshSeconds: 60
            identities:
              outsider:
                login: {url: "https://id.example/login", body: {password: {env: OUTSIDER_PASSWORD}}, capture: "$response.body#/token"}

            """)
        guard case .login(let login, let refresh)? = suite.auth?.source else {
            Issue.record("not a login source: \(String(describing: suite.auth?.source))")
            return
        }
        #expect(refresh == 60)
        #expect(login.target == .operation("POST /auth/login"))
        #expect(
            login.targetLocation.hasPrefix("/work/suites/demo/suite.yaml:5:")
                && login.targetLocation.hasSuffix(" #/auth/login/operation"))
        #expect(login.capture == JSONPointer("/data/accessToken"))
        #expect(login.captureExpression == "$response.body#/data/accessToken")
        #expect(login.variables.map(\.env) == ["LOGIN_EMAIL", "LOGIN_PASSWORD"])
        #expect(login.variables.map(\.pointer) == [JSONPointer("/user/email"), JSONPointer("/password")])
        #expect(login.variables[1].location.hasPrefix("/work/suites/demo/suite.yaml:6:"))
        #expect(login.variables[1].location.hasSuffix("#/auth/login/body/password/env"))
        #expect(login.body["user"]?["remember"] == .bool(true))
        #expect(suite.auth?.placeholder() == "<auth:login>")
        #expect(suite.auth?.location == "/work/suites/demo/suite.yaml:4:3: #/auth/login")
        #expect(suite.identities.first?.auth.placeholder(identity: "outsider") == "<auth:outsider:login>")
        #expect(suite.secretNames.contains("LOGIN_PASSWORD") && suite.secretNames.contains("OUTSIDER_PASSWORD"))
    }

    @Test func operationFilterGlobs() {
        #expect(OperationFilter.glob("/v2/bookings/*", matches: "/v2/bookings/{uid}"))
        #expect(!OperationFilter.glob("/v2/bookings/*", matches: "/v2/bookings/{uid}/cancel"))
        #expect(OperationFilter.glob("/v2/bookings/**", matches: "/v2/bookings/{uid}/cancel"))
        #expect(OperationFilter.glob("/v2/**/cancel", matches: "/v2/bookings/{uid}/cancel"))
        #expect(OperationFilter.glob("/v?/me", matches: "/v2/me"))
        #expect(!OperationFilter.glob("/v2/me", matches: "/v2/me/x"))
        #expect(OperationFilter.glob("*", matches: ""))
        let op = Operation(
            id: "a", operationId: "a", method: .post, path: "/x", tags: ["T"], source: JSONLocation(document: "x"))
        #expect(OperationFilter().matches(op))
        #expect(OperationFilter(tags: ["T"], methods: ["POST"]).matches(op))
        #expect(!OperationFilter(tags: ["T"], methods: ["get"]).matches(op))
        #expect(OperationFilter(operations: ["b", "a"]).matches(op))
    }
}
