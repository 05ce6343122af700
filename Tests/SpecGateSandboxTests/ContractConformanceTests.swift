import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner
import SpecGateSandbox
import SpecGateSchema
import Testing

/// Every response of the conformant sandbox for the Bookings operations — successes and the error
/// paths — is documented by the Cal.com spec with `specs/calcom/overlay.yaml`: status, content type,
/// required headers and body schema, checked with SpecGate's own schema engine.
@Suite("Sandbox conforms to the spec with overlay")
struct ContractConformanceTests {
    static let target: LoadedTarget? = try? Workspace.load(
        path: SandboxHarness.packageRoot + "/specs/calcom/suite.yaml")

    /// The operation whose path template matches a concrete path.
    static func operation(_ method: String, _ path: String, in spec: APISpec) -> SpecGateCore.Operation? {
        let concrete = path.split(separator: "?")[0].split(separator: "/")
        return spec.operations.first { op in
            guard op.method.wireName == method else { return false }
            let template = op.path.split(separator: "/")
            guard template.count == concrete.count else { return false }
            return zip(template, concrete).allSatisfy { t, c in t.hasPrefix("{") || t == c }
        }
    }

    /// Every way the reply departs from the documented response (empty: conforms).
    static func problems(_ reply: HTTPReply, for operation: SpecGateCore.Operation, spec: APISpec) -> [String] {
        guard let documented = operation.response(for: reply.status) else {
            return ["status \(reply.status) is not documented for \(operation.displayName)"]
        }
        var problems: [String] = []
        let contentType = reply.header("Content-Type") ?? ""
        guard let media = documented.content.first(where: { $0.matches(contentType) }) else {
            return ["content type \(contentType) not documented for \(reply.status)"]
        }
        var compiler = SchemaCompiler(
            documents: spec.documents, options: SchemaOptions(dialect: .openAPI30, direction: .response))
        for header in documented.headers where header.required && reply.header(header.name) == nil {
            problems.append("required header \(header.name) missing")
        }
        if let location = media.schema {
            do {
                let schema = try compiler.compile(location)
                let body = try JSONParser().parse(reply.body)
                problems += schema.validate(body).map(\.description)
            } catch {
                problems.append("\(error)")
            }
        }
        return problems
    }

    @Test("each success response validates", arguments: OperationCase.all)
    func success(_ op: OperationCase) async throws {
        let target = try #require(Self.target)
        try await withSandbox { client in
            let path = op.path(client.seed)
            let operation = try #require(Self.operation(op.method, path, in: target.spec), "no operation for \(path)")
            let reply = try await client.send(op.method, path, key: client.ownerKey, json: op.body)
            #expect(reply.status == op.status)
            #expect(Self.problems(reply, for: operation, spec: target.spec) == [])
        }
    }

    @Test("each error response validates", arguments: OperationCase.all)
    func errors(_ op: OperationCase) async throws {
        let target = try #require(Self.target)
        try await withSandbox { client in
            let path = op.path(client.seed)
            let operation = try #require(Self.operation(op.method, path, in: target.spec))
            // Wrong API version: 400 everywhere.
            let badVersion = try await client.send(
                op.method, path, key: client.ownerKey, version: .value("1999-01-01"), json: op.body)
            #expect(badVersion.status == 400)
            #expect(Self.problems(badVersion, for: operation, spec: target.spec) == [])
            // Unknown key: 401 where the key is required.
            let unknown = try await client.send(op.method, path, authorization: "Bearer cal_unknown", json: op.body)
            #expect(Self.problems(unknown, for: operation, spec: target.spec) == [])
            // Unknown booking: 404 for operations on a booking.
            if operation.path.contains("{bookingUid}") {
                let missing = path.replacingOccurrences(of: client.seed.personalBookingUid, with: "no-such-booking")
                    .replacingOccurrences(of: client.seed.pendingBookingUid, with: "no-such-booking")
                    .replacingOccurrences(of: client.seed.roundRobinBookingUids[0], with: "no-such-booking")
                let reply = try await client.send(op.method, missing, key: client.ownerKey, json: op.body)
                #expect(reply.status == 404)
                #expect(Self.problems(reply, for: operation, spec: target.spec) == [])
            }
        }
    }
}
