import SpecGateJSON

/// The sandbox's mutable state: every booking, behind an actor so concurrent requests are safe.
actor BookingStore {
    /// A validated create request with its event type resolved.
    struct NewBooking: Sendable {
        var eventType: SandboxSeed.EventType
        var start: Timestamp
        var lengthInMinutes: Int
        var attendee: Booking.Attendee
        var guests: [String]
        var location: String?
        var metadata: JSONObject
        var bookingFieldsResponses: JSONObject
    }

    /// Filters and paging of `GET /v2/bookings`.
    struct Query: Sendable {
        var statuses: [String] = []
        var attendeeEmail: String?
        var attendeeName: String?
        var bookingUid: String?
        var eventTypeIds: [Int] = []
        var afterStart: Timestamp?
        var beforeEnd: Timestamp?
        var afterCreatedAt: Timestamp?
        var beforeCreatedAt: Timestamp?
        var afterUpdatedAt: Timestamp?
        var beforeUpdatedAt: Timestamp?
        /// Sort key path name and ascending flag.
        var sort: (key: SortKey, ascending: Bool)?
        var take = 100
        var skip = 0
    }

    enum SortKey: Sendable { case start, end, created, updated }

    let seed: SandboxSeed
    private var bookings: [String: Booking] = [:]
    private var order: [String] = []
    private var nextId = 2001

    init(seed: SandboxSeed) {
        self.seed = seed
        for booking in BookingStore.seedBookings(seed) {
            bookings[booking.uid] = booking
            order.append(booking.uid)
        }
    }

    // MARK: Reading

    func booking(uid: String) throws(APIError) -> Booking {
        guard let booking = bookings[uid] else {
            throw .notFound("Booking with uid=\(uid) was not found in the database")
        }
        return booking
    }

    func booking(seatUid: String) throws(APIError) -> Booking {
        for uid in order {
            if let booking = bookings[uid], booking.attendees.contains(where: { $0.seatUid == seatUid }) {
                return booking
            }
        }
        throw .notFound("Booking with seatUid=\(seatUid) was not found in the database")
    }

    /// Bookings visible to `user` (as owner, host or attendee), filtered; also the total before paging.
    func list(for user: SandboxSeed.User, query: Query, now: Timestamp) -> (page: [Booking], total: Int) {
        var result = order.compactMap { bookings[$0] }.filter { b in
            b.ownerId == user.id || b.hostId == user.id || b.attendees.contains { $0.email == user.email }
        }
        if !query.statuses.isEmpty {
            result = result.filter { b in
                query.statuses.contains { status in
                    switch status {
                    case "upcoming": return b.end >= now && b.status != .cancelled && b.status != .rejected
                    case "past": return b.end < now && b.status != .cancelled && b.status != .rejected
                    case "cancelled": return b.status == .cancelled || b.status == .rejected
                    case "unconfirmed": return b.status == .pending
                    default: return false  // "recurring": the sandbox has no recurring bookings
                    }
                }
            }
        }
        if let email = query.attendeeEmail { result = result.filter { $0.attendees.contains { $0.email == email } } }
        if let name = query.attendeeName { result = result.filter { $0.attendees.contains { $0.name == name } } }
        if let uid = query.bookingUid { result = result.filter { $0.uid == uid } }
        if !query.eventTypeIds.isEmpty { result = result.filter { query.eventTypeIds.contains($0.eventTypeId) } }
        if let t = query.afterStart { result = result.filter { $0.start >= t } }
        if let t = query.beforeEnd { result = result.filter { $0.end <= t } }
        if let t = query.afterCreatedAt { result = result.filter { $0.createdAt >= t } }
        if let t = query.beforeCreatedAt { result = result.filter { $0.createdAt <= t } }
        if let t = query.afterUpdatedAt { result = result.filter { $0.updatedAt >= t } }
        if let t = query.beforeUpdatedAt { result = result.filter { $0.updatedAt <= t } }
        if let sort = query.sort {
            let (key, ascending) = sort
            result.sort { a, b in
                let (x, y): (Timestamp, Timestamp)
                switch key {
                case .start: (x, y) = (a.start, b.start)
                case .end: (x, y) = (a.end, b.end)
                case .created: (x, y) = (a.createdAt, b.createdAt)
                case .updated: (x, y) = (a.updatedAt, b.updatedAt)
                }
                return ascending ? x < y : y < x
            }
        }
        let total = result.count
        let page = Array(result.dropFirst(query.skip).prefix(query.take))
        return (page, total)
    }

    // MARK: Writing

    func create(_ request: NewBooking, now: Timestamp) -> Booking {
        let eventType = request.eventType
        let hostId = eventType.isRoundRobin ? leastBusyHost(of: eventType) : eventType.ownerId
        let host = seed.user(id: hostId)
        let id = nextId
        nextId += 1
        var attendee = request.attendee
        if eventType.isSeated { attendee.seatUid = "sbx-seat-\(id)" }
        var responses = request.bookingFieldsResponses
        responses["name"] = .string(attendee.name)
        responses["email"] = .string(attendee.email)
        let booking = Booking(
            id: id, uid: "sbx-booking-\(id)",
            title: "\(eventType.title) between \(host?.name ?? "Host") and \(attendee.name)",
            description: "", eventTypeId: eventType.id, hostId: hostId, ownerId: eventType.ownerId,
            status: eventType.requiresConfirmation ? .pending : .accepted,
            start: request.start, durationMinutes: request.lengthInMinutes,
            location: request.location ?? "integrations:daily", createdAt: now, updatedAt: now,
            metadata: request.metadata, attendees: [attendee], guests: request.guests,
            bookingFieldsResponses: responses)
        insert(booking)
        return booking
    }

    /// `persist` false (fault `cancel_not_persisted`): answers the cancelled booking but keeps the old one.
    func cancel(uid: String, reason: String?, by email: String, now: Timestamp, persist: Bool = true) throws(APIError)
        -> Booking
    {
        var booking = try self.booking(uid: uid)
        booking.status = .cancelled
        booking.cancellationReason = reason ?? booking.cancellationReason
        booking.cancelledByEmail = email
        booking.updatedAt = now
        if persist { bookings[uid] = booking }
        return booking
    }

    /// Creates the rescheduled booking and marks the old one cancelled, pointing to it.
    func reschedule(
        uid: String, start: Timestamp, reason: String?, by email: String?, now: Timestamp
    ) throws(APIError) -> Booking {
        var old = try self.booking(uid: uid)
        var new = old
        new.id = nextId
        nextId += 1
        new.uid = "sbx-booking-\(new.id)"
        new.start = start
        new.createdAt = now
        new.updatedAt = now
        new.rescheduledFromUid = old.uid
        new.rescheduledToUid = nil
        new.reschedulingReason = reason
        new.rescheduledByEmail = email
        new.cancellationReason = nil
        new.cancelledByEmail = nil
        if let eventType = seed.eventType(id: old.eventTypeId) {
            new.status = eventType.requiresConfirmation ? .pending : .accepted
        }
        old.status = .cancelled
        old.rescheduledToUid = new.uid
        old.reschedulingReason = reason
        old.rescheduledByEmail = email
        old.updatedAt = now
        bookings[old.uid] = old
        insert(new)
        return new
    }

    func setStatus(
        uid: String, to status: Booking.Status, reason: String?, actor: SandboxSeed.User, now: Timestamp
    ) throws(APIError) -> Booking {
        var booking = try managed(uid: uid, by: actor)
        booking.status = status
        if status == .rejected, let reason { booking.cancellationReason = reason }
        booking.updatedAt = now
        bookings[uid] = booking
        return booking
    }

    func markAbsent(
        uid: String, host: Bool?, attendees: [(email: String, absent: Bool)], actor: SandboxSeed.User, now: Timestamp
    ) throws(APIError) -> Booking {
        var booking = try managed(uid: uid, by: actor)
        if let host { booking.absentHost = host }
        for mark in attendees {
            guard let index = booking.attendees.firstIndex(where: { $0.email == mark.email }) else {
                throw .badRequest("Attendee with email \(mark.email) is not an attendee of booking \(uid)")
            }
            booking.attendees[index].absent = mark.absent
        }
        booking.updatedAt = now
        bookings[uid] = booking
        return booking
    }

    func updateLocation(uid: String, location: String?, actor: SandboxSeed.User, now: Timestamp) throws(APIError)
        -> Booking
    {
        var booking = try managed(uid: uid, by: actor)
        if let location { booking.location = location }
        booking.updatedAt = now
        bookings[uid] = booking
        return booking
    }

    /// Checks that `actor` may manage the booking (organiser or current host) and returns it.
    func managed(uid: String, by actor: SandboxSeed.User) throws(APIError) -> Booking {
        let booking = try self.booking(uid: uid)
        guard actor.id == booking.ownerId || actor.id == booking.hostId else {
            throw .forbidden("User \(actor.id) is neither the organiser nor a host of booking \(uid)")
        }
        return booking
    }

    /// Reassigns a round-robin booking: to `targetId`, or (nil) to the next other host.
    /// `allowNonHost` is the `reassign_to_non_host` fault.
    /// `persist` false (fault `reassign_not_persisted`): answers the new host but keeps the booking as it was.
    func reassign(
        uid: String, to targetId: Int?, actor: SandboxSeed.User, allowNonHost: Bool, now: Timestamp,
        persist: Bool = true
    ) throws(APIError) -> (booking: Booking, host: SandboxSeed.User) {
        var booking = try self.booking(uid: uid)
        guard actor.id == booking.ownerId else {
            throw .forbidden("User \(actor.id) is not the organiser of booking \(uid) and cannot reassign it")
        }
        guard let eventType = seed.eventType(id: booking.eventTypeId), eventType.isRoundRobin else {
            throw .badRequest(
                "Booking \(uid) is not a round robin booking; only round robin bookings can be reassigned")
        }
        guard booking.status != .cancelled, booking.status != .rejected else {
            throw .badRequest("Booking \(uid) is \(booking.status.rawValue) and cannot be reassigned")
        }
        let target: SandboxSeed.User
        if let targetId {
            guard let user = seed.user(id: targetId) else { throw .notFound("User with id=\(targetId) was not found") }
            guard allowNonHost || eventType.hostIds.contains(user.id) else {
                throw .forbidden("User \(user.id) is not a host of event type \(eventType.id)")
            }
            target = user
        } else {
            let others = eventType.hostIds.filter { $0 != booking.hostId }
            guard let next = others.first, let user = seed.user(id: next) else {
                throw .badRequest("No other available host for booking \(uid)")
            }
            target = user
        }
        booking.hostId = target.id
        booking.title = "\(eventType.title) between \(target.name) and \(booking.attendees.first?.name ?? "attendee")"
        booking.updatedAt = now
        if persist { bookings[uid] = booking }
        return (booking, target)
    }

    // MARK: Helpers

    private func insert(_ booking: Booking) {
        if bookings[booking.uid] == nil { order.append(booking.uid) }
        bookings[booking.uid] = booking
    }

    private func leastBusyHost(of eventType: SandboxSeed.EventType) -> Int {
        var best = eventType.ownerId
        var bestCount = Int.max
        for hostId in eventType.hostIds {
            let count = bookings.values.count(where: { $0.hostId == hostId && $0.status != .cancelled })
            if count < bestCount {
                best = hostId
                bestCount = count
            }
        }
        return best
    }

    private static func seedBookings(_ seed: SandboxSeed) -> [Booking] {
        let created = Timestamp(milliseconds: 1_735_725_600_000)  // 2025-01-01T10:00:00.000Z
        let base = Timestamp(milliseconds: 1_894_701_600_000)  // 2030-01-15T10:00:00.000Z
        func attendee(_ n: Int) -> Booking.Attendee {
            Booking.Attendee(
                name: "Attendee \(n)", email: "attendee\(n)@sandbox.example", timeZone: "Europe/Paris",
                language: "en")
        }
        func make(
            _ id: Int, _ uid: String, _ eventType: SandboxSeed.EventType, host: Int, status: Booking.Status,
            dayOffset: Int, attendee a: Booking.Attendee
        ) -> Booking {
            let hostName = seed.user(id: host)?.name ?? "Host"
            return Booking(
                id: id, uid: uid, title: "\(eventType.title) between \(hostName) and \(a.name)",
                description: "Seeded sandbox booking", eventTypeId: eventType.id, hostId: host,
                ownerId: eventType.ownerId, status: status, start: base.adding(minutes: dayOffset * 1440),
                durationMinutes: eventType.lengthInMinutes, location: "integrations:daily", createdAt: created,
                updatedAt: created, attendees: [a],
                bookingFieldsResponses: JSONObject([("name", .string(a.name)), ("email", .string(a.email))]))
        }
        var seated = attendee(5)
        seated.seatUid = seed.seatUid
        return [
            make(
                1001, seed.roundRobinBookingUids[0], seed.roundRobinEventType, host: seed.hosts[0].id,
                status: .accepted, dayOffset: 0, attendee: attendee(1)),
            make(
                1002, seed.roundRobinBookingUids[1], seed.roundRobinEventType, host: seed.hosts[1].id,
                status: .accepted, dayOffset: 1, attendee: attendee(2)),
            make(
                1003, seed.pendingBookingUid, seed.confirmationEventType, host: seed.owner.id, status: .pending,
                dayOffset: 2, attendee: attendee(3)),
            make(
                1004, seed.personalBookingUid, seed.personalEventType, host: seed.owner.id, status: .accepted,
                dayOffset: 3, attendee: attendee(4)),
            make(
                1005, seed.seatedBookingUid, seed.seatedEventType, host: seed.owner.id, status: .accepted,
                dayOffset: 4, attendee: seated),
        ]
    }
}
