import SpecGateJSON
import SpecGateSandbox
import Testing

/// One request per Bookings operation that must succeed for the owner.
struct OperationCase: Sendable, CustomTestStringConvertible {
    var name: String
    var method: String
    var path: @Sendable (SandboxSeed) -> String
    var body: JSONValue?
    var status: Int
    var testDescription: String { name }

    static let all: [OperationCase] = [
        OperationCase(name: "list", method: "GET", path: { _ in "/v2/bookings?take=2&status=upcoming" }, status: 200),
        OperationCase(
            name: "create", method: "POST", path: { _ in "/v2/bookings" },
            body: [
                "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
                "attendee": ["name": "Bo", "email": "bo@example.com", "timeZone": "UTC"],
            ], status: 201),
        OperationCase(name: "get", method: "GET", path: { "/v2/bookings/\($0.personalBookingUid)" }, status: 200),
        OperationCase(name: "by-seat", method: "GET", path: { "/v2/bookings/by-seat/\($0.seatUid)" }, status: 200),
        OperationCase(
            name: "recordings", method: "GET", path: { "/v2/bookings/\($0.personalBookingUid)/recordings" }, status: 200
        ),
        OperationCase(
            name: "transcripts", method: "GET", path: { "/v2/bookings/\($0.personalBookingUid)/transcripts" },
            status: 200),
        OperationCase(
            name: "reschedule", method: "POST", path: { "/v2/bookings/\($0.personalBookingUid)/reschedule" },
            body: ["start": "2031-02-02T10:00:00Z", "reschedulingReason": "conflict"], status: 201),
        OperationCase(
            name: "cancel", method: "POST", path: { "/v2/bookings/\($0.personalBookingUid)/cancel" },
            body: ["cancellationReason": "ill"], status: 200),
        OperationCase(
            name: "mark-absent", method: "POST", path: { "/v2/bookings/\($0.personalBookingUid)/mark-absent" },
            body: ["host": true], status: 200),
        OperationCase(
            name: "reassign", method: "POST", path: { "/v2/bookings/\($0.roundRobinBookingUids[0])/reassign" },
            status: 200),
        OperationCase(
            name: "reassign-to-user", method: "POST",
            path: { "/v2/bookings/\($0.roundRobinBookingUids[0])/reassign/\($0.hosts[1].id)" },
            body: ["reason": "holiday"], status: 200),
        OperationCase(
            name: "confirm", method: "POST", path: { "/v2/bookings/\($0.pendingBookingUid)/confirm" }, status: 200),
        OperationCase(
            name: "decline", method: "POST", path: { "/v2/bookings/\($0.pendingBookingUid)/decline" },
            body: ["reason": "busy"], status: 200),
        OperationCase(
            name: "calendar-links", method: "GET", path: { "/v2/bookings/\($0.personalBookingUid)/calendar-links" },
            status: 200),
        OperationCase(
            name: "references", method: "GET", path: { "/v2/bookings/\($0.personalBookingUid)/references" }, status: 200
        ),
        OperationCase(
            name: "conferencing-sessions", method: "GET",
            path: { "/v2/bookings/\($0.personalBookingUid)/conferencing-sessions" }, status: 200),
        OperationCase(
            name: "location", method: "PATCH", path: { "/v2/bookings/\($0.personalBookingUid)/location" },
            body: ["location": ["type": "link", "link": "https://meet.example/x"]], status: 200),
    ]
}

@Suite("Bookings endpoints")
struct EndpointTests {
    @Test("each operation succeeds with the documented status and Cal.com envelope", arguments: OperationCase.all)
    func success(_ op: OperationCase) async throws {
        try await withSandbox { client in
            let reply = try await client.send(op.method, op.path(client.seed), key: client.ownerKey, json: op.body)
            #expect(reply.status == op.status)
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            for name in ["X-RateLimit-Limit-Default", "X-RateLimit-Remaining-Default", "X-RateLimit-Reset-Default"] {
                #expect(reply.header(name).flatMap(Int.init) != nil, "\(name) must be an integer")
            }
            let json = try #require(reply.json)
            #expect(json["status"] == "success")
            #expect(json["data"] != nil)
        }
    }

    @Test("there are 17 Bookings operations")
    func operationCount() {
        #expect(OperationCase.all.count == 17)
    }

    @Test("required Authorization: missing, malformed and unknown keys get 401", arguments: OperationCase.all)
    func unauthorized(_ op: OperationCase) async throws {
        let optional: Set<String> = ["create", "get", "by-seat", "reschedule", "cancel"]
        try await withSandbox { client in
            let path = op.path(client.seed)
            for authorization in [nil, "cal_sandbox_owner_7f3a9c", "Bearer cal_unknown_key"] as [String?] {
                let reply = try await client.send(op.method, path, authorization: authorization, json: op.body)
                if optional.contains(op.name) {
                    #expect(reply.status == op.status, "optional auth: anonymous callers are served")
                } else {
                    #expect(reply.status == 401)
                    #expect(reply.json?["error"]?["code"] == "UnauthorizedException")
                    #expect(reply.json?["status"] == "error")
                }
            }
        }
    }

