import SpecGateJSON

/// The changes between two specs laid out for the console and for `--json`.
public struct DiffReport: Sendable {
    public var changes: [SpecChange]
    /// Names of OLD and NEW as given.
    public var oldName: String
    public var newName: String

    public init(changes: [SpecChange], oldName: String, newName: String) {
        self.changes = changes
        self.oldName = oldName
        self.newName = newName
    }

    public var breakingCount: Int { changes.filter { $0.severity == .breaking }.count }
    public var nonBreakingCount: Int { changes.count - breakingCount }

    /// One header line per operation ("POST /v2/bookings  (createBooking)"), then its changes
    /// indented: `breaking      kind  #/pointer  message`; breaking changes first within an operation.
    public var lines: [String] {
        var order: [String] = []
        var groups: [String: [SpecChange]] = [:]
        for change in changes {
            let header =
                change.operationName + (change.operation == change.operationName ? "" : "  (\(change.operation))")
            if groups[header] == nil { order.append(header) }
            groups[header, default: []].append(change)
        }
        var lines: [String] = []
        for header in order {
            lines.append(header)
            let sorted = (groups[header] ?? []).enumerated().sorted {
                ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset)
            }
            for (_, change) in sorted {
                let severity = change.severity.rawValue.padding(toLength: 12)
                lines.append("  \(severity)  \(change.kind.rawValue)  #\(change.location.pointer)  \(change.message)")
            }
        }
        return lines
    }

    /// "3 changes (1 breaking, 2 non-breaking) in 2 operations, old.json → new.json".
    public var summary: String {
        let operations = Set(changes.map(\.operation)).count
        return
            "\(changes.count) change\(changes.count == 1 ? "" : "s") (\(breakingCount) breaking, \(nonBreakingCount) non-breaking)"
            + " in \(operations) operation\(operations == 1 ? "" : "s"), \(oldName) → \(newName)"
    }

    /// `{"old", "new", "changes": [...], "summary": {"breaking", "nonBreaking", "operations"}}`.
    public var json: JSONValue {
        [
            "old": .string(oldName), "new": .string(newName), "changes": .array(changes.map(\.json)),
            "summary": [
                "breaking": .number(JSONNumber(breakingCount)), "nonBreaking": .number(JSONNumber(nonBreakingCount)),
                "operations": .number(JSONNumber(Set(changes.map(\.operation)).count)),
            ],
        ]
    }
}

extension String {
    /// The string with spaces added up to `length` characters (never cut).
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
