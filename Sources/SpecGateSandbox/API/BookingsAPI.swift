import SpecGateJSON

/// The Cal.com v2 Bookings API (version 2024-08-13) as the sandbox serves it: routing, header
/// checks, validation, state changes, rendering, and the configured faults.
struct BookingsAPI: Sendable {
    /// The only `cal-api-version` the sandbox serves.
    static let apiVersion = "2024-08-13"

    let configuration: SandboxConfiguration
    let seed: SandboxSeed
    let store: BookingStore
    let rateLimits: RateLimitCounter
    /// The test-only token endpoint's tokens (not part of Cal.com's API).
    let tokens: TestTokenIssuer

    init(configuration: SandboxConfiguration, seed: SandboxSeed) {
        self.configuration = configuration
        self.seed = seed
        self.store = BookingStore(seed: seed)
        self.rateLimits = RateLimitCounter()
        self.tokens = TestTokenIssuer()
    }

    /// A successful answer before faults are applied.
    struct Success: Sendable {
        var status: Int
        var body: JSONValue
        /// `data` holds booking objects (the target of the booking field faults).
        var carriesBookings = false
    }

    var presenter: BookingPresenter { BookingPresenter(seed: seed) }
    private var lenient: Bool { configuration.has(.acceptInvalidBody) }

    /// Answers one request; never fails (errors become error envelopes).
    func respond(to request: SandboxRequest) async -> SandboxResponse {
        if request.path == SandboxTestTokens.path {
            return await tokens.respond(to: request, lifetime: configuration.tokenLifetime, seed: seed)
        }
        if request.path == SandboxTestTokens.loginPath {
            return await tokens.respondToLogin(request, lifetime: configuration.tokenLifetime, seed: seed)
        }
        if configuration.has(.slowResponses) { try? await Task.sleep(for: configuration.slowDelay) }
        let now = Timestamp.now()
        do throws(APIError) {
            let success = try await handle(request, now: now)
            return await render(success, for: request, now: now)
        } catch {
            return await render(error, for: request, now: now)
        }
    }

    /// The answer for requests rejected before they reach the API (e.g. bodies over the limit).
    func respond(to request: SandboxRequest, with error: APIError) async -> SandboxResponse {
        var response = await render(error, for: request, now: Timestamp.now())
        response.closeConnection = true
        return response
    }

    // MARK: Dispatch

