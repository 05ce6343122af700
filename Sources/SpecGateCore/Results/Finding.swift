import SpecGateJSON

/// Whether a finding is a contract failure or an error (the check could not judge: transport failure,
/// truncated body, …).
public enum FindingKind: String, Sendable, Hashable {
    case failure
    case error
}

/// A request as reports show it: secrets already masked.
public struct RequestSummary: Sendable, Hashable {
    public var method: String
    public var url: String
    public var headers: [HeaderField]
    public var bodyExcerpt: String?
    /// A curl command that reproduces the request, secrets as `$ENV` placeholders.
    public var curl: String
    /// The whole body, masked, when ``bodyExcerpt`` is cut (for `specgate replay` and repro files).
    public var body: String?

    public init(method: String, url: String, headers: [HeaderField], bodyExcerpt: String?, curl: String) {
        self.method = method
        self.url = url
        self.headers = headers
        self.bodyExcerpt = bodyExcerpt
        self.curl = curl
    }

    /// The body as stored: whole when it was cut for the excerpt, else the excerpt (which is then whole).
    public var fullBody: String? { body ?? bodyExcerpt }
}

/// A response as reports show it: secrets masked, body cut to an excerpt.
public struct ResponseSummary: Sendable, Hashable {
    public var status: Int
    public var headers: [HeaderField]
    public var bodyExcerpt: String?
    public var elapsedMilliseconds: Double
    public var truncated: Bool

    public init(status: Int, headers: [HeaderField], bodyExcerpt: String?, elapsedMilliseconds: Double, truncated: Bool)
    {
        self.status = status
        self.headers = headers
        self.bodyExcerpt = bodyExcerpt
        self.elapsedMilliseconds = elapsedMilliseconds
        self.truncated = truncated
    }
}

/// A failing valid case shrunk (optional parts dropped, values simplified) while the same check kept failing
/// with a status of the same class.
public struct MinimalRepro: Sendable, Hashable {
    /// The smallest request that still failed the same way (the original when nothing smaller did).
    public var request: RequestSummary
    /// Its status.
    public var status: Int
    /// Requests re-sent while shrinking.
    public var resends: Int
    /// What was dropped or simplified, in order ("drop /body/guests", "simplify /body/attendee/name").
    public var changes: [String]

    public init(request: RequestSummary, status: Int, resends: Int, changes: [String]) {
        self.request = request
        self.status = status
        self.resends = resends
        self.changes = changes
    }

    /// One line: "minimal repro (12 re-sends, 5 changes): curl …".
    public var summary: String {
        let what =
            changes.isEmpty
            ? "no smaller request failed the same way" : "\(changes.count) change\(changes.count == 1 ? "" : "s")"
        return
            "minimal repro (\(resends) re-send\(resends == 1 ? "" : "s") while shrinking, \(what), answered \(status)): \(request.curl)"
    }
}

/// One contract defect (or error), deduplicated: the same operation + check + normalised detail is one
/// finding however many cases hit it.
public struct Finding: Sendable, Hashable {
    /// Stable across runs: operation + check + normalised detail.
    public var fingerprint: String
    public var kind: FindingKind
    public var check: String
    public var operationID: String
    /// "POST /v2/bookings".
    public var operationName: String
    /// The first case that hit it.
    public var caseID: String
    public var mutation: String?
    public var message: String
    public var expected: String?
    public var actual: String?
    public var instancePointer: JSONPointer?
    public var schemaLocation: JSONLocation?
    public var request: RequestSummary
    public var response: ResponseSummary?
    /// How many exchanges hit this finding.
    public var occurrences: Int
    /// Accepted in the run's baseline: listed, but not a failure.
    public var baselined: Bool = false
    /// Every case that hit it passed when re-sent (`--rerun-failures`): listed, but not a failure.
    public var flaky: Bool = false
    /// The failing valid case shrunk to a minimal request that fails the same way (`--shrink-budget`).
    public var minimalRepro: MinimalRepro? = nil

    public init(
        fingerprint: String, kind: FindingKind, check: String, operationID: String, operationName: String,
        caseID: String,
        mutation: String?, message: String, expected: String?, actual: String?, instancePointer: JSONPointer?,
        schemaLocation: JSONLocation?, request: RequestSummary, response: ResponseSummary?, occurrences: Int = 1
    ) {
        self.fingerprint = fingerprint
        self.kind = kind
        self.check = check
        self.operationID = operationID
        self.operationName = operationName
        self.caseID = caseID
        self.mutation = mutation
        self.message = message
        self.expected = expected
        self.actual = actual
        self.instancePointer = instancePointer
        self.schemaLocation = schemaLocation
        self.request = request
        self.response = response
        self.occurrences = occurrences
    }
}
