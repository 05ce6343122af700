import SpecGateJSON

/// A booking as the sandbox stores it (rendered to Cal.com's JSON by `BookingPresenter`).
struct Booking: Sendable {
    enum Status: String, Sendable {
        case accepted, cancelled, rejected, pending
    }

    /// One attendee; `seatUid` is set for seated event types.
    struct Attendee: Sendable {
        var name: String
        var email: String
        var timeZone: String
        var language: String?
        var phoneNumber: String?
        var absent: Bool = false
        var seatUid: String?
    }

    var id: Int
    var uid: String
    var title: String
    var description: String
    var eventTypeId: Int
    var hostId: Int
    var ownerId: Int
    var status: Status
    var start: Timestamp
    var durationMinutes: Int
    var location: String
    var absentHost: Bool = false
    var createdAt: Timestamp
    var updatedAt: Timestamp
    var metadata: JSONObject = JSONObject()
    var attendees: [Attendee]
    var guests: [String] = []
    var bookingFieldsResponses: JSONObject = JSONObject()
    var cancellationReason: String?
    var cancelledByEmail: String?
    var reschedulingReason: String?
    var rescheduledByEmail: String?
    var rescheduledFromUid: String?
    var rescheduledToUid: String?

    var end: Timestamp { start.adding(minutes: durationMinutes) }
}
