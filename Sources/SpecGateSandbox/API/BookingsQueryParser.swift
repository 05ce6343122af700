import SpecGateJSON

/// Parses and validates the query of `GET /v2/bookings` (400 on bad values unless lenient).
struct BookingsQueryParser: Sendable {
    /// `accept_invalid_body` also skips query validation; bad values are then ignored.
    let lenient: Bool
    /// `ignore_query_array_enum`: a `status` item outside the enum is dropped instead of rejected.
    var ignoreUnknownStatuses = false

    func parse(_ items: [(name: String, value: String)]) throws(APIError) -> BookingStore.Query {
        var q = BookingStore.Query()
        for (name, value) in items {
            switch name {
            case "status":
                for status in value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                    guard BookingRules.listStatuses.contains(status) else {
                        if ignoreUnknownStatuses { continue }
                        try reject(
                            "each value in status must be one of the following values: \(BookingRules.listStatuses.joined(separator: ", "))"
                        )
                        continue
                    }
                    q.statuses.append(status)
                }
            case "attendeeEmail": q.attendeeEmail = value
            case "attendeeName": q.attendeeName = value
            case "bookingUid": q.bookingUid = value
            case "eventTypeIds", "eventTypeId":
                q.eventTypeIds += try idList(value, name: name, single: name == "eventTypeId")
            case "teamsIds", "teamId":
                _ = try idList(value, name: name, single: name == "teamId")  // the sandbox has no team bookings filter
            case "afterStart": q.afterStart = try date(value, name: name)
            case "beforeEnd": q.beforeEnd = try date(value, name: name)
            case "afterCreatedAt": q.afterCreatedAt = try date(value, name: name)
            case "beforeCreatedAt": q.beforeCreatedAt = try date(value, name: name)
            case "afterUpdatedAt": q.afterUpdatedAt = try date(value, name: name)
            case "beforeUpdatedAt": q.beforeUpdatedAt = try date(value, name: name)
            case "sortStart": q.sort = try sort(value, name: name, key: .start) ?? q.sort
            case "sortEnd": q.sort = try sort(value, name: name, key: .end) ?? q.sort
            case "sortCreated": q.sort = try sort(value, name: name, key: .created) ?? q.sort
            case "sortUpdatedAt": q.sort = try sort(value, name: name, key: .updated) ?? q.sort
            case "take":
                if let n = try integer(value, name: name, range: 1...250) { q.take = n }
            case "skip":
                if let n = try integer(value, name: name, range: 0...Int(Int32.max)) { q.skip = n }
            default:
                break
            }
        }
        return q
    }

    private func reject(_ message: String) throws(APIError) {
        if !lenient { throw .badRequest(message) }
    }

    private func idList(_ value: String, name: String, single: Bool) throws(APIError) -> [Int] {
        let parts = single ? [Substring(value)] : value.split(separator: ",", omittingEmptySubsequences: false)
        let ids = parts.map { part in part.allSatisfy(\.isASCII) ? Int(part) : nil }
        guard !ids.contains(where: { $0 == nil }) else {
            try reject("\(name) must be \(single ? "a number" : "a comma-separated list of numbers")")
            return []
        }
        return ids.compactMap { $0 }
    }

    private func date(_ value: String, name: String) throws(APIError) -> Timestamp? {
        guard let t = Timestamp(rfc3339: value) else {
            try reject("\(name) must be a valid ISO 8601 date string")
            return nil
        }
        return t
    }

    private func sort(_ value: String, name: String, key: BookingStore.SortKey) throws(APIError)
        -> (key: BookingStore.SortKey, ascending: Bool)?
    {
        switch value {
        case "asc": return (key, true)
        case "desc": return (key, false)
        default:
            try reject("\(name) must be one of the following values: asc, desc")
            return nil
        }
    }

    private func integer(_ value: String, name: String, range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let number = JSONNumber(literal: value), let n = number.intValue else {
            try reject("\(name) must be an integer number")
            return nil
        }
        guard range.contains(n) else {
            try reject("\(name) must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return n
    }
}
