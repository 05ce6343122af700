import SpecGateJSON

/// What a state-changing request's 2xx answer says about a resource, compared with a read of that resource
/// right after (`resource_persisted`). Pure: the runner decides when to read, the check judges the read.
///
/// Fields are matched by JSON pointer below the resource's root (`/data` when both bodies wrap it in a
/// `data` member, e.g. Cal.com's `{"status": "success", "data": …}`, else the bodies themselves):
/// - a scalar the answer and the read both hold at the same pointer must be equal;
/// - an array both hold: each scalar item of the answer's must be in the read's, each object item must
///   agree with some item of the read's on the scalar members both hold (order is not compared);
/// - an object of the answer with no member of that name in the read is matched by name to the one sibling
///   of the read that holds objects (or an array of them) having all its scalar members, e.g. Cal.com's
///   reassign answering `reassignedTo: {id, name, email, displayEmail}` and the booking read holding
///   `hosts: [{id, name, email, displayEmail, username, timeZone}]`: some host must agree on all four.
///
/// Volatile members (names ending in `At`/`_at`, e.g. `updatedAt`, and `timestamp`, `lastModified`, `etag`)
/// are never compared. Values only one side holds are not compared.
public enum PersistedFields {
    /// One comparison: what the answer said at `pointer`, and whether the read agreed.
    public struct Comparison: Sendable, Hashable {
        /// The answer's pointer ("/data/status", "/data/reassignedTo").
        public var pointer: JSONPointer
        /// Where the read holds it ("/data/status", "an item of /data/hosts").
        public var readAt: String
        /// The answer's value (an object: only the members compared).
        public var expected: JSONValue
        /// The read's value (nil when some item of an array was looked for).
        public var actual: JSONValue?
        public var agrees: Bool

        /// "/data/status" or "/data/reassignedTo {id, name} ~ an item of /data/hosts".
        public var shown: String {
            readAt == pointer.description ? pointer.description : "\(pointer) ~ \(readAt)"
        }
    }

    /// Whether the answer is about the resource read: `same` when the value at the link's pointer (e.g.
    /// `/data/uid`), or a member named as the path parameter at the root (`/data/bookingUid`), is the
    /// resource's identifier; `other` when it names another one (Cal.com's reschedule answers a new booking);
    /// `unknown` when it names none.
    public enum Identity: Sendable, Hashable {
        case same(JSONPointer)
        case other(JSONPointer, String)
        case unknown
    }