    private func handle(_ request: SandboxRequest, now: Timestamp) async throws(APIError) -> Success {
        guard let segments = request.pathSegments() else {
            throw .badRequest("The request path is not valid percent-encoded UTF-8")
        }
        let endpoint: Endpoint
        switch Endpoint.match(method: request.method, segments: segments) {
        case .success(let matched): endpoint = matched
        // NestJS on Express routes by method and path together: a method a path does not serve is as
        // unrouted as an unknown path, 404 "Cannot PATCH /v2/bookings" (never 405 with Allow).
        // `--unrouted-method 405` answers RFC 9110's 405 with Allow instead (not Cal.com's behaviour).
        case .failure(.methodNotAllowed(let allowed)):
            if configuration.has(.methodNotAllowedWithoutAllow) {
                throw .methodNotAllowed(request.method, path: request.path, allowed: nil)
            }
            if configuration.unroutedMethod == .methodNotAllowed {
                throw .methodNotAllowed(
                    request.method, path: request.path, allowed: allowed.contains("GET") ? allowed + ["HEAD"] : allowed)
            }
            throw .notFound("Cannot \(request.method) \(request.path)")
        case .failure(.unknownPath):
            throw .notFound("Cannot \(request.method) \(request.path)")
        }
        try checkAPIVersion(request)
        let user = try await authenticate(request, required: endpoint.requiresAuthorization)
        guard let query = request.queryItems() else {
            throw .badRequest("The query string is not valid percent-encoded UTF-8")
        }
        let body = try parseBody(request, endpoint: endpoint)

        switch endpoint {
        case .list:
            return try await list(query: query, user: try required(user), now: now)
        case .create:
            return try await create(body, now: now)
        case .get(let uid):
            return bookingSuccess(200, try await store.booking(uid: uid))
        case .bySeat(let seatUid):
            return bookingSuccess(200, try await store.booking(seatUid: seatUid))
        case .recordings(let uid), .transcripts(let uid), .conferencingSessions(let uid):
            _ = try await readable(uid, by: try required(user))
            return Success(status: 200, body: envelope(.array([])))
        case .calendarLinks(let uid):
            let booking = try await readable(uid, by: try required(user))
            return Success(status: 200, body: envelope(presenter.calendarLinks(booking)))
        case .references(let uid):
            let type = try referenceType(query)
            let booking = try await readable(uid, by: try required(user))
            return Success(status: 200, body: envelope(presenter.references(booking, type: type)))
        case .reschedule(let uid):
            try validate(body, BookingRules.reschedule)
            let existing = try await store.booking(uid: uid)
            // `server_error_on_optional_property`: a valid reschedule crashes when it gives the optional reason.
            if configuration.has(.serverErrorOnOptionalProperty), body["reschedulingReason"] != nil {
                throw APIError(status: 500, code: "InternalServerErrorException", message: "Internal server error")
            }
            let start =
                body["start"]?.stringValue.flatMap { Timestamp(rfc3339: $0) } ?? existing.start.adding(minutes: 1440)
            let booking = try await store.reschedule(
                uid: uid, start: start, reason: body["reschedulingReason"]?.stringValue,
                by: body["rescheduledBy"]?.stringValue ?? user?.email, now: now)
            return bookingSuccess(201, booking)
        case .cancel(let uid):
            try validate(body, BookingRules.cancel)
            let existing = try await store.booking(uid: uid)
            let booking = try await store.cancel(
                uid: uid, reason: body["cancellationReason"]?.stringValue,
                by: user?.email ?? existing.attendees.first?.email ?? "", now: now,
                persist: !configuration.has(.cancelNotPersisted))
            return bookingSuccess(200, booking)
        case .markAbsent(let uid):
            try validate(body, BookingRules.markAbsent)
            let marks = (body["attendees"]?.arrayValue ?? []).compactMap { a -> (email: String, absent: Bool)? in
                guard let email = a["email"]?.stringValue, let absent = a["absent"]?.boolValue else { return nil }
                return (email, absent)
            }
            let booking = try await store.markAbsent(
                uid: uid, host: body["host"]?.boolValue, attendees: marks, actor: try required(user), now: now)
            return bookingSuccess(200, booking)
        case .reassign(let uid):
            return try await reassign(uid: uid, to: nil, user: try required(user), now: now)
        case .reassignToUser(let uid, let userId):
            try validate(body, BookingRules.reason)
            let target: Int?
            if let id = Int(userId) {
                target = id
            } else if configuration.has(.acceptBadPathParam) {
                target = nil
            } else {
                throw .badRequest("Validation failed (numeric string is expected) for path parameter userId")
            }
            return try await reassign(uid: uid, to: target, user: try required(user), now: now)
        case .confirm(let uid):
            let booking = try await store.setStatus(
                uid: uid, to: .accepted, reason: nil, actor: try required(user), now: now)
            return bookingSuccess(200, booking)
        case .decline(let uid):
            try validate(body, BookingRules.reason)
            // `outsider_can_decline_booking`: the caller is taken for the organiser.
            let actor = configuration.has(.outsiderCanDeclineBooking) ? seed.owner : try required(user)
            let booking = try await store.setStatus(
                uid: uid, to: .rejected, reason: body["reason"]?.stringValue, actor: actor, now: now)
            return bookingSuccess(200, booking)
        case .updateLocation(let uid):
            try validate(body, BookingRules.updateLocation)
            if !lenient, let location = body["location"] { try BookingRules.validateLocation(location, update: true) }
            let booking = try await store.updateLocation(
                uid: uid, location: BookingRules.locationText(body["location"]), actor: try required(user), now: now)
            return bookingSuccess(200, booking)
        }
    }

    // MARK: Operations

