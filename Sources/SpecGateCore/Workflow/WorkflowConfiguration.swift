import SpecGateJSON

/// The suite's stateful and policy keys, typed: `links`, `expectations`, `checks.disable` and
/// `workflows` (see `SuiteLink`, `SuiteExpectation`, `DisabledCheck`, `Workflow`). Every error names
/// the suite file, pointer and line.
public struct WorkflowConfiguration: Sendable, Hashable {
    public var links: [SuiteLink]
    public var expectations: [SuiteExpectation]
    public var disabledChecks: [DisabledCheck]
    public var workflows: [Workflow]

    public init(
        links: [SuiteLink] = [], expectations: [SuiteExpectation] = [], disabledChecks: [DisabledCheck] = [],
        workflows: [Workflow] = []
    ) {
        self.links = links
        self.expectations = expectations
        self.disabledChecks = disabledChecks
        self.workflows = workflows
    }

    /// Reads the keys from a parsed suite. `knownChecks` validates `checks.disable` names.
    public static func parse(_ suite: Suite, knownChecks: [String]) throws(SpecLoadError) -> WorkflowConfiguration {
        let r = Reader(suite: suite)
        var config = WorkflowConfiguration()
        let extras = suite.extras
        for (i, item) in try r.list(extras["links"], at: JSONPointer(tokens: ["links"])).enumerated() {
            let at = JSONPointer(tokens: ["links"]).appending(i)
            let map = try r.map(item, at: at, known: ["from", "capture", "to"])
            guard let from = map["from"]?.stringValue else {
                throw r.failure("a link needs `from` (the producer operation)", at)
            }
            guard let capture = map["capture"]?.objectValue, !capture.isEmpty else {
                throw r.failure("a link needs `capture` ({parameter: runtime expression})", at)
            }
            var captures: [SuiteLink.Capture] = []
            for (name, value) in capture {
                guard let text = value.stringValue, let expression = RuntimeExpression(text) else {
                    throw r.failure(
                        "capture of \(name) must be a runtime expression ($response.body#/…, $response.header.…, $request.body#/…, $statusCode)",
                        at.appending("capture").appending(name))
                }
                captures.append(.init(parameter: name, expression: expression))
            }
            config.links.append(
                SuiteLink(from: from, captures: captures, to: try r.strings(map["to"], at: at.appending("to"))))
        }
        for (i, item) in try r.list(extras["expectations"], at: JSONPointer(tokens: ["expectations"])).enumerated() {
            let at = JSONPointer(tokens: ["expectations"]).appending(i)
            let map = try r.map(item, at: at, known: ["operation", "mutation", "parameters", "values", "expect"])
            let operation = map["operation"]?.stringValue
            let expect = try r.statuses(map["expect"], at: at.appending("expect"))
            let parameters = try r.object(map["parameters"], at: at.appending("parameters"))
            let values = try r.values(map["values"], at: at.appending("values"))
            let kind: SuiteExpectation.Kind
            if let mutation = map["mutation"]?.stringValue {
                guard parameters.isEmpty && values.isEmpty else {
                    throw r.failure("a mutation expectation takes no `parameters` or `values`", at)
                }
                kind = .mutation(mutation)
            } else {
                guard operation != nil else { throw r.failure("an expectation needs `operation` or `mutation`", at) }
                kind = parameters.isEmpty && values.isEmpty ? .operation : .scenario
            }
            config.expectations.append(
                SuiteExpectation(
                    operation: operation, kind: kind, parameters: parameters, values: values, expect: expect, index: i))
        }
        if let checks = extras["checks"] {
            let at = JSONPointer(tokens: ["checks"])
            let map = try r.map(checks, at: at, known: ["disable"])
            for (i, item) in try r.list(map["disable"], at: at.appending("disable")).enumerated() {
                let itemAt = at.appending("disable").appending(i)
                let entry = try r.map(item, at: itemAt, known: ["operation", "check", "reason"])
                guard let check = entry["check"]?.stringValue, knownChecks.contains(check) else {
                    throw r.failure("`check` must name a check: \(knownChecks.joined(separator: ", "))", itemAt)
                }
                guard let reason = entry["reason"]?.stringValue, !reason.isEmpty else {
                    throw r.failure("a disabled check needs a `reason` (shown in the reports)", itemAt)
                }
                config.disabledChecks.append(
                    DisabledCheck(operation: entry["operation"]?.stringValue, check: check, reason: reason))
            }
        }
        for (i, item) in try r.list(extras["workflows"], at: JSONPointer(tokens: ["workflows"])).enumerated() {
            let at = JSONPointer(tokens: ["workflows"]).appending(i)
            let map = try r.map(item, at: at, known: ["name", "steps"])
            var steps: [WorkflowStep] = []
            for (j, stepItem) in try r.list(map["steps"], at: at.appending("steps")).enumerated() {
                let stepAt = at.appending("steps").appending(j)
                let step = try r.map(
                    stepItem, at: stepAt, known: ["operation", "parameters", "values", "expect", "state"])
                guard let operation = step["operation"]?.stringValue else {
                    throw r.failure("a step needs `operation`", stepAt)
                }
                var state: [StateAssertion] = []
                for (key, value) in try r.object(step["state"], at: stepAt.appending("state")).sorted(by: {
                    $0.key < $1.key
                }) {
                    guard let pointer = JSONPointer(key) else {
                        throw r.failure(
                            "state keys are JSON pointers into the response body (/data/status)",
                            stepAt.appending("state"))
                    }
                    state.append(StateAssertion(pointer: pointer, expected: value))
                }
                steps.append(
                    WorkflowStep(
                        operation: operation,
                        parameters: try r.object(step["parameters"], at: stepAt.appending("parameters")),
                        values: try r.values(step["values"], at: stepAt.appending("values")),
                        expect: step["expect"] == nil
                            ? [] : try r.statuses(step["expect"], at: stepAt.appending("expect")),
                        state: state))
            }
            guard !steps.isEmpty else { throw r.failure("a workflow needs `steps`", at) }
            config.workflows.append(Workflow(name: map["name"]?.stringValue ?? "workflow \(i + 1)", steps: steps))
        }
        return config
    }

