import SpecGateJSON

/// Applies the body-level contract faults to a success envelope.
struct FaultInjector: Sendable {
    let faults: Set<SandboxFault>

    func apply(to body: JSONValue, carriesBookings: Bool) -> JSONValue {
        guard case .object(var envelope) = body else { return body }
        if faults.contains(.enumOutOfSet) { envelope["status"] = "succeeded" }
        if let data = envelope["data"] {
            if carriesBookings {
                switch data {
                case .array(let items): envelope["data"] = .array(items.map(corruptBooking))
                default: envelope["data"] = corruptBooking(data)
                }
            } else if faults.contains(.wrongFieldType), case .object(var o) = data,
                case .object(var reassigned) = o["reassignedTo"], let id = reassigned["id"]
            {
                reassigned["id"] = .string(id.description)
                o["reassignedTo"] = .object(reassigned)
                envelope["data"] = .object(o)
            }
        }
        return .object(envelope)
    }

    private func corruptBooking(_ value: JSONValue) -> JSONValue {
        guard case .object(var booking) = value else { return value }
        if faults.contains(.missingRequiredField) { booking.removeValue(forKey: "title") }
        if faults.contains(.wrongFieldType), let id = booking["id"] { booking["id"] = .string(id.description) }
        if faults.contains(.nullInNonNullable) { booking["location"] = .null }
        if faults.contains(.badDateFormat) { booking["start"] = "yesterday" }
        return .object(booking)
    }
}
