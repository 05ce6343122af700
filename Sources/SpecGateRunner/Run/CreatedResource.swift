/// A resource a run created through a link, to be removed afterwards where the spec offers a way.
struct CreatedResource: Sendable {
    /// The consumer path parameter its identifier fills (e.g. `bookingUid`).
    var parameter: String
    /// The operation that created it.
    var producer: String
    /// Its identifier as path text.
    var value: String
}