    /// Volatile member names (a new value on every write, or the time of the answer).
    static func isVolatile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if ["timestamp", "lastmodified", "etag"].contains(lower) { return true }
        return name.hasSuffix("At") || lower.hasSuffix("_at")
    }

    public static func identity(of answer: JSONValue, linkPointer: JSONPointer?, parameter: String, value: String)
        -> Identity
    {
        var pointers: [JSONPointer] = []
        if let linkPointer, !linkPointer.tokens.isEmpty { pointers.append(linkPointer) }
        for root in [JSONPointer(tokens: ["data"]), JSONPointer.root] { pointers.append(root.appending(parameter)) }
        for pointer in pointers {
            guard let found = answer.value(at: pointer), let text = scalarText(found) else { continue }
            return text == value ? .same(pointer) : .other(pointer, text)
        }
        return .unknown
    }

    /// The comparisons between an answer and a read of the same resource; nil when they are not about the
    /// same resource after all (both roots hold an `id` or `uid` and they differ) or are not JSON objects.
    public static func compare(answer: JSONValue, read: JSONValue) -> [Comparison]? {
        var root = JSONPointer.root
        if case .object? = answer["data"], case .object? = read["data"] { root = JSONPointer(tokens: ["data"]) }
        guard case .object(let a)? = answer.value(at: root), case .object(let r)? = read.value(at: root) else {
            return nil
        }
        for key in ["id", "uid"] {
            if let x = a[key], let y = r[key], !sameScalar(x, y) { return nil }
        }
        var out: [Comparison] = []
        walk(a, r, at: root, into: &out)
        return out
    }

    private static func walk(_ a: JSONObject, _ r: JSONObject, at pointer: JSONPointer, into out: inout [Comparison]) {
        for (key, value) in a where !isVolatile(key) {
            let here = pointer.appending(key)
            guard let other = r[key] else {
                if case .object(let object) = value {
                    matchByShape(object, at: here, in: r, readPointer: pointer, into: &out)
                }
                continue
            }
            switch (value, other) {
            case (.object(let x), .object(let y)):
                walk(x, y, at: here, into: &out)
            case (.array(let xs), .array(let ys)):
                for item in xs {
                    if case .object(let object) = item {
                        let members = scalars(object)
                        guard !members.isEmpty else { continue }
                        out.append(
                            Comparison(
                                pointer: here, readAt: "an item of \(here)",
                                expected: .object(JSONObject(members.map { ($0.key, $0.value) })),
                                actual: nil, agrees: ys.contains { agrees(members, with: $0) }))
                    } else if isScalar(item) {
                        out.append(
                            Comparison(
                                pointer: here, readAt: "an item of \(here)", expected: item, actual: nil,
                                agrees: ys.contains { sameScalar(item, $0) }))
                    }
                }
            default:
                // A scalar against an object or array (or the reverse) is another representation: not compared.
                guard isScalar(value), isScalar(other) else { continue }
                out.append(
                    Comparison(
                        pointer: here, readAt: here.description, expected: value, actual: other,
                        agrees: sameScalar(value, other)))
            }
        }
    }

    /// An answer's object the read has no member for: compared with the read's one sibling whose objects
    /// (or array items) hold all its scalar members.
    private static func matchByShape(
        _ object: JSONObject, at pointer: JSONPointer, in r: JSONObject, readPointer: JSONPointer,
        into out: inout [Comparison]
    ) {
        let members = scalars(object)
        guard !members.isEmpty else { return }
        let names = Set(members.map(\.key))
        var candidates: [(key: String, items: [JSONValue])] = []
        for (key, value) in r {
            let items: [JSONValue]
            switch value {
            case .object: items = [value]
            case .array(let list): items = list
            default: continue
            }
            let shaped = items.filter { item in
                guard case .object(let o) = item else { return false }
                return names.allSatisfy { o[$0] != nil }
            }
            if !shaped.isEmpty, shaped.count == items.count { candidates.append((key, items)) }
        }
        guard candidates.count == 1, let match = candidates.first else { return }
        let readAt = readPointer.appending(match.key)
        let shownMembers = members.map(\.key).joined(separator: ", ")
        out.append(
            Comparison(
                pointer: pointer,
                readAt: "\(r[match.key]?.objectValue != nil ? "" : "an item of ")\(readAt) {\(shownMembers)}",
                expected: .object(JSONObject(members.map { ($0.key, $0.value) })), actual: r[match.key],
                agrees: match.items.contains { agrees(members, with: $0) }))
    }

    /// The non-volatile scalar members of an object, in order.
    private static func scalars(_ object: JSONObject) -> [(key: String, value: JSONValue)] {
        object.filter { !isVolatile($0.key) && isScalar($0.value) }.map { ($0.key, $0.value) }
    }

    /// An item agrees with `members` when it holds each of them with the same value (members it lacks are not compared).
    private static func agrees(_ members: [(key: String, value: JSONValue)], with item: JSONValue) -> Bool {
        guard case .object(let o) = item else { return false }
        return members.allSatisfy { member in o[member.key].map { sameScalar(member.value, $0) } ?? true }
    }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: return false
        default: return true
        }
    }

    /// Equal values; a number and a string that spells it count as the same value: the value persisted, and
    /// a wrong JSON type in either answer is `response_schema_conformance`'s finding, not a second one here.
    private static func sameScalar(_ x: JSONValue, _ y: JSONValue) -> Bool {
        switch (x, y) {
        case (.number(let a), .number(let b)): return a.compare(b) == 0
        case (.number(let a), .string(let b)), (.string(let b), .number(let a)):
            return JSONNumber(literal: b).map { a.compare($0) == 0 } ?? false
        default: return x == y
        }
    }

    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n.description
        default: return nil
        }
    }
}