    private func create(_ body: JSONValue, now: Timestamp) async throws(APIError) -> Success {
        try validate(body, BookingRules.create)
        if !lenient {
            if let location = body["location"] { try BookingRules.validateLocation(location, update: false) }
            let attendee = body["attendee"]
            if attendee?["email"] == nil, attendee?["phoneNumber"] == nil {
                throw .invalidBody("attendee.email or attendee.phoneNumber must be provided")
            }
            // Cal.com's CreateBookingInput_2024_08_13: lengthInMinutes @IsInt @Min(1), no upper bound; guests
            // @IsString each, not checked as emails.
            if let length = body["lengthInMinutes"]?.intValue, length < 1 {
                throw .invalidBody("lengthInMinutes must not be less than 1")
            }
            if let count = body["recurrenceCount"]?.intValue, count < 1 {
                throw .invalidBody("recurrenceCount must not be less than 1")
            }
        }
        let eventType = try resolveEventType(body)
        if configuration.has(.rejectValidInput) {
            throw .badRequest("Invalid booking request")
        }
        let attendee = body["attendee"]
        let new = BookingStore.NewBooking(
            eventType: eventType,
            start: body["start"]?.stringValue.flatMap { Timestamp(rfc3339: $0) } ?? now.adding(minutes: 1440),
            lengthInMinutes: body["lengthInMinutes"]?.intValue.flatMap { (1...1440).contains($0) ? $0 : nil }
                ?? eventType.lengthInMinutes,
            attendee: Booking.Attendee(
                name: attendee?["name"]?.stringValue ?? "Anonymous attendee",
                email: attendee?["email"]?.stringValue ?? "anonymous@sandbox.example",
                timeZone: attendee?["timeZone"]?.stringValue ?? "UTC",
                language: attendee?["language"]?.stringValue.flatMap { BookingRules.languages.contains($0) ? $0 : nil }
                    ?? "en",
                phoneNumber: attendee?["phoneNumber"]?.stringValue),
            guests: (body["guests"]?.arrayValue ?? []).compactMap(\.stringValue),
            location: BookingRules.locationText(body["location"]),
            metadata: body["metadata"]?.objectValue ?? JSONObject(),
            bookingFieldsResponses: body["bookingFieldsResponses"]?.objectValue ?? JSONObject())
        return bookingSuccess(201, await store.create(new, now: now))
    }

    /// The event type a create body names (by id, or by slug with username / team slug).
    private func resolveEventType(_ body: JSONValue) throws(APIError) -> SandboxSeed.EventType {
        if let id = body["eventTypeId"]?.intValue {
            if let eventType = seed.eventType(id: id) { return eventType }
            if lenient { return seed.personalEventType }
            throw .notFound("Event type with id=\(id) was not found")
        }
        if let slug = body["eventTypeSlug"]?.stringValue,
            body["username"]?.stringValue != nil || body["teamSlug"]?.stringValue != nil
        {
            let username = body["username"]?.stringValue
            let teamSlug = body["teamSlug"]?.stringValue
            let match = seed.eventTypes.first { eventType in
                guard eventType.slug == slug else { return false }
                if let teamSlug { return eventType.teamSlug == teamSlug }
                return eventType.teamSlug == nil && seed.user(id: eventType.ownerId)?.username == username
            }
            if let match { return match }
            if lenient { return seed.personalEventType }
            throw .notFound("Event type with slug=\(slug) was not found")
        }
        if lenient { return seed.personalEventType }
        throw .invalidBody("Either eventTypeId or eventTypeSlug with username or teamSlug must be provided")
    }

    private func reassign(uid: String, to target: Int?, user: SandboxSeed.User, now: Timestamp)
        async throws(APIError) -> Success
    {
        let (booking, host) = try await store.reassign(
            uid: uid, to: target, actor: user, allowNonHost: configuration.has(.reassignToNonHost), now: now,
            persist: !configuration.has(.reassignNotPersisted))
        let data: JSONValue = ["bookingUid": .string(booking.uid), "reassignedTo": presenter.reassignedTo(host)]
        return Success(status: 200, body: envelope(data))
    }

