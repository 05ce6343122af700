import SpecGateJUnit

/// Fuzzes the JUnit writer: the input, cut at NUL bytes, supplies names, messages, details and
/// output text. The XML must be well-formed, valid against junit-10.xsd (when given), and keep the
/// number of suites and test cases.
enum JUnitFuzzTarget {
    static func run(_ input: [UInt8], xsdPath: String?) -> [String] {
        var parts = FuzzInput.strings(input)[...]
        func next() -> String { parts.popFirst() ?? "" }
        var suites: [JUnitTestSuite] = []
        for s in 0..<2 {
            var cases: [JUnitTestCase] = []
            for c in 0..<3 {
                let outcome: JUnitOutcome
                switch (s * 3 + c) % 4 {
                case 0: outcome = .failure(message: next(), type: next(), details: next())
                case 1: outcome = .error(message: next(), type: next(), details: next())
                case 2: outcome = .skipped(message: next())
                default: outcome = .passed
                }
                let flaky =
                    c == 1 ? [JUnitFlaky(message: next(), type: next(), details: next(), systemOut: next())] : []
                cases.append(
                    JUnitTestCase(
                        classname: next(), name: next(), time: Double(c) * 0.25, outcome: outcome, systemOut: next(),
                        systemErr: next(), flakyFailures: flaky))
            }
            suites.append(
                JUnitTestSuite(
                    name: next(), timestamp: "2024-01-01T00:00:00", hostname: next(), time: 1.5,
                    properties: [(next(), next())], testCases: cases, systemOut: next(), systemErr: next()))
        }
        let report = JUnitReport(name: next(), suites: suites)
        let limits = JUnitLimits(maxAttributeBytes: 64, maxTextBytes: 256)
        let xml: [UInt8]
        do {
            xml = try JUnitWriter.xml(report, limits: limits)
        } catch {
            return ["the writer failed: \(error)"]
        }
        var problems = JUnitReader.wellFormednessErrors(xml).map { "not well-formed: \($0)" }
        if let xsdPath {
            do {
                problems += try JUnitValidator(xsdPath: xsdPath).validate(xml: xml).map { "not valid: \($0)" }
            } catch {
                problems.append("cannot load \(xsdPath): \(error)")
            }
        }
        if problems.isEmpty, let root = try? JUnitReader.parse(xml) {
            let readSuites = root.children(named: "testsuite")
            if readSuites.count != 2 || readSuites.contains(where: { $0.children(named: "testcase").count != 3 }) {
                problems.append("suites or test cases lost")
            }
        }
        return problems
    }
}
