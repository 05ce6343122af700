import SpecGateJSON
import SpecGateSandbox
import Testing

/// The test-only login endpoint (`POST /_test/auth/login`, not Cal.com): a seeded user's email and the test
/// password give a short-lived token accepted for that user, by this sandbox and by any other.
@Suite("Test-only login endpoint")
struct TestLoginEndpointTests {
    @Test func loginGivesAShortLivedTokenForTheUser() async throws {
        var configuration = SandboxConfiguration()
        configuration.tokenLifetime = .seconds(1)
        let sandbox = try await Sandbox.start(configuration)
        let other = try await Sandbox.start(SandboxConfiguration())
        let client = SandboxClient(sandbox: sandbox)
        let elsewhere = SandboxClient(sandbox: other)
        do {
            let path = SandboxTestTokens.loginPath
            let outsider = sandbox.seed.outsider
            let login = try await client.send(
                "POST", path,
                json: ["email": .string(outsider.email), "password": .string(SandboxTestTokens.loginPassword)])
            #expect(login.status == 200)
            #expect(login.json?["status"] == "success")
            #expect(login.json?["data"]?["expiresIn"] == 1)
            #expect(login.json?["data"]?["user"]?["email"] == .string(outsider.email))
            let token = try #require(login.json?["data"]?["accessToken"]?.stringValue)
            #expect(token.hasPrefix(SandboxTestTokens.tokenPrefix))
            // The token acts as the outsider: the owner's booking is refused, the outsider's own list answers.
            let list = try await client.send("GET", "/v2/bookings", authorization: "Bearer " + token)
            #expect(list.status == 200)
            let owners = try await client.send(
                "GET", "/v2/bookings/\(sandbox.seed.personalBookingUid)/references", authorization: "Bearer " + token)
            #expect(owners.status == 403 || owners.status == 404, "\(owners.status)")
            // Another sandbox accepts it too (signed, as from a shared identity provider).
            #expect(try await elsewhere.send("GET", "/v2/bookings", authorization: "Bearer " + token).status == 200)
            // A forged token with a changed user is refused.
            let forged = token.replacingOccurrences(
                of: "\(SandboxTestTokens.tokenPrefix)\(outsider.id)_",
                with: "\(SandboxTestTokens.tokenPrefix)\(sandbox.seed.owner.id)_")
            #expect(try await client.send("GET", "/v2/bookings", authorization: "Bearer " + forged).status == 401)
            try await Task.sleep(for: .milliseconds(1200))
            let expired = try await client.send("GET", "/v2/bookings", authorization: "Bearer " + token)
            #expect(expired.status == 401)
            #expect(expired.json?["error"]?["message"] == "Access token expired")

            let wrong = try await client.send(
                "POST", path, json: ["email": .string(outsider.email), "password": "guess"])
            #expect(wrong.status == 401)
            let unknown = try await client.send(
                "POST", path,
                json: ["email": "nobody@example.com", "password": .string(SandboxTestTokens.loginPassword)])
            #expect(unknown.status == 401)
            #expect(try await client.send("POST", path, body: Array("email=x".utf8)).status == 400)
            #expect(try await client.send("GET", path).status == 405)
            try await sandbox.stop()
            try await other.stop()
        } catch {
            try? await sandbox.stop()
            try? await other.stop()
            throw error
        }
    }
}
