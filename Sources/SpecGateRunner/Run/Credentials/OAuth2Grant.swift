import SpecGateCore
import SpecGateHTTP
import SpecGateJSON

/// `auth.oauth2`: an OAuth 2 client-credentials grant (RFC 6749 §4.4).
enum OAuth2Grant {
    /// A form-encoded POST to the token endpoint, answered with JSON `{"access_token": …, "expires_in": …}`.
    static func clientCredentials(
        _ grant: SuiteAuth.OAuth2, environment: [String: String], transportOptions: TransportOptions
    ) async -> Result<CredentialProvider.Fetched, RunError> {
        guard let clientID = environment[grant.clientIdEnv], !clientID.isEmpty else {
            return .failure(RunError("oauth2: $\(grant.clientIdEnv) (the client id) is not set"))
        }
        guard let clientSecret = environment[grant.clientSecretEnv], !clientSecret.isEmpty else {
            return .failure(RunError("oauth2: $\(grant.clientSecretEnv) (the client secret) is not set"))
        }
        let url = grant.tokenURL
        var fields = [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret)]
        if !grant.scopes.isEmpty { fields.append(("scope", grant.scopes.joined(separator: " "))) }
        let body = fields.map { formEncoded($0.0) + "=" + formEncoded($0.1) }.joined(separator: "&")
        let sent = await CredentialRequest.send(
            .post, url,
            headers: [
                HeaderField(name: "Content-Type", value: "application/x-www-form-urlencoded"),
                HeaderField(name: "Accept", value: "application/json"),
            ], body: Array(body.utf8),
            what: "oauth2: token endpoint", transportOptions: transportOptions)
        let response: HTTPResponseRecord
        do {
            response = try sent.get()
        } catch {
            return .failure(error)
        }
        guard let json = try? JSONParser().parse(response.body), case .object(let object) = json else {
            return .failure(RunError("oauth2: token endpoint \(url) answered \(response.status) without a JSON object"))
        }
        guard let token = object["access_token"]?.stringValue, !token.isEmpty else {
            return .failure(RunError("oauth2: token endpoint \(url) answered without an `access_token` string"))
        }
        // Cached until `expires_in` minus a margin (a tenth, at most 30 s), so a token is not sent as it expires.
        let lifetime = object["expires_in"]?.doubleValue.map { seconds -> Duration in
            TokenFetcher.duration(max(0, seconds - min(30, seconds / 10)))
        }
        return .success(.init(token: token, lifetime: lifetime))
    }

    /// `application/x-www-form-urlencoded` (unreserved characters kept, space as `+`).
    static func formEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: " "): out.append("+")
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
