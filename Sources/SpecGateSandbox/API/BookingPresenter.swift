import SpecGateJSON

/// Renders stored bookings as Cal.com v2 (2024-08-13) JSON.
struct BookingPresenter: Sendable {
    let seed: SandboxSeed

    /// `BookingOutput_2024_08_13`, or `GetSeatedBookingOutput_2024_08_13` for seated event types.
    func booking(_ b: Booking) -> JSONValue {
        let eventType = seed.eventType(id: b.eventTypeId)
        let seated = eventType?.isSeated ?? false
        var o = JSONObject()
        o["id"] = .number(JSONNumber(b.id))
        o["uid"] = .string(b.uid)
        o["title"] = .string(b.title)
        o["description"] = .string(b.description)
        o["hosts"] = .array(seed.user(id: b.hostId).map { [host($0)] } ?? [])
        o["status"] = .string(b.status.rawValue)
        if let v = b.cancellationReason { o["cancellationReason"] = .string(v) }
        if let v = b.cancelledByEmail { o["cancelledByEmail"] = .string(v) }
        if let v = b.reschedulingReason { o["reschedulingReason"] = .string(v) }
        if let v = b.rescheduledByEmail { o["rescheduledByEmail"] = .string(v) }
        if let v = b.rescheduledFromUid { o["rescheduledFromUid"] = .string(v) }
        if let v = b.rescheduledToUid { o["rescheduledToUid"] = .string(v) }
        o["start"] = .string(b.start.iso8601)
        o["end"] = .string(b.end.iso8601)
        o["duration"] = .number(JSONNumber(b.durationMinutes))
        o["eventTypeId"] = .number(JSONNumber(b.eventTypeId))
        o["eventType"] = ["id": .number(JSONNumber(b.eventTypeId)), "slug": .string(eventType?.slug ?? "")]
        o["meetingUrl"] = .string(meetingURL(b))
        o["location"] = .string(b.location)
        o["absentHost"] = .bool(b.absentHost)
        o["createdAt"] = .string(b.createdAt.iso8601)
        o["updatedAt"] = .string(b.updatedAt.iso8601)
        o["metadata"] = .object(b.metadata)
        o["icsUid"] = .string("\(b.uid)@sandbox.cal.com")
        o["attendees"] = .array(b.attendees.map { attendee($0, seated: seated, responses: b.bookingFieldsResponses) })
        if seated {
            // CreateSeatedBookingOutput (create/reschedule answers) requires the booking-level seat uid.
            o["seatUid"] = .string(b.attendees.first?.seatUid ?? "")
        } else {
            o["guests"] = .array(b.guests.map { .string($0) })
            o["bookingFieldsResponses"] = .object(b.bookingFieldsResponses)
        }
        return .object(o)
    }

    /// `BookingHost`.
    func host(_ user: SandboxSeed.User) -> JSONValue {
        [
            "id": .number(JSONNumber(user.id)), "name": .string(user.name), "email": .string(user.email),
            "displayEmail": .string(user.email), "username": .string(user.username),
            "timeZone": .string(user.timeZone),
        ]
    }

    /// `ReassignedToDto`.
    func reassignedTo(_ user: SandboxSeed.User) -> JSONValue {
        [
            "id": .number(JSONNumber(user.id)), "name": .string(user.name), "email": .string(user.email),
            "displayEmail": .string(user.email),
        ]
    }

    /// `CalendarLink` items for Google, Outlook, Office 365 and ICS.
    func calendarLinks(_ b: Booking) -> JSONValue {
        let title = percentEncode(b.title)
        let start = b.start.basicFormat
        let end = b.end.basicFormat
        let isoStart = percentEncode(b.start.iso8601)
        let isoEnd = percentEncode(b.end.iso8601)
        let location = percentEncode(b.location)
        return [
            [
                "label": "Google",
                "link": .string(
                    "https://calendar.google.com/calendar/r/eventedit?dates=\(start)/\(end)&text=\(title)&location=\(location)"
                ),
            ],
            [
                "label": "Microsoft Outlook",
                "link": .string(
                    "https://outlook.live.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&startdt=\(isoStart)&enddt=\(isoEnd)&subject=\(title)&location=\(location)"
                ),
            ],
            [
                "label": "Microsoft Office",
                "link": .string(
                    "https://outlook.office.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&startdt=\(isoStart)&enddt=\(isoEnd)&subject=\(title)&location=\(location)"
                ),
            ],
            [
                "label": "ICS",
                "link": .string("data:text/calendar,BEGIN:VCALENDAR%0AUID:\(percentEncode(b.uid))%0AEND:VCALENDAR"),
            ],
        ]
    }

    /// `BookingReference` items: the sandbox records one Google Calendar event per booking.
    func references(_ b: Booking, type: String?) -> JSONValue {
        let reference: JSONValue = [
            "id": .number(JSONNumber(b.id * 10 + 1)), "type": "google_calendar",
            "eventUid": .string("sbx-gcal-\(b.uid)"), "destinationCalendarId": .null,
        ]
        if let type, type != "google_calendar" { return .array([]) }
        return .array([reference])
    }

    private func attendee(_ a: Booking.Attendee, seated: Bool, responses: JSONObject) -> JSONValue {
        var o = JSONObject()
        o["name"] = .string(a.name)
        o["email"] = .string(a.email)
        o["displayEmail"] = .string(a.email)
        o["timeZone"] = .string(a.timeZone)
        if let v = a.language { o["language"] = .string(v) }
        o["absent"] = .bool(a.absent)
        if let v = a.phoneNumber { o["phoneNumber"] = .string(v) }
        if seated {
            o["seatUid"] = .string(a.seatUid ?? "")
            o["bookingFieldsResponses"] = .object(responses)
        }
        return .object(o)
    }

    private func meetingURL(_ b: Booking) -> String {
        b.location.hasPrefix("integrations:") ? "https://app.cal.com/video/\(b.uid)" : b.location
    }

    private func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
