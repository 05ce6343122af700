import SpecGateJSON

/// Judges the two exchanges of a case (one per target) with the selected checks and compares them:
/// status class, verdict per check, and body shape. Pure; secrets are masked in everything it returns.
public struct Comparator: Sendable {
    public let checks: [any ResponseCheck]
    public let schemas: ResponseSchemas
    public let masker: SecretMasker
    /// Checks the suite switched off: not run on either side.
    public var disabledChecks: [DisabledCheck]
    /// Enums of the response schemas: where enum values are part of the shape.
    public var responseEnums: ResponseEnums

    public init(
        checks: [any ResponseCheck], schemas: ResponseSchemas, masker: SecretMasker,
        disabledChecks: [DisabledCheck] = [],
        responseEnums: ResponseEnums = ResponseEnums()
    ) {
        self.checks = checks
        self.schemas = schemas
        self.masker = masker
        self.disabledChecks = disabledChecks
        self.responseEnums = responseEnums
    }

    /// Compares the exchanges of one case; nil stands for a request a target never got.
    public func compare(_ a: ExchangeRecord?, _ b: ExchangeRecord?) -> CaseComparison? {
        guard let first = a ?? b else { return nil }
        let left = side(a)
        let right = side(b)
        return CaseComparison(
            operationID: first.operation.id, operationName: first.operation.displayName, caseID: first.caseID,
            mutation: first.mutation, a: left, b: right, curlA: a.map(curl) ?? "", curlB: b.map(curl) ?? "",
            differences: CaseComparison.differences(left, right))
    }

    /// What one exchange looks like to the comparison.
    public func side(_ record: ExchangeRecord?) -> SideOutcome {
        guard let record else { return .notSent }
        switch record.outcome {
        case .transportError(let kind, let message):
            return SideOutcome(status: nil, transportError: masker.mask("\(kind): \(message)"))
        case .response(let response):
            let input = CheckInput(operation: record.operation, label: record.label, response: response)
            var failing: [String] = []
            var messages: [String] = []
            for check in checks
            where !disabledChecks.contains(where: { $0.disables(check.name, for: record.operation) }) {
                guard let violations = check.check(input, schemas: schemas), let violation = violations.first else {
                    continue
                }
                failing.append(check.name)
                messages.append(masker.mask(violation.message))
            }
            return SideOutcome(
                status: response.status, failingChecks: failing, failureMessages: messages,
                shape: shape(response, operation: record.operation))
        }
    }

    /// The body's shape, or nil when it is empty, cut or not JSON.
    func shape(_ response: ObservedResponse, operation: Operation) -> ResponseShape? {
        guard !response.body.isEmpty, !response.bodyTruncated, let body = try? JSONParser().parse(response.body) else {
            return nil
        }
        var enumPointers: Set<String> = []
        if let schema = operation.response(for: response.status)?.content.first(where: { $0.isJSON })?.schema {
            for site in responseEnums.sites(for: schema) { enumPointers.insert(ResponseShape.pointer(site.path)) }
        }
        let shape = ResponseShape.extract(body, enumPointers: enumPointers)
        // Field names and enum values are shown in reports: mask any echoed secret.
        return ResponseShape(
            types: Dictionary(shape.types.map { (masker.mask($0.key), $0.value) }, uniquingKeysWith: { $0.union($1) }),
            enumValues: Dictionary(
                shape.enumValues.map { (masker.mask($0.key), Set($0.value.map(masker.mask))) },
                uniquingKeysWith: { $0.union($1) }))
    }

    func curl(_ record: ExchangeRecord) -> String {
        CurlCommand.render(
            method: record.request.method, url: record.url, headers: record.request.headers, body: record.request.body,
            masker: masker)
    }
}