    private func list(query: [(name: String, value: String)], user: SandboxSeed.User, now: Timestamp)
        async throws(APIError) -> Success
    {
        let q = try BookingsQueryParser(
            lenient: lenient, ignoreUnknownStatuses: configuration.has(.ignoreQueryArrayEnum)
        ).parse(query)
        let (page, total) = await store.list(for: user, query: q, now: now)
        let returned = page.count
        let pagination: JSONValue = [
            "totalItems": .number(JSONNumber(total)),
            "remainingItems": .number(JSONNumber(max(0, total - q.skip - returned))),
            "returnedItems": .number(JSONNumber(returned)),
            "itemsPerPage": .number(JSONNumber(q.take)),
            "currentPage": .number(JSONNumber(q.skip / q.take + 1)),
            "totalPages": .number(JSONNumber((total + q.take - 1) / q.take)),
            "hasNextPage": .bool(q.skip + returned < total),
            "hasPreviousPage": .bool(q.skip > 0),
        ]
        let body: JSONValue = [
            "status": "success", "data": .array(page.map(presenter.booking)), "pagination": pagination,
        ]
        return Success(status: 200, body: body, carriesBookings: true)
    }

    private func referenceType(_ query: [(name: String, value: String)]) throws(APIError) -> String? {
        guard let type = query.first(where: { $0.name == "type" })?.value else { return nil }
        if !lenient, !BookingRules.referenceTypes.contains(type) {
            throw .badRequest(
                "type must be one of the following values: \(BookingRules.referenceTypes.joined(separator: ", "))")
        }
        return type
    }

    // MARK: Checks

    private func checkAPIVersion(_ request: SandboxRequest) throws(APIError) {
        guard !configuration.has(.ignoreAPIVersion) else { return }
        guard let version = request.header("cal-api-version") else {
            throw .badRequest("The cal-api-version header is required and must be \(BookingsAPI.apiVersion)")
        }
        guard version == BookingsAPI.apiVersion else {
            throw .badRequest("cal-api-version \(version) is not supported; use \(BookingsAPI.apiVersion)")
        }
    }

    /// The user behind `Authorization: Bearer cal_…`. Where authorization is optional, an absent or
    /// unusable header means an anonymous caller; where it is required, it is a 401.
    /// Access tokens from the test-only token endpoint act as their client's user until they expire.
    private func authenticate(_ request: SandboxRequest, required: Bool) async throws(APIError) -> SandboxSeed.User? {
        let header = request.header("authorization")
        let user = header.flatMap { value -> SandboxSeed.User? in
            guard value.hasPrefix("Bearer ") else { return nil }
            return seed.user(apiKey: String(value.dropFirst("Bearer ".count)))
        }
        if let user { return user }
        if let header, header.hasPrefix("Bearer ") {
            let state = await tokens.state(of: String(header.dropFirst("Bearer ".count)))
            if state.known && !state.expired, let user = seed.users.first(where: { $0.id == state.userID }) {
                return user
            }
            if state.known && !configuration.has(.ignoreAuth) && required {
                throw .unauthorized("Access token expired")
            }
        }
        if configuration.has(.ignoreAuth) { return seed.owner }
        guard required else { return nil }
        guard let header else { throw .unauthorized("No Authorization header provided") }
        guard header.hasPrefix("Bearer ") else {
            throw .unauthorized("Authorization header must be of the form 'Bearer <api key>'")
        }
        throw .unauthorized("Invalid API key")
    }

    /// A booking whose details only its organiser and hosts may read (Cal.com: "Access is granted if you
    /// are the booking organizer, team admin or org admin/owner"); others get 403. The
    /// `outsider_can_read_booking` fault lets any authenticated user read it.
    private func readable(_ uid: String, by user: SandboxSeed.User) async throws(APIError) -> Booking {
        if configuration.has(.outsiderCanReadBooking) { return try await store.booking(uid: uid) }
        return try await store.managed(uid: uid, by: user)
    }