    /// Located errors and typed access.
    private struct Reader {
        let suite: Suite

        func failure(_ message: String, _ pointer: JSONPointer) -> SpecLoadError {
            SpecLoadError(uri: suite.uri, pointer: pointer, message: message).locating(in: suite.source, uri: suite.uri)
        }

        func list(_ value: JSONValue?, at pointer: JSONPointer) throws(SpecLoadError) -> [JSONValue] {
            guard let value else { return [] }
            guard let items = value.arrayValue else { throw failure("must be a list", pointer) }
            return items
        }

        func map(_ value: JSONValue, at pointer: JSONPointer, known: [String]) throws(SpecLoadError) -> JSONObject {
            guard let object = value.objectValue else { throw failure("must be a mapping", pointer) }
            for (key, _) in object where !known.contains(key) {
                throw failure(
                    "unknown key \"\(key)\" (known: \(known.joined(separator: ", ")))", pointer.appending(key))
            }
            return object
        }

        func object(_ value: JSONValue?, at pointer: JSONPointer) throws(SpecLoadError) -> [String: JSONValue] {
            guard let value else { return [:] }
            guard let object = value.objectValue else { throw failure("must be a mapping", pointer) }
            var out: [String: JSONValue] = [:]
            for (key, member) in object { out[key] = member }
            return out
        }

        func strings(_ value: JSONValue?, at pointer: JSONPointer) throws(SpecLoadError) -> [String] {
            guard let value else { return [] }
            if let text = value.stringValue { return [text] }
            let items = value.arrayValue?.compactMap(\.stringValue)
            guard let items, items.count == value.arrayValue?.count else {
                throw failure("must be a list of strings", pointer)
            }
            return items
        }

        func statuses(_ value: JSONValue?, at pointer: JSONPointer) throws(SpecLoadError) -> [Int] {
            let items = value.map { $0.arrayValue ?? [$0] } ?? []
            var out: [Int] = []
            for item in items {
                let code = item.intValue ?? item.stringValue.flatMap { Int($0) }
                guard let code, (100...599).contains(code) else {
                    throw failure("`expect` must list HTTP statuses (e.g. [400, 404])", pointer)
                }
                out.append(code)
            }
            guard !out.isEmpty else { throw failure("`expect` must list at least one HTTP status", pointer) }
            return out
        }

        func values(_ value: JSONValue?, at pointer: JSONPointer) throws(SpecLoadError) -> [BodyValue] {
            var out: [BodyValue] = []
            for (key, member) in try object(value, at: pointer).sorted(by: { $0.key < $1.key }) {
                guard let parsed = BodyValue(key: key, value: member) else {
                    throw failure(
                        "`values` key \"\(key)\" must be a property name or a JSON pointer", pointer.appending(key))
                }
                out.append(parsed)
            }
            return out
        }
    }
}
