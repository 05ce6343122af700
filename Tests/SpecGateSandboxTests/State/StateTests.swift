import SpecGateJSON
import SpecGateSandbox
import Testing

@Suite("State changes")
struct StateTests {
    @Test("create, then get finds it and list includes it")
    func createThenGet() async throws {
        try await withSandbox { client in
            let created = try await client.send(
                "POST", "/v2/bookings", json: client.createBody(eventTypeId: 501, name: "Grace Hopper"))
            #expect(created.status == 201)
            let data = try #require(created.json?["data"])
            let uid = try #require(data["uid"]?.stringValue)
            #expect(data["start"] == "2031-03-04T09:00:00.000Z")
            #expect(data["end"] == "2031-03-04T09:30:00.000Z")
            #expect(data["duration"] == 30)
            #expect(data["status"] == "accepted")
            #expect(data["attendees"]?[0]?["name"] == "Grace Hopper")

            let fetched = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(fetched.status == 200)
            #expect(fetched.json?["data"]?["uid"]?.stringValue == uid)

            let list = try await client.send("GET", "/v2/bookings?take=100", key: client.ownerKey)
            let uids = list.json?["data"]?.arrayValue?.compactMap { $0["uid"]?.stringValue } ?? []
            #expect(uids.contains(uid))
            #expect(list.json?["pagination"]?["totalItems"]?.intValue == uids.count)
        }
    }

    @Test("create by slug and username, and by team slug; round robin picks a host; confirmation types start pending")
    func createVariants() async throws {
        try await withSandbox { client in
            let s = client.seed
            var bySlug = client.createBody(eventTypeId: 0)
            bySlug = bySlug.removing(at: JSONPointer(tokens: ["eventTypeId"])) ?? bySlug
            bySlug =
                bySlug.replacing(at: JSONPointer(tokens: ["eventTypeSlug"]), with: .string(s.personalEventType.slug))
                ?? bySlug
            let personal =
                bySlug.replacing(at: JSONPointer(tokens: ["username"]), with: .string(s.owner.username)) ?? bySlug
            let reply = try await client.send("POST", "/v2/bookings", json: personal)
            #expect(reply.json?["data"]?["eventTypeId"]?.intValue == s.personalEventType.id)

            var team = client.createBody(eventTypeId: 0).removing(at: JSONPointer(tokens: ["eventTypeId"])) ?? [:]
            team =
                team.replacing(at: JSONPointer(tokens: ["eventTypeSlug"]), with: .string(s.roundRobinEventType.slug))
                ?? team
            team = team.replacing(at: JSONPointer(tokens: ["teamSlug"]), with: "sandbox-team") ?? team
            let rr = try await client.send("POST", "/v2/bookings", json: team)
            let hostId = rr.json?["data"]?["hosts"]?[0]?["id"]?.intValue
            #expect(s.roundRobinEventType.hostIds.contains(hostId ?? -1))

            let pending = try await client.send(
                "POST", "/v2/bookings", json: client.createBody(eventTypeId: s.confirmationEventType.id))
            #expect(pending.json?["data"]?["status"] == "pending")

            let missing = try await client.send("POST", "/v2/bookings", json: client.createBody(eventTypeId: 999))
            #expect(missing.status == 404)
        }
    }

    @Test("reassign to a user changes the host; a later GET shows it")
    func reassignToUser() async throws {
        try await withSandbox { client in
            let s = client.seed
            let uid = s.roundRobinBookingUids[0]
            let target = s.hosts[1]
            let reply = try await client.send(
                "POST", "/v2/bookings/\(uid)/reassign/\(target.id)", key: client.ownerKey, json: ["reason": "holiday"])
            #expect(reply.status == 200)
            let expected: JSONValue = [
                "bookingUid": .string(uid),
                "reassignedTo": [
                    "id": .number(JSONNumber(target.id)), "name": .string(target.name), "email": .string(target.email),
                    "displayEmail": .string(target.email),
                ],
            ]
            #expect(reply.json?["data"] == expected)
            let fetched = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(fetched.json?["data"]?["hosts"]?[0]?["id"]?.intValue == target.id)
        }
    }

    @Test("automatic reassign picks the other round-robin host")
    func reassignAutomatic() async throws {
        try await withSandbox { client in
            let s = client.seed
            let uid = s.roundRobinBookingUids[1]  // hosted by hosts[1]
            let reply = try await client.send("POST", "/v2/bookings/\(uid)/reassign", key: client.ownerKey)
            #expect(reply.json?["data"]?["reassignedTo"]?["id"]?.intValue == s.hosts[0].id)
            let fetched = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(fetched.json?["data"]?["hosts"]?[0]?["id"]?.intValue == s.hosts[0].id)
            let personal = try await client.send(
                "POST", "/v2/bookings/\(s.personalBookingUid)/reassign", key: client.ownerKey)
            #expect(personal.status == 400, "only round-robin bookings can be reassigned")
        }
    }