    @Test(
        "cal-api-version missing or wrong gets 400", arguments: [SandboxClient.Version.missing, .value("2024-04-15")])
    func apiVersion(_ version: SandboxClient.Version) async throws {
        try await withSandbox { client in
            let reply = try await client.send(
                "GET", "/v2/bookings/\(client.seed.personalBookingUid)", key: client.ownerKey, version: version)
            #expect(reply.status == 400)
            #expect(reply.json?["error"]?["code"] == "BadRequestException")
        }
    }

    static let invalidCreateBodies: [JSONValue] = [
        [:],
        ["eventTypeId": 501, "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"]],
        ["start": "2031-01-01T10:00:00Z", "eventTypeId": 501],
        [
            "start": "yesterday", "eventTypeId": 501,
            "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"],
        ],
        ["start": 5, "eventTypeId": 501, "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"]],
        [
            "start": "2031-01-01T10:00:00Z", "eventTypeId": "501",
            "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"],
        ],
        [
            "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
            "attendee": ["name": "A", "email": "not-an-email", "timeZone": "UTC"],
        ],
        [
            "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
            "attendee": ["email": "a@example.com", "timeZone": "UTC"],
        ],
        [
            "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
            "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC", "language": "xx"],
        ],
        ["start": "2031-01-01T10:00:00Z", "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"]],
        [
            "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
            "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"], "location": ["type": "teleport"],
        ],
        [
            "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
            "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"], "guests": [5],
        ],
        [
            "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
            "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"], "lengthInMinutes": 0,
        ],
        [1, 2, 3],
    ]

    @Test("invalid create bodies get 400", arguments: invalidCreateBodies)
    func invalidCreate(_ body: JSONValue) async throws {
        try await withSandbox { client in
            let reply = try await client.send("POST", "/v2/bookings", json: body)
            #expect(reply.status == 400)
            #expect(reply.json?["error"]?["code"] == "BadRequestException")
        }
    }

    @Test("as Cal.com's DTO: guests are any strings and lengthInMinutes has no upper bound")
    func createAcceptsWhatCalcomAccepts() async throws {
        try await withSandbox { client in
            let body: JSONValue = [
                "start": "2031-01-01T10:00:00Z", "eventTypeId": 501,
                "attendee": ["name": "A", "email": "a@example.com", "timeZone": "UTC"], "guests": ["x"],
                "lengthInMinutes": 5000,
            ]
            let reply = try await client.send("POST", "/v2/bookings", json: body)
            #expect(reply.status == 201)
        }
    }

    @Test("bodies that are not JSON or not UTF-8 get 400")
    func notJSON() async throws {
        try await withSandbox { client in
            for bytes in [Array("{\"start\":".utf8), [0xFF, 0xFE, 0x7B, 0x7D], Array("".utf8)] {
                let reply = try await client.send(
                    "POST", "/v2/bookings/\(client.seed.personalBookingUid)/cancel", key: client.ownerKey, body: bytes)
                #expect(reply.status == 400)
            }
        }
    }

    @Test(
        "unknown booking uid gets 404 on every booking operation",
        arguments: OperationCase.all.filter { !["list", "create", "by-seat"].contains($0.name) })
    func unknownBooking(_ op: OperationCase) async throws {
        try await withSandbox { client in
            let path = op.path(client.seed)
                .replacingOccurrences(of: client.seed.personalBookingUid, with: "no-such-booking")
                .replacingOccurrences(of: client.seed.pendingBookingUid, with: "no-such-booking")
                .replacingOccurrences(of: client.seed.roundRobinBookingUids[0], with: "no-such-booking")
            let reply = try await client.send(op.method, path, key: client.ownerKey, json: op.body)
            #expect(reply.status == 404)
            #expect(reply.json?["error"]?["code"] == "NotFoundException")
        }
    }

    @Test("unknown seat uid gets 404")
    func unknownSeat() async throws {
        try await withSandbox { client in
            let reply = try await client.send("GET", "/v2/bookings/by-seat/nope")
            #expect(reply.status == 404)
        }
    }

    @Test("reassigning another organiser's booking gets 403")
    func reassignForeignBooking() async throws {
        try await withSandbox { client in
            let uid = client.seed.roundRobinBookingUids[0]
            let auto = try await client.send("POST", "/v2/bookings/\(uid)/reassign", key: client.seed.outsider.apiKey)
            #expect(auto.status == 403)
            let toUser = try await client.send(
                "POST", "/v2/bookings/\(uid)/reassign/\(client.seed.hosts[1].id)", key: client.seed.outsider.apiKey,
                json: [:])
            #expect(toUser.status == 403)
            #expect(toUser.json?["error"]?["code"] == "ForbiddenException")
        }
    }

    @Test("reassigning to a user who is not a host gets 403; unknown user 404; non-numeric userId 400")
    func reassignTargets() async throws {
        try await withSandbox { client in
            let uid = client.seed.roundRobinBookingUids[0]
            let outsider = try await client.send(
                "POST", "/v2/bookings/\(uid)/reassign/\(client.seed.outsider.id)", key: client.ownerKey, json: [:])
            #expect(outsider.status == 403)
            let unknown = try await client.send(
                "POST", "/v2/bookings/\(uid)/reassign/999999", key: client.ownerKey, json: [:])
            #expect(unknown.status == 404)
            for bad in ["abc", "1.5"] {
                let reply = try await client.send(
                    "POST", "/v2/bookings/\(uid)/reassign/\(bad)", key: client.ownerKey, json: [:])
                #expect(reply.status == 400)
            }
        }
    }

    @Test("an outsider cannot manage the owner's bookings")
    func outsiderForbidden() async throws {
        try await withSandbox { client in
            let uid = client.seed.pendingBookingUid
            let reply = try await client.send("POST", "/v2/bookings/\(uid)/confirm", key: client.seed.outsider.apiKey)
            #expect(reply.status == 403)
        }
    }

    @Test(
        "invalid query parameters of list get 400",
        arguments: [
            "take=abc", "take=0", "skip=-1", "status=done", "sortStart=up", "afterStart=today", "eventTypeIds=1,x",
        ])
    func invalidListQuery(_ query: String) async throws {
        try await withSandbox { client in
            let reply = try await client.send("GET", "/v2/bookings?\(query)", key: client.ownerKey)
            #expect(reply.status == 400)
        }
    }

    @Test("invalid bodies of the other operations get 400")
    func invalidOtherBodies() async throws {
        try await withSandbox { client in
            let s = client.seed
            let cases: [(String, String, JSONValue)] = [
                ("POST", "/v2/bookings/\(s.personalBookingUid)/reschedule", ["reschedulingReason": "x"]),
                ("POST", "/v2/bookings/\(s.personalBookingUid)/reschedule", ["start": "soon"]),
                ("POST", "/v2/bookings/\(s.personalBookingUid)/cancel", ["cancelSubsequentBookings": "yes"]),
                (
                    "POST", "/v2/bookings/\(s.personalBookingUid)/mark-absent",
                    ["attendees": [["email": "attendee4@sandbox.example"]]]
                ),
                ("POST", "/v2/bookings/\(s.personalBookingUid)/mark-absent", ["host": "true"]),
                ("POST", "/v2/bookings/\(s.pendingBookingUid)/decline", ["reason": 5]),
                ("POST", "/v2/bookings/\(s.roundRobinBookingUids[0])/reassign/\(s.hosts[1].id)", ["reason": false]),
                (
                    "PATCH", "/v2/bookings/\(s.personalBookingUid)/location",
                    ["location": ["type": "integration", "integration": "carrier-pigeon"]]
                ),
                ("PATCH", "/v2/bookings/\(s.personalBookingUid)/location", ["location": ["type": "link"]]),
            ]
            for (method, path, body) in cases {
                let reply = try await client.send(method, path, key: client.ownerKey, json: body)
                #expect(reply.status == 400, "\(method) \(path) \(body)")
            }
        }
    }

    @Test("references can be filtered by type; an unknown type is a 400")
    func referencesFilter() async throws {
        try await withSandbox { client in
            let base = "/v2/bookings/\(client.seed.personalBookingUid)/references"
            let all = try await client.send("GET", base, key: client.ownerKey)
            #expect(all.json?["data"]?.arrayValue?.count == 1)
            let zoom = try await client.send("GET", base + "?type=zoom_video", key: client.ownerKey)
            #expect(zoom.json?["data"]?.arrayValue?.count == 0)
            let bad = try await client.send("GET", base + "?type=carrier_pigeon", key: client.ownerKey)
            #expect(bad.status == 400)
        }
    }

    @Test("calendar links cover Google, Outlook, Office and ICS")
    func calendarLinks() async throws {
        try await withSandbox { client in
            let reply = try await client.send(
                "GET", "/v2/bookings/\(client.seed.personalBookingUid)/calendar-links", key: client.ownerKey)
            let labels = reply.json?["data"]?.arrayValue?.compactMap { $0["label"]?.stringValue }
            #expect(labels == ["Google", "Microsoft Outlook", "Microsoft Office", "ICS"])
            #expect(reply.json?["status"] == "success")
        }
    }
}
