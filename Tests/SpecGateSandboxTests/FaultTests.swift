import SpecGateJSON
import SpecGateSandbox
import Testing

@Suite("Faults")
struct FaultTests {
    @Test("the catalogue has at least 18 faults with unique snake_case names, checks and summaries")
    func catalogue() {
        #expect(SandboxFault.allCases.count >= 18)
        #expect(Set(SandboxFault.allCases.map(\.rawValue)).count == SandboxFault.allCases.count)
        for fault in SandboxFault.allCases {
            #expect(fault.rawValue.allSatisfy { $0.isLowercase || $0 == "_" }, "\(fault.rawValue)")
            #expect(!fault.summary.isEmpty)
            #expect(!fault.expectedCheck.isEmpty)
        }
        #expect(SandboxFault.allCases.filter(\.isTransport) == [.resetMidResponse, .neverCompletes, .truncatedBody])
    }

    @Test("each fault changes the behaviour as described", arguments: SandboxFault.allCases)
    func fault(_ fault: SandboxFault) async throws {
        try await withSandbox(faults: [fault], slowDelay: .milliseconds(300)) { client in
            let s = client.seed
            let getPath = "/v2/bookings/\(s.personalBookingUid)"
            switch fault {
            case .enumOutOfSet:
                let reply = try await client.send("GET", getPath)
                #expect(reply.json?["status"] == "succeeded")
            case .missingRequiredField:
                let reply = try await client.send("GET", getPath)
                #expect(reply.json?["data"]?["title"] == nil)
                #expect(reply.json?["data"]?["uid"] != nil)
            case .wrongFieldType:
                let reply = try await client.send("GET", getPath)
                #expect(reply.json?["data"]?["id"] == "1004")
                let reassign = try await client.send(
                    "POST", "/v2/bookings/\(s.roundRobinBookingUids[0])/reassign", key: client.ownerKey)
                #expect(reassign.json?["data"]?["reassignedTo"]?["id"]?.stringValue != nil)
            case .nullInNonNullable:
                let reply = try await client.send("GET", getPath)
                #expect(reply.json?["data"]?["location"] == .null)
            case .badDateFormat:
                let list = try await client.send("GET", "/v2/bookings", key: client.ownerKey)
                let starts = list.json?["data"]?.arrayValue?.map { $0["start"] }
                #expect(starts?.isEmpty == false)
                #expect(starts?.allSatisfy { $0 == "yesterday" } == true)
            case .wrongContentType:
                let reply = try await client.send("GET", getPath)
                #expect(reply.header("Content-Type")?.hasPrefix("text/plain") == true)
                #expect(reply.json?["status"] == "success")
            case .undocumentedStatus:
                let get = try await client.send("GET", getPath)
                #expect(get.status == 202)
                let create = try await client.send("POST", "/v2/bookings", json: client.createBody(eventTypeId: 501))
                #expect(create.status == 202)
            case .serverErrorOnInvalidBody:
                let reply = try await client.send("POST", "/v2/bookings", json: ["start": "soon"])
                #expect(reply.status == 500)
                let auth = try await client.send("GET", "/v2/bookings")
                #expect(auth.status == 401, "only body validation errors become 500")
            case .acceptInvalidBody:
                let reply = try await client.send("POST", "/v2/bookings", json: ["start": 42, "attendee": "x"])
                #expect(reply.status == 201)
                let notJSON = try await client.send(
                    "POST", "/v2/bookings/\(s.personalBookingUid)/cancel", key: client.ownerKey,
                    body: Array("nope".utf8))
                #expect(notJSON.status == 200)
            case .ignoreAuth:
                for authorization in [nil, "Bearer cal_unknown"] as [String?] {
                    let reply = try await client.send("GET", "/v2/bookings", authorization: authorization)
                    #expect(reply.status == 200)
                }
            case .ignoreAPIVersion:
                for version in [SandboxClient.Version.missing, .value("1999-01-01")] {
                    let reply = try await client.send("GET", getPath, version: version)
                    #expect(reply.status == 200)
                }
            case .acceptBadPathParam:
                let reply = try await client.send(
                    "POST", "/v2/bookings/\(s.roundRobinBookingUids[0])/reassign/abc", key: client.ownerKey, json: [:])
                #expect(reply.status == 200)
            case .rejectValidInput:
                let reply = try await client.send("POST", "/v2/bookings", json: client.createBody(eventTypeId: 501))
                #expect(reply.status == 400)
            case .slowResponses:
                let clock = ContinuousClock()
                let start = clock.now
                let reply = try await client.send("GET", getPath)
                #expect(reply.status == 200)
                #expect(clock.now - start >= .milliseconds(300), "the configured delay is a lower bound")
            case .malformedJSON:
                let reply = try await client.send("GET", getPath)
                #expect(reply.status == 200)
                #expect(reply.json == nil)
                #expect(String(decoding: reply.body, as: UTF8.self) == #"{"status":"success","data":"#)
            case .badRateLimitHeader:
                let reply = try await client.send("GET", getPath)
                #expect(reply.status == 200)
                #expect(reply.header("X-RateLimit-Remaining-Default") == "unlimited")
                #expect(reply.header("X-RateLimit-Limit-Default").flatMap(Int.init) != nil)
            case .reassignToNonHost:
                let reply = try await client.send(
                    "POST", "/v2/bookings/\(s.roundRobinBookingUids[0])/reassign/\(s.outsider.id)",
                    key: client.ownerKey,
                    json: [:])
                #expect(reply.status == 200)
                #expect(reply.json?["data"]?["reassignedTo"]?["id"] == .number(JSONNumber(s.outsider.id)))
            case .resetMidResponse:
                let outcome = await client.raw("GET", getPath)
                #expect(outcome.end == .reset || outcome.reply?.complete == false)
                #expect(outcome.reply?.json == nil)
            case .neverCompletes:
                let outcome = await client.raw("GET", getPath, timeoutMilliseconds: 700)
                #expect(outcome.end == .timedOut)
                #expect(outcome.reply?.status == 200)
                #expect(outcome.reply?.complete == false)
            case .ignoreQueryArrayEnum:
                let reply = try await client.send("GET", "/v2/bookings?status=upcoming,unknown", key: client.ownerKey)
                #expect(reply.status == 200)
            case .outsiderCanDeclineBooking:
                let reply = try await client.send(
                    "POST", "/v2/bookings/\(s.pendingBookingUid)/decline", key: s.outsider.apiKey,
                    json: ["reason": "no"])
                #expect(reply.status == 200)
            case .cancelNotPersisted:
                let cancel = try await client.send(
                    "POST", "/v2/bookings/\(s.personalBookingUid)/cancel", key: client.ownerKey,
                    json: ["cancellationReason": "no"])
                #expect(cancel.status == 200)
                #expect(cancel.json?["data"]?["status"] == "cancelled")
                let read = try await client.send("GET", getPath, key: client.ownerKey)
                #expect(read.status == 200)
                #expect(read.json?["data"]?["status"] == "accepted")
            case .methodNotAllowedWithoutAllow:
                let reply = try await client.send("PATCH", "/v2/bookings", key: client.ownerKey)
                #expect(reply.status == 405)
                #expect(reply.header("Allow") == nil)
                let unknownPath = try await client.send("PATCH", "/v2/no-such-thing", key: client.ownerKey)
                #expect(unknownPath.status == 404, "an unknown path stays 404")
            case .reassignNotPersisted:
                let uid = s.roundRobinBookingUids[0]
                let before = try await client.send("GET", "/v2/bookings/\(uid)", key: client.ownerKey)
                let reassign = try await client.send(
                    "POST", "/v2/bookings/\(uid)/reassign", key: client.ownerKey, json: [:])
                #expect(reassign.status == 200)
                let newHost = try #require(reassign.json?["data"]?["reassignedTo"]?["id"])
                #expect(before.json?["data"]?["hosts"]?[0]?["id"] != newHost)
                let read = try await client.send("GET", "/v2/bookings/\(uid)", key: client.ownerKey)
                #expect(read.json?["data"]?["hosts"]?[0]?["id"] == before.json?["data"]?["hosts"]?[0]?["id"])
            case .serverErrorOnOptionalProperty:
                let path = "/v2/bookings/\(s.personalBookingUid)/reschedule"
                let failing = try await client.send(
                    "POST", path, json: ["start": "2031-03-05T09:00:00Z", "reschedulingReason": "x"])
                #expect(failing.status == 500)
                let plain = try await client.send("POST", path, json: ["start": "2031-03-05T10:00:00Z"])
                #expect(plain.status == 201)
            case .outsiderCanReadBooking:
                let reply = try await client.send(
                    "GET", "/v2/bookings/\(s.personalBookingUid)/calendar-links", key: s.outsider.apiKey)
                #expect(reply.status == 200)
            case .truncatedBody:
                let outcome = await client.raw("GET", getPath)
                #expect(outcome.end == .closed)
                let reply = try #require(outcome.reply)
                #expect(reply.complete == false)
                #expect(Int(reply.header("Content-Length") ?? "") ?? 0 > reply.body.count)
            }
        }
    }