    @Test("cancel marks the booking cancelled")
    func cancel() async throws {
        try await withSandbox { client in
            let uid = client.seed.personalBookingUid
            let reply = try await client.send(
                "POST", "/v2/bookings/\(uid)/cancel", key: client.ownerKey, json: ["cancellationReason": "ill"])
            #expect(reply.json?["data"]?["status"] == "cancelled")
            let fetched = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(fetched.json?["data"]?["status"] == "cancelled")
            #expect(fetched.json?["data"]?["cancellationReason"] == "ill")
            #expect(fetched.json?["data"]?["cancelledByEmail"] == .string(client.seed.owner.email))
            let cancelledList = try await client.send("GET", "/v2/bookings?status=cancelled", key: client.ownerKey)
            #expect(cancelledList.json?["data"]?.arrayValue?.map { $0["uid"] } == [.string(uid)])
        }
    }

    @Test("reschedule creates the new booking and marks the old one")
    func reschedule() async throws {
        try await withSandbox { client in
            let uid = client.seed.personalBookingUid
            let reply = try await client.send(
                "POST", "/v2/bookings/\(uid)/reschedule",
                json: ["start": "2031-06-01T08:00:00+02:00", "rescheduledBy": "x@example.com"])
            #expect(reply.status == 201)
            let new = try #require(reply.json?["data"])
            #expect(new["start"] == "2031-06-01T06:00:00.000Z")
            #expect(new["rescheduledFromUid"] == .string(uid))
            let newUid = try #require(new["uid"]?.stringValue)
            #expect(newUid != uid)
            let old = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(old.json?["data"]?["status"] == "cancelled")
            #expect(old.json?["data"]?["rescheduledToUid"] == .string(newUid))
        }
    }

    @Test("confirm accepts and decline rejects")
    func confirmDecline() async throws {
        try await withSandbox { client in
            let uid = client.seed.pendingBookingUid
            let confirmed = try await client.send("POST", "/v2/bookings/\(uid)/confirm", key: client.ownerKey)
            #expect(confirmed.json?["data"]?["status"] == "accepted")
            let declined = try await client.send(
                "POST", "/v2/bookings/\(uid)/decline", key: client.ownerKey, json: ["reason": "busy"])
            #expect(declined.json?["data"]?["status"] == "rejected")
            let fetched = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(fetched.json?["data"]?["status"] == "rejected")
        }
    }

    @Test("mark-absent records host and attendee absence; unknown attendee is a 400")
    func markAbsent() async throws {
        try await withSandbox { client in
            let uid = client.seed.personalBookingUid
            let reply = try await client.send(
                "POST", "/v2/bookings/\(uid)/mark-absent", key: client.ownerKey,
                json: ["host": true, "attendees": [["email": "attendee4@sandbox.example", "absent": true]]])
            #expect(reply.status == 200)
            let fetched = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(fetched.json?["data"]?["absentHost"] == true)
            #expect(fetched.json?["data"]?["attendees"]?[0]?["absent"] == true)
            let unknown = try await client.send(
                "POST", "/v2/bookings/\(uid)/mark-absent", key: client.ownerKey,
                json: ["attendees": [["email": "nobody@example.com", "absent": true]]])
            #expect(unknown.status == 400)
        }
    }

    @Test("location update is stored")
    func location() async throws {
        try await withSandbox { client in
            let uid = client.seed.personalBookingUid
            _ = try await client.send(
                "PATCH", "/v2/bookings/\(uid)/location", key: client.ownerKey,
                json: ["location": ["type": "integration", "integration": "zoom"]])
            let fetched = try await client.send("GET", "/v2/bookings/\(uid)")
            #expect(fetched.json?["data"]?["location"] == "integrations:zoom")
        }
    }

    @Test("by-seat returns the seated booking with seat uids")
    func bySeat() async throws {
        try await withSandbox { client in
            let reply = try await client.send("GET", "/v2/bookings/by-seat/\(client.seed.seatUid)")
            #expect(reply.json?["data"]?["uid"] == .string(client.seed.seatedBookingUid))
            #expect(reply.json?["data"]?["attendees"]?[0]?["seatUid"] == .string(client.seed.seatUid))
        }
    }

    @Test("list paginates")
    func pagination() async throws {
        try await withSandbox { client in
            let reply = try await client.send("GET", "/v2/bookings?take=2&skip=2&sortStart=desc", key: client.ownerKey)
            let p = try #require(reply.json?["pagination"])
            #expect(p["returnedItems"] == 2)
            #expect(p["currentPage"] == 2)
            #expect(p["hasPreviousPage"] == true)
            #expect(p["totalItems"] == 5)
            #expect(p["totalPages"] == 3)
            let starts = reply.json?["data"]?.arrayValue?.compactMap { $0["start"]?.stringValue } ?? []
            #expect(starts == starts.sorted(by: >))
            let outsider = try await client.send("GET", "/v2/bookings", key: client.seed.outsider.apiKey)
            #expect(outsider.json?["data"] == [])
        }
    }

    @Test("many concurrent clients are served correctly")
    func concurrency() async throws {
        try await withSandbox { client in
            let uids = try await withThrowingTaskGroup(of: String?.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        let reply = try await client.send(
                            "POST", "/v2/bookings", json: client.createBody(eventTypeId: 502, name: "Guest \(i)"))
                        return reply.status == 201 ? reply.json?["data"]?["uid"]?.stringValue : nil
                    }
                }
                var result: [String] = []
                for try await uid in group { if let uid { result.append(uid) } }
                return result
            }
            #expect(uids.count == 40)
            #expect(Set(uids).count == 40)
            let list = try await client.send("GET", "/v2/bookings?take=250", key: client.ownerKey)
            #expect(list.json?["pagination"]?["totalItems"] == 45)
        }
    }
}
