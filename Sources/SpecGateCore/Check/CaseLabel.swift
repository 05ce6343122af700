import SpecGateJSON

/// What a sent case claimed, as the checks read it: whether the server should accept it, which statuses
/// it allows, and where its path identifiers came from. Shared by `ExchangeRecord` (what was sent) and
/// `CheckInput` (what a check judges), which both read these fields through dynamic member lookup.
public struct CaseLabel: Sendable, Hashable {
    public var caseID: String
    /// True for a valid case (the server should accept it), false for an invalid one.
    public var expectsSuccess: Bool
    /// The mutation's name for an invalid case (e.g. `missing-authorization`).
    public var mutation: String?
    /// Statuses the case's label allows; empty means "any 2xx" for valid and "any 4xx" for invalid cases.
    public var expectedStatuses: [Int]
    /// True when the case only changes credentials (missing, malformed or unknown): judged by `ignored_auth`.
    public var isAuthMutation: Bool
    /// True when some path parameter was generated rather than taken from the suite or a link,
    /// so a 404 for a valid case is an acceptable answer (the resource need not exist).
    public var pathParametersGenerated: Bool
    /// True when the case's path identifiers came from links (real resources) and the suite, none
    /// generated: a 404 is then a failure of `positive_data_acceptance`.
    public var identifiersResolved: Bool
    /// True when `expectedStatuses` was stated by the suite (`expectations`, workflow `expect`):
    /// only those statuses pass.
    public var exactStatuses: Bool
    /// What the response body must hold (workflow `state`), judged by `state_consistency`.
    public var stateAssertions: [StateAssertion]
    /// Set when another identity requests a resource the owner created: judged by `cross_user_access` only.
    public var crossUser: CrossUserProbe? = nil
    /// Set on the run's automatic read of a resource after an earlier exchange changed it (created it,
    /// deleted it, …): judged by `resource_available`, `use_after_delete` or `resource_persisted` only.
    public var stateProbe: StateProbe? = nil

    public init(
        caseID: String, expectsSuccess: Bool, mutation: String? = nil, expectedStatuses: [Int] = [],
        isAuthMutation: Bool = false,
        pathParametersGenerated: Bool = false, identifiersResolved: Bool = false, exactStatuses: Bool = false,
        stateAssertions: [StateAssertion] = []
    ) {
        self.caseID = caseID
        self.expectsSuccess = expectsSuccess
        self.mutation = mutation
        self.expectedStatuses = expectedStatuses
        self.isAuthMutation = isAuthMutation
        self.pathParametersGenerated = pathParametersGenerated
        self.identifiersResolved = identifiersResolved
        self.exactStatuses = exactStatuses
        self.stateAssertions = stateAssertions
    }
}

/// Another identity's request for a resource the run created as the owner (`cross_user_access`).
public struct CrossUserProbe: Sendable, Hashable {
    /// The suite's name of the identity that sent the request ("outsider").
    public var identity: String
    /// Where its credential comes from, as shown ("$CAL_OUTSIDER_API_KEY").
    public var identityCredential: String
    /// The owner's credential, as shown ("$CAL_API_KEY").
    public var ownerCredential: String
    /// The owner's request that created the resource ("POST /v2/bookings").
    public var ownerRequest: String
    /// The resource ("bookingUid=abc123").
    public var resource: String
    /// For a state-changing request: whether the owner's read of the resource afterwards differed from
    /// the one before (nil for reads, or when it could not be read).
    public var changed: Bool? = nil

    public init(
        identity: String, identityCredential: String, ownerCredential: String, ownerRequest: String, resource: String
    ) {
        self.identity = identity
        self.identityCredential = identityCredential
        self.ownerCredential = ownerCredential
        self.ownerRequest = ownerRequest
        self.resource = resource
    }
}

/// The run's automatic read of a resource right after an earlier exchange on it (a link's producer, a
/// DELETE, …): what that exchange was, so the check on the read can report both.
public struct StateProbe: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The earlier exchange created the resource (2xx): the read must answer 2xx (`resource_available`).
        case created
        /// The earlier exchange deleted the resource (a 2xx `DELETE`), or ended it (a 2xx answer showing a
        /// terminal status, e.g. a cancel answering `"status": "cancelled"`): the read must answer 404 or
        /// 410, or, for a terminal status, show it (`use_after_delete`).
        case removed(terminal: StateAssertion?)
        /// The earlier exchange changed the resource (a 2xx `POST`/`PUT`/`PATCH` under its item path whose
        /// answer names the same resource): the read must agree with the answer on the fields both hold
        /// (`resource_persisted`, see ``PersistedFields``).
        case changed(answer: JSONValue)
    }

    public var kind: Kind
    /// The earlier exchange's request line ("POST /v2/bookings").
    public var priorRequest: String
    /// Its status.
    public var priorStatus: Int
    /// Its request as a curl command (secrets masked).
    public var priorCurl: String
    /// The resource ("bookingUid=abc123").
    public var resource: String
    /// The earlier exchange's operation ("POST /v2/bookings/{bookingUid}/reassign/{userId}"), for stable fingerprints.
    public var priorOperation = ""
    /// The read was repeated this many milliseconds after a first read that disagreed (replica lag); the
    /// check judges the repeated one.
    public var rereadAfterMilliseconds: Int? = nil

    public init(kind: Kind, priorRequest: String, priorStatus: Int, priorCurl: String, resource: String) {
        self.kind = kind
        self.priorRequest = priorRequest
        self.priorStatus = priorStatus
        self.priorCurl = priorCurl
        self.resource = resource
    }
}