    private func required(_ user: SandboxSeed.User?) throws(APIError) -> SandboxSeed.User {
        guard let user else { throw .unauthorized("No Authorization header provided") }
        return user
    }

    /// The JSON request body of operations that take one (an empty object otherwise).
    private func parseBody(_ request: SandboxRequest, endpoint: Endpoint) throws(APIError) -> JSONValue {
        let empty = JSONValue.object(JSONObject())
        guard endpoint.requiresBody else { return empty }
        guard !request.body.isEmpty else {
            if lenient { return empty }
            throw .invalidBody("A JSON request body is required")
        }
        let mediaType = request.header("content-type")?.split(separator: ";").first.map {
            String($0.filter { $0 != " " && $0 != "\t" }).lowercased()
        }
        if !lenient, let mediaType, mediaType != "application/json" {
            throw .invalidBody("The request body must be sent as application/json, not \(mediaType)")
        }
        let value: JSONValue
        do {
            value = try JSONParser().parse(request.body)
        } catch {
            if lenient { return empty }
            throw .invalidBody("The request body is not valid JSON: \(error)")
        }
        guard value.objectValue != nil else {
            if lenient { return empty }
            throw .invalidBody("The request body must be a JSON object")
        }
        return value
    }

    private func validate(_ body: JSONValue, _ rule: BodyRule) throws(APIError) {
        guard !lenient else { return }
        try rule.validate(body, at: "")
    }

    // MARK: Rendering

    private func envelope(_ data: JSONValue) -> JSONValue { ["status": "success", "data": data] }

    private func bookingSuccess(_ status: Int, _ booking: Booking) -> Success {
        Success(status: status, body: envelope(presenter.booking(booking)), carriesBookings: true)
    }

    private func render(_ success: Success, for request: SandboxRequest, now: Timestamp) async -> SandboxResponse {
        let body = FaultInjector(faults: configuration.faults).apply(
            to: success.body, carriesBookings: success.carriesBookings)
        var bytes = JSONWriter().bytes(body)
        if configuration.has(.malformedJSON) { bytes = Array(#"{"status":"success","data":"#.utf8) }
        var response = SandboxResponse(
            status: configuration.has(.undocumentedStatus) ? 202 : success.status,
            headers: await headers(for: request, now: now), body: bytes)
        if configuration.has(.resetMidResponse) {
            response.delivery = .resetMidBody
        } else if configuration.has(.truncatedBody) {
            response.delivery = .truncate
        } else if configuration.has(.neverCompletes) {
            response.delivery = .stall
        }
        return response
    }

    private func render(_ error: APIError, for request: SandboxRequest, now: Timestamp) async -> SandboxResponse {
        var error = error
        if error.isBodyValidation, configuration.has(.serverErrorOnInvalidBody) {
            error = APIError(status: 500, code: "InternalServerErrorException", message: "Internal server error")
        }
        let headers = await headers(for: request, now: now) + error.headers
        return SandboxResponse(
            status: error.status, headers: headers,
            body: JSONWriter().bytes(error.envelope(path: request.path, timestamp: now)))
    }

    private func headers(for request: SandboxRequest, now: Timestamp) async -> [(name: String, value: String)] {
        let contentType =
            configuration.has(.wrongContentType) ? "text/plain; charset=utf-8" : "application/json; charset=utf-8"
        var headers: [(name: String, value: String)] = [("Content-Type", contentType)]
        // Cal.com's throttler guard names the headers after the throttler: `-Default` for the default one
        // (apps/api/v2/src/lib/throttler/throttler-guard.ts; the API v2 rate-limit docs show the same names).
        let key = request.header("authorization") ?? "anonymous"
        let budget = await rateLimits.record(key: key, now: now)
        let remaining = configuration.has(.badRateLimitHeader) ? "unlimited" : String(budget.remaining)
        headers.append((RateLimitCounter.limitHeader, String(budget.limit)))
        headers.append((RateLimitCounter.remainingHeader, remaining))
        headers.append((RateLimitCounter.resetHeader, String(budget.resetSeconds)))
        return headers
    }
}
