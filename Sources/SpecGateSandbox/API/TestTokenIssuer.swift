import SpecGateJSON

/// A test-only OAuth 2 token endpoint (client-credentials grant) and a test-only login endpoint, both with
/// short-lived access tokens, so SpecGate's token refresh can be exercised for real. They are NOT Cal.com
/// endpoints: they live under `/_test/`, outside the Cal.com API surface.
///
/// `POST /_test/oauth/token` with `application/x-www-form-urlencoded` `grant_type=client_credentials`,
/// `client_id`, `client_secret` (or HTTP Basic) answers `{"access_token", "token_type": "Bearer",
/// "expires_in"}`. `POST /_test/auth/login` with JSON `{"email", "password"}` of a seeded user (every one has
/// the password ``loginPassword``) answers `{"status": "success", "data": {"accessToken", "expiresIn",
/// "user": {"id", "email"}}}`. A token is accepted as `Authorization: Bearer <token>` for its user until it
/// expires (`SandboxConfiguration.tokenLifetime`), then answered 401.
public enum SandboxTestTokens {
    /// Where the token endpoint listens.
    public static let path = "/_test/oauth/token"
    /// The client whose tokens act as the owner.
    public static let clientID = "sandbox-test-client"
    public static let clientSecret = "sbx_test_client_secret_3d9e51"
    /// The client whose tokens act as the outsider (for identities with `oauth2`).
    public static let outsiderClientID = "sandbox-test-outsider"
    public static let outsiderClientSecret = "sbx_test_outsider_secret_8a42c0"
    /// What issued access tokens start with.
    public static let tokenPrefix = "sbx_at_"
    /// Where the test-only login endpoint listens.
    public static let loginPath = "/_test/auth/login"
    /// The password of every seeded user at the login endpoint.
    public static let loginPassword = "sbx_test_login_password_51c7e0"
}

/// The access tokens issued so far and when each expires.
actor TestTokenIssuer {
    private var expiries: [String: ContinuousClock.Instant] = [:]
    /// Which seeded user each token acts as.
    private var users: [String: Int] = [:]
    private var issued = 0

    /// A new token valid for `lifetime`.
    func issue(lifetime: Duration, userID: Int) -> String {
        issued += 1
        var rng = SystemRandomNumberGenerator()
        let hex = (0..<16).map { _ in String(UInt8.random(in: 0...15, using: &rng), radix: 16) }.joined()
        let token = SandboxTestTokens.tokenPrefix + String(issued) + "_" + hex
        let now = ContinuousClock().now
        expiries = expiries.filter { $0.value > now }
        users = users.filter { expiries[$0.key] != nil }
        expiries[token] = now + lifetime
        users[token] = userID
        return token
    }

    /// True when `token` was issued here; `expired` tells whether it still is valid; `userID` whom it acts as.
    func state(of token: String) -> (known: Bool, expired: Bool, userID: Int?) {
        guard token.hasPrefix(SandboxTestTokens.tokenPrefix) else { return (false, false, nil) }
        guard let expiry = expiries[token] else { return (true, true, nil) }
        return (true, ContinuousClock().now >= expiry, users[token])
    }

    /// Answers a token request.
    func respond(to request: SandboxRequest, lifetime: Duration, seed: SandboxSeed) -> SandboxResponse {
        func answer(_ status: Int, _ json: String) -> SandboxResponse {
            SandboxResponse(
                status: status, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")], body: Array(json.utf8))
        }
        guard request.method == "POST" else {
            return answer(405, #"{"error":"invalid_request","error_description":"use POST"}"#)
        }
        var fields: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = SandboxRequest.percentDecode(parts[0], plusIsSpace: true),
                let value = SandboxRequest.percentDecode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
            else { return answer(400, #"{"error":"invalid_request"}"#) }
            fields[name] = value
        }
        if let basic = request.header("authorization"), basic.hasPrefix("Basic "),
            let decoded = TestTokenIssuer.base64Decode(String(basic.dropFirst(6)))
        {
            let parts = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            fields["client_id"] = parts.first.flatMap { SandboxRequest.percentDecode($0, plusIsSpace: true) }
            fields["client_secret"] = parts.count > 1 ? SandboxRequest.percentDecode(parts[1], plusIsSpace: true) : nil
        }
        guard fields["grant_type"] == "client_credentials" else {
            return answer(400, #"{"error":"unsupported_grant_type"}"#)
        }
        let userID: Int
        if fields["client_id"] == SandboxTestTokens.clientID, fields["client_secret"] == SandboxTestTokens.clientSecret {
            userID = seed.owner.id
        } else if fields["client_id"] == SandboxTestTokens.outsiderClientID, fields["client_secret"] == SandboxTestTokens.outsiderClientSecret {
            userID = seed.outsider.id
        } else {
            return answer(401, #"{"error":"invalid_client"}"#)
        }
        let token = issue(lifetime: lifetime, userID: userID)
        return answer(200, #"{"access_token":""# + token + #"","token_type":"Bearer","expires_in":"# + String(Self.seconds(lifetime)) + "}")
    }

    /// Answers a login request: JSON `{"email", "password"}` of a seeded user.
    func respondToLogin(_ request: SandboxRequest, lifetime: Duration, seed: SandboxSeed) -> SandboxResponse {
        func answer(_ status: Int, _ json: String) -> SandboxResponse {
            SandboxResponse(
                status: status, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")], body: Array(json.utf8))
        }
        guard request.method == "POST" else {
            return answer(405, #"{"status":"error","error":{"code":"METHOD_NOT_ALLOWED","message":"use POST"}}"#)
        }
        guard let body = try? JSONParser().parse(request.body), let email = body["email"]?.stringValue,
            let password = body["password"]?.stringValue
        else {
            return answer(400, #"{"status":"error","error":{"code":"BAD_REQUEST","message":"a JSON body with email and password is required"}}"#)
        }
        guard password == SandboxTestTokens.loginPassword, let user = seed.users.first(where: { $0.email == email }) else {
            return answer(401, #"{"status":"error","error":{"code":"UNAUTHORIZED","message":"Invalid email or password"}}"#)
        }
        let token = issue(lifetime: lifetime, userID: user.id)
        let data: JSONValue = .object(
            JSONObject([
                ("accessToken", .string(token)), ("expiresIn", .number(JSONNumber(Self.seconds(lifetime)))),
                ("user", .object(JSONObject([("id", .number(JSONNumber(user.id))), ("email", .string(user.email))]))),
            ]))
        return answer(200, JSONWriter.compact(.object(JSONObject([("status", .string("success")), ("data", data)]))))
    }

    /// A lifetime in whole seconds, at least 1.
    static func seconds(_ lifetime: Duration) -> Int {
        max(1, Int((Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18).rounded(.up)))
    }

    static func base64Decode(_ text: String) -> String? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var bits = 0
        var count = 0
        var out: [UInt8] = []
        for byte in text.utf8 where byte != UInt8(ascii: "=") {
            guard let index = alphabet.firstIndex(of: byte) else { return nil }
            bits = ((bits << 6) | index) & 0xFFFFFF
            count += 6
            if count >= 8 {
                count -= 8
                out.append(UInt8((bits >> count) & 0xFF))
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
