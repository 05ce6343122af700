/// The deterministic data every sandbox starts with: users (with API keys), event types and
/// bookings. Suites and tests refer to these ids, keys and uids.
public struct SandboxSeed: Sendable {
    /// What a seeded user is for.
    public enum Role: String, Sendable, Hashable {
        /// Organiser: owns every event type and every seeded booking.
        case owner
        /// Round-robin host of the team event type.
        case host
        /// Neither owner nor host; owns nothing.
        case outsider
    }

    /// A seeded Cal.com user.
    public struct User: Sendable, Hashable {
        public let id: Int
        public let name: String
        public let email: String
        public let username: String
        public let timeZone: String
        public let apiKey: String
        public let role: Role
    }

    /// A seeded event type.
    public struct EventType: Sendable, Hashable {
        public let id: Int
        public let slug: String
        public let title: String
        public let lengthInMinutes: Int
        /// User id of the organiser.
        public let ownerId: Int
        /// User ids that can host bookings of this event type.
        public let hostIds: [Int]
        /// Team slug for team event types.
        public let teamSlug: String?
        public let isRoundRobin: Bool
        /// New bookings start `pending` and need confirmation.
        public let requiresConfirmation: Bool
        /// Seated event type: attendees carry a `seatUid`.
        public let isSeated: Bool
    }

    public let owner: User
    /// The round-robin hosts (at least two).
    public let hosts: [User]
    public let outsider: User
    /// The 30-minute personal event type of the owner.
    public let personalEventType: EventType
    /// The round-robin team event type hosted by `hosts`.
    public let roundRobinEventType: EventType
    /// Personal event type whose bookings need confirmation.
    public let confirmationEventType: EventType
    /// Seated personal event type.
    public let seatedEventType: EventType
    /// Accepted round-robin bookings, hosted by `hosts[0]` and `hosts[1]`.
    public let roundRobinBookingUids: [String]
    /// A pending booking (confirmation event type).
    public let pendingBookingUid: String
    /// An accepted booking of the personal event type.
    public let personalBookingUid: String
    /// The seated booking and the seat uid of its attendee.
    public let seatedBookingUid: String
    public let seatUid: String

    /// Every seeded user.
    public var users: [User] { [owner] + hosts + [outsider] }
    /// Every seeded event type.
    public var eventTypes: [EventType] {
        [personalEventType, roundRobinEventType, confirmationEventType, seatedEventType]
    }
    /// Every seeded booking uid.
    public var bookingUids: [String] {
        roundRobinBookingUids + [pendingBookingUid, personalBookingUid, seatedBookingUid]
    }

    /// The one seed every sandbox uses.
    public static let standard: SandboxSeed = {
        let owner = User(
            id: 101, name: "Olivia Owner", email: "olivia.owner@sandbox.example", username: "olivia-owner",
            timeZone: "Europe/Berlin", apiKey: "cal_sandbox_owner_7f3a9c", role: .owner)
        let hostA = User(
            id: 102, name: "Harry Host", email: "harry.host@sandbox.example", username: "harry-host",
            timeZone: "Europe/London", apiKey: "cal_sandbox_host_a_41d2e8", role: .host)
        let hostB = User(
            id: 103, name: "Hana Host", email: "hana.host@sandbox.example", username: "hana-host",
            timeZone: "America/New_York", apiKey: "cal_sandbox_host_b_9b07c5", role: .host)
        let outsider = User(
            id: 104, name: "Oscar Outsider", email: "oscar.outsider@sandbox.example", username: "oscar-outsider",
            timeZone: "Asia/Tokyo", apiKey: "cal_sandbox_outsider_2c6f10", role: .outsider)
        return SandboxSeed(
            owner: owner, hosts: [hostA, hostB], outsider: outsider,
            personalEventType: EventType(
                id: 501, slug: "intro-call", title: "Intro call", lengthInMinutes: 30, ownerId: owner.id,
                hostIds: [owner.id], teamSlug: nil, isRoundRobin: false, requiresConfirmation: false,
                isSeated: false),
            roundRobinEventType: EventType(
                id: 502, slug: "round-robin-demo", title: "Round robin demo", lengthInMinutes: 45,
                ownerId: owner.id, hostIds: [hostA.id, hostB.id], teamSlug: "sandbox-team", isRoundRobin: true,
                requiresConfirmation: false, isSeated: false),
            confirmationEventType: EventType(
                id: 503, slug: "needs-confirmation", title: "Consultation", lengthInMinutes: 60, ownerId: owner.id,
                hostIds: [owner.id], teamSlug: nil, isRoundRobin: false, requiresConfirmation: true,
                isSeated: false),
            seatedEventType: EventType(
                id: 504, slug: "seated-workshop", title: "Workshop", lengthInMinutes: 90, ownerId: owner.id,
                hostIds: [owner.id], teamSlug: nil, isRoundRobin: false, requiresConfirmation: false,
                isSeated: true),
            roundRobinBookingUids: ["sbx-rr-booking-1", "sbx-rr-booking-2"],
            pendingBookingUid: "sbx-pending-booking-1",
            personalBookingUid: "sbx-intro-booking-1",
            seatedBookingUid: "sbx-seated-booking-1",
            seatUid: "sbx-seat-1"
        )
    }()

    /// The user holding `apiKey`, if any.
    public func user(apiKey: String) -> User? { users.first { $0.apiKey == apiKey } }

    /// The user with `id`, if any.
    public func user(id: Int) -> User? { users.first { $0.id == id } }

    /// The event type with `id`, if any.
    public func eventType(id: Int) -> EventType? { eventTypes.first { $0.id == id } }
}
