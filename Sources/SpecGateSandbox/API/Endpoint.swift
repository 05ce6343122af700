/// The Bookings operations the sandbox serves, recognised from method and path.
enum Endpoint: Sendable, Equatable {
    case list, create
    case get(uid: String)
    case bySeat(seatUid: String)
    case recordings(uid: String), transcripts(uid: String)
    case reschedule(uid: String), cancel(uid: String), markAbsent(uid: String)
    case reassign(uid: String), reassignToUser(uid: String, userId: String)
    case confirm(uid: String), decline(uid: String)
    case calendarLinks(uid: String), references(uid: String), conferencingSessions(uid: String)
    case updateLocation(uid: String)

    /// Why a request does not reach an endpoint.
    enum Miss: Error, Sendable {
        case unknownPath
        /// The path is served, not with this method (the API answers it like an unknown path, as Express does).
        case methodNotAllowed(allowed: [String])
    }

    /// Matches decoded path segments (`["v2", "bookings", …]`) and a method.
    static func match(method: String, segments: [String]) -> Result<Endpoint, Miss> {
        guard segments.count >= 2, segments[0] == "v2", segments[1] == "bookings" else { return .failure(.unknownPath) }
        let rest = Array(segments.dropFirst(2))
        var table: [String: Endpoint] = [:]
        switch rest.count {
        case 0:
            table = ["GET": .list, "POST": .create]
        case 1:
            table = ["GET": .get(uid: rest[0])]
        case 2 where rest[0] == "by-seat":
            table = ["GET": .bySeat(seatUid: rest[1])]
        case 2:
            let uid = rest[0]
            switch rest[1] {
            case "recordings": table = ["GET": .recordings(uid: uid)]
            case "transcripts": table = ["GET": .transcripts(uid: uid)]
            case "reschedule": table = ["POST": .reschedule(uid: uid)]
            case "cancel": table = ["POST": .cancel(uid: uid)]
            case "mark-absent": table = ["POST": .markAbsent(uid: uid)]
            case "reassign": table = ["POST": .reassign(uid: uid)]
            case "confirm": table = ["POST": .confirm(uid: uid)]
            case "decline": table = ["POST": .decline(uid: uid)]
            case "calendar-links": table = ["GET": .calendarLinks(uid: uid)]
            case "references": table = ["GET": .references(uid: uid)]
            case "conferencing-sessions": table = ["GET": .conferencingSessions(uid: uid)]
            case "location": table = ["PATCH": .updateLocation(uid: uid)]
            default: return .failure(.unknownPath)
            }
        case 3 where rest[1] == "reassign":
            table = ["POST": .reassignToUser(uid: rest[0], userId: rest[2])]
        default:
            return .failure(.unknownPath)
        }
        if let endpoint = table[method] { return .success(endpoint) }
        return .failure(.methodNotAllowed(allowed: table.keys.sorted()))
    }

    /// True where the published document marks the `Authorization` header required.
    var requiresAuthorization: Bool {
        switch self {
        case .create, .get, .bySeat, .reschedule, .cancel: return false
        default: return true
        }
    }

    /// True where the operation has a required request body.
    var requiresBody: Bool {
        switch self {
        case .create, .reschedule, .cancel, .markAbsent, .reassignToUser, .decline, .updateLocation: return true
        default: return false
        }
    }
}
