import SpecGateJSON
import SpecGateSandbox
import SpecGateTestSupport

/// Starts a sandbox on port 0, runs `body` against it and always stops it.
func withSandbox<T: Sendable>(
    faults: Set<SandboxFault> = [], slowDelay: Duration = .milliseconds(1500), maxBodyBytes: Int = 1 << 20,
    _ body: (SandboxClient) async throws -> T
) async throws -> T {
    let sandbox = try await Sandbox.start(
        SandboxConfiguration(faults: faults, slowDelay: slowDelay, maxBodyBytes: maxBodyBytes))
    let client = SandboxClient(sandbox: sandbox)
    do {
        let result = try await body(client)
        try await sandbox.stop()
        return result
    } catch {
        try? await sandbox.stop()
        throw error
    }
}

/// Marker for a missing response in tests.
struct NoResponse: Error, CustomStringConvertible {
    let outcome: ConnectionEnd
    var description: String { "no HTTP response (\(outcome))" }
}

/// Sends Cal.com-style requests to a running sandbox.
struct SandboxClient: Sendable {
    let sandbox: RunningSandbox
    var seed: SandboxSeed { sandbox.seed }
    var port: Int { sandbox.port }
    var ownerKey: String { seed.owner.apiKey }

    /// Header choice for the version header: the right one, none, or a given value.
    enum Version: Sendable { case right, missing, value(String) }

    func raw(
        _ method: String, _ path: String, key: String? = nil, authorization: String? = nil, version: Version = .right,
        body: [UInt8]? = nil, extraHeaders: [(String, String)] = [], timeoutMilliseconds: Int = 5000
    ) async -> RawOutcome {
        var headers = extraHeaders
        switch version {
        case .right: headers.append(("cal-api-version", "2024-08-13"))
        case .missing: break
        case .value(let v): headers.append(("cal-api-version", v))
        }
        if let authorization {
            headers.append(("Authorization", authorization))
        } else if let key {
            headers.append(("Authorization", "Bearer \(key)"))
        }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        return await RawHTTPClient.request(
            port: port, method: method, path: path, headers: headers, body: body,
            timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Sends a request and returns the parsed reply (throws when there is none).
    func send(
        _ method: String, _ path: String, key: String? = nil, authorization: String? = nil, version: Version = .right,
        json: JSONValue? = nil, body: [UInt8]? = nil
    ) async throws -> HTTPReply {
        let bytes = json.map { Array(JSONWriter.compact($0).utf8) } ?? body
        let outcome = await raw(method, path, key: key, authorization: authorization, version: version, body: bytes)
        guard let reply = outcome.reply else { throw NoResponse(outcome: outcome.end) }
        return reply
    }

    /// A valid create body for `eventTypeId`.
    func createBody(eventTypeId: Int, start: String = "2031-03-04T09:00:00Z", name: String = "Ada Lovelace")
        -> JSONValue
    {
        [
            "start": .string(start), "eventTypeId": .number(JSONNumber(eventTypeId)),
            "attendee": [
                "name": .string(name), "email": "ada@example.com", "timeZone": "Europe/London", "language": "en",
            ],
        ]
    }
}

/// Locations in the repository, for tests that read the specs.
enum SandboxHarness {
    static var packageRoot: String { PackageRoot.path }
}