    @Test("without faults the same requests behave conformantly")
    func conformantBaseline() async throws {
        try await withSandbox { client in
            let s = client.seed
            let reply = try await client.send("GET", "/v2/bookings/\(s.personalBookingUid)")
            let data = try #require(reply.json?["data"])
            #expect(reply.status == 200)
            #expect(reply.json?["status"] == "success")
            #expect(data["title"]?.stringValue != nil)
            #expect(data["id"] == 1004)
            #expect(data["location"]?.stringValue != nil)
            #expect(data["start"] == "2030-01-18T10:00:00.000Z")
            #expect(reply.header("X-RateLimit-Limit-Default") != nil)
            #expect(
                reply.header("X-RateLimit-Limit") == nil,
                "Cal.com suffixes the throttler name; no bare X-RateLimit-Limit")
            let unknownStatus = try await client.send(
                "GET", "/v2/bookings?status=upcoming,unknown", key: client.ownerKey)
            #expect(unknownStatus.status == 400, "each status must be one of the enum (@IsEnum each: true)")
            let unrouted = try await client.send("PATCH", "/v2/bookings", key: client.ownerKey)
            #expect(
                unrouted.status == 404, "NestJS on Express: an unrouted method is 404 \"Cannot PATCH /v2/bookings\"")
            #expect(unrouted.header("Allow") == nil)
            let outcome = await client.raw("GET", "/v2/bookings/\(s.personalBookingUid)")
            #expect(outcome.end == .closed)
            #expect(outcome.reply?.complete == true)
        }
    }
}
