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

/// Issues the test-only access tokens. A token names its user and expiry and is signed with a fixed
/// test key (`sbx_at_<user>_<expiry ms>_<random>_<check>`), like a JWT from a shared identity provider: every
/// sandbox accepts the tokens of every other (so `compare` can send one token to two sandboxes).
actor TestTokenIssuer {
    /// The test signing key (not a secret: the endpoints are test-only).
    private static let signingKey = "sbx-test-signing-key-2f61"

    /// A new token valid for `lifetime`.
    func issue(lifetime: Duration, userID: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        let hex = (0..<16).map { _ in String(UInt8.random(in: 0...15, using: &rng), radix: 16) }.joined()
        let expiry =
            Timestamp.now().milliseconds + lifetime.components.seconds * 1000 + lifetime.components.attoseconds
            / 1_000_000_000_000_000
        let body = "\(userID)_\(expiry)_\(hex)"
        return SandboxTestTokens.tokenPrefix + body + "_" + Self.check(body)
    }

    /// True when `token` looks issued here; `expired` tells whether it no longer is valid (also when its
    /// signature does not match); `userID` whom it acts as.
    func state(of token: String) -> (known: Bool, expired: Bool, userID: Int?) {
        guard token.hasPrefix(SandboxTestTokens.tokenPrefix) else { return (false, false, nil) }
        let parts = token.dropFirst(SandboxTestTokens.tokenPrefix.count).split(
            separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 4, let userID = Int(parts[0]), let expiry = Int64(parts[1]),
            Self.check(parts[0...2].joined(separator: "_")) == parts[3]
        else { return (true, true, nil) }
        return (true, Timestamp.now().milliseconds >= expiry, userID)
    }

    /// A keyed 64-bit FNV-1a digest, hex (enough for a test token; not cryptographic).
    private static func check(_ body: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (signingKey + ":" + body).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    /// A JSON answer that no cache may keep (it may hold a token).
    private static func answer(_ status: Int, _ json: String) -> SandboxResponse {
        SandboxResponse(
            status: status, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
            body: Array(json.utf8))
    }

    /// Answers a token request.
    func respond(to request: SandboxRequest, lifetime: Duration, seed: SandboxSeed) -> SandboxResponse {
        guard request.method == "POST" else {
            return Self.answer(405, #"{"error":"invalid_request","error_description":"use POST"}"#)
        }
        var fields: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = SandboxRequest.percentDecode(parts[0], plusIsSpace: true),
                let value = SandboxRequest.percentDecode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
            else { return Self.answer(400, #"{"error":"invalid_request"}"#) }
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
            return Self.answer(400, #"{"error":"unsupported_grant_type"}"#)
        }
        let userID: Int
        if fields["client_id"] == SandboxTestTokens.clientID, fields["client_secret"] == SandboxTestTokens.clientSecret
        {
            userID = seed.owner.id
        } else if fields["client_id"] == SandboxTestTokens.outsiderClientID,
            fields["client_secret"] == SandboxTestTokens.outsiderClientSecret
        {
            userID = seed.outsider.id
        } else {
            return Self.answer(401, #"{"error":"invalid_client"}"#)
        }
        let token = issue(lifetime: lifetime, userID: userID)
        return Self.answer(
            200,
            #"{"access_token":""# + token + #"","token_type":"Bearer","expires_in":"# + String(Self.seconds(lifetime))
                + "}")
    }

    /// Answers a login request: JSON `{"email", "password"}` of a seeded user.
    func respondToLogin(_ request: SandboxRequest, lifetime: Duration, seed: SandboxSeed) -> SandboxResponse {
        guard request.method == "POST" else {
            return Self.answer(405, #"{"status":"error","error":{"code":"METHOD_NOT_ALLOWED","message":"use POST"}}"#)
        }
        guard let body = try? JSONParser().parse(request.body), let email = body["email"]?.stringValue,
            let password = body["password"]?.stringValue
        else {
            return Self.answer(
                400,
                #"{"status":"error","error":{"code":"BAD_REQUEST","message":"a JSON body with email and password is required"}}"#
            )
        }
        guard password == SandboxTestTokens.loginPassword, let user = seed.users.first(where: { $0.email == email })
        else {
            return Self.answer(
                401, #"{"status":"error","error":{"code":"UNAUTHORIZED","message":"Invalid email or password"}}"#)
        }
        let token = issue(lifetime: lifetime, userID: user.id)
        let data: JSONValue = .object(
            JSONObject([
                ("accessToken", .string(token)), ("expiresIn", .number(JSONNumber(Self.seconds(lifetime)))),
                ("user", .object(JSONObject([("id", .number(JSONNumber(user.id))), ("email", .string(user.email))]))),
            ]))
        return Self.answer(
            200, JSONWriter.compact(.object(JSONObject([("status", .string("success")), ("data", data)]))))
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
