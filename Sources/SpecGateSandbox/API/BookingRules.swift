import SpecGateJSON

/// Request validation for the Bookings endpoints, following the published input schemas
/// (`CreateBookingInput_2024_08_13` …) with the repairs of `overlay-sandbox.yaml`.
enum BookingRules {
    static let languages = [
        "ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi", "az", "cs", "el", "es-419",
        "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN", "bg", "da", "en", "et", "fr", "hu", "iw", "ko",
        "no", "pt-BR", "sk", "ta", "uk", "zh-TW", "bn",
    ]

    static let integrations = [
        "cal-video", "google-meet", "zoom", "whereby-video", "whatsapp-video", "webex-video", "telegram-video",
        "tandem",
        "sylaps-video", "skype-video", "sirius-video", "signal-video", "shimmer-video", "salesroom-video", "roam-video",
        "riverside-video", "ping-video", "office365-video", "mirotalk-video", "jitsi", "jelly-video",
        "jelly-conferencing", "huddle", "facetime-video", "element-call-video", "eightxeight-video", "discord-video",
        "demodesk-video", "campfire-video",
    ]

    static let referenceTypes = [
        "google_calendar", "office365_calendar", "daily_video", "google_video", "office365_video", "zoom_video",
    ]

    static let listStatuses = ["upcoming", "recurring", "past", "cancelled", "unconfirmed"]

    static let attendee = BodyRule.object(
        properties: [
            "name": .string(), "timeZone": .string(), "phoneNumber": .string(),
            "language": .string(allowed: languages), "email": .string(format: .email),
        ],
        required: ["name", "timeZone"])

    static let create = BodyRule.object(
        properties: [
            "start": .string(format: .dateTime), "attendee": attendee, "bookingFieldsResponses": .anyObject,
            "eventTypeId": .number(integerOnly: true), "eventTypeSlug": .string(), "username": .string(),
            "teamSlug": .string(), "organizationSlug": .string(), "guests": .array(.string()),
            "meetingUrl": .string(), "metadata": .anyObject, "lengthInMinutes": .number(integerOnly: true),
            "routing": .object(
                properties: [
                    "queuedResponseId": .nullable(.string()), "responseId": .nullable(.number()),
                    "teamMemberIds": .array(.number()), "teamMemberEmail": .string(), "skipContactOwner": .boolean,
                    "crmAppSlug": .string(), "crmOwnerRecordType": .string(),
                ],
                required: ["teamMemberIds"]),
            "emailVerificationCode": .string(), "instant": .boolean, "recurrenceCount": .number(integerOnly: true),
        ],
        required: ["start", "attendee"])

    static let reschedule = BodyRule.object(
        properties: [
            "start": .string(format: .dateTime), "rescheduledBy": .string(), "reschedulingReason": .string(),
            "seatUid": .string(), "emailVerificationCode": .string(),
        ],
        required: ["start"])

    static let cancel = BodyRule.object(
        properties: ["cancellationReason": .string(), "cancelSubsequentBookings": .boolean, "seatUid": .string()])

    static let markAbsent = BodyRule.object(
        properties: [
            "host": .boolean,
            "attendees": .array(
                .object(
                    properties: ["email": .string(format: .email), "absent": .boolean], required: ["email", "absent"])),
        ])

    static let reason = BodyRule.object(properties: ["reason": .string()])

    static let updateLocation = BodyRule.object(properties: [:])

    /// Required member per location `type` (nil: no extra member). Create and update differ.
    static func locationMember(type: String, update: Bool) -> String?? {
        switch type {
        case "address": return update ? .some("address") : .some(nil)
        case "attendeeAddress": return "address"
        case "attendeeDefined": return "location"
        case "attendeePhone": return "phone"
        case "integration": return "integration"
        case "link": return update ? .some("link") : .some(nil)
        case "phone": return update ? .some("phone") : .some(nil)
        case "organizersDefaultApp": return update ? nil : .some(nil)
        default: return nil
        }
    }

    /// Validates a location object (`BookingInput…Location` / `UpdateBookingInput…Location`).
    static func validateLocation(_ value: JSONValue, update: Bool) throws(APIError) {
        guard let o = value.objectValue else { throw .invalidBody("location must be an object") }
        guard let type = o["type"] else { throw .invalidBody("location.type should not be empty") }
        guard let typeName = type.stringValue else { throw .invalidBody("location.type must be a string") }
        guard let member = locationMember(type: typeName, update: update) else {
            throw .invalidBody("location.type \(typeName) is not a supported location type")
        }
        guard let member else { return }
        guard let memberValue = o[member] else { throw .invalidBody("location.\(member) should not be empty") }
        guard let text = memberValue.stringValue else { throw .invalidBody("location.\(member) must be a string") }
        if member == "integration", !integrations.contains(text) {
            throw .invalidBody(
                "location.integration must be one of the following values: \(integrations.joined(separator: ", "))")
        }
    }

    /// The stored location text for a location object (Cal.com's internal form).
    static func locationText(_ value: JSONValue?) -> String? {
        guard let o = value?.objectValue, let type = o["type"]?.stringValue else { return nil }
        switch type {
        case "integration": return o["integration"]?.stringValue.map { "integrations:\($0)" }
        case "attendeeAddress", "address": return o["address"]?.stringValue ?? "Organizer address"
        case "attendeeDefined": return o["location"]?.stringValue
        case "attendeePhone", "phone": return o["phone"]?.stringValue ?? "Organizer phone"
        case "link": return o["link"]?.stringValue ?? "https://sandbox.example/meet"
        default: return "integrations:daily"
        }
    }
}
