#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes ``JUnitReport``s as JUnit XML through libxml2's `xmlTextWriter`.
///
/// The output is valid against junit-10.xsd (whole document) and, element by element, against
/// Maven Surefire's `surefire-test-report.xsd` 3.0.2 (each `testsuite`). Text is made safe first:
/// characters XML 1.0 forbids become visible escapes (`\u001B`), oversized values are truncated
/// with a marker (see ``JUnitLimits``), and duplicate suite or test-case names get ` (2)`, ` (3)`…
public enum JUnitWriter {
    /// The report as UTF-8 XML bytes.
    public static func xml(_ report: JUnitReport, limits: JUnitLimits = JUnitLimits()) throws(JUnitWriteError)
        -> [UInt8]
    {
        for suite in report.suites where !suite.timestamp.isEmpty && !JUnitTimestamp.isValid(suite.timestamp) {
            throw JUnitWriteError(
                message: "suite '\(suite.name)': timestamp '\(suite.timestamp)' is not an xs:dateTime value")
        }
        let writer = try XMLTextWriter()
        try writer.startDocument()
        try writer.startElement("testsuites")
        try writer.attribute("name", XMLText.prepare(report.name, limit: limits.maxAttributeBytes))
        try writer.attribute("tests", String(report.tests))
        try writer.attribute("failures", String(report.failures))
        try writer.attribute("errors", String(report.errors))
        try writer.attribute("time", XMLText.formatSeconds(report.time))
        let suiteNames = uniqueNames(report.suites.map { XMLText.prepare($0.name, limit: limits.maxAttributeBytes) })
        for (suite, name) in zip(report.suites, suiteNames) {
            try writeSuite(suite, name: name, limits: limits, to: writer)
        }
        try writer.endElement()
        return try writer.finish()
    }

    /// Writes the report to `path` (atomically: a temporary file is renamed into place).
    public static func write(_ report: JUnitReport, toPath path: String, limits: JUnitLimits = JUnitLimits())
        throws(JUnitWriteError)
    {
        let bytes = try xml(report, limits: limits)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw JUnitWriteError(path: path, message: "cannot write the report: \(error)")
        }
    }

    /// Makes names unique deterministically: the first occurrence keeps its name, later ones get
    /// the smallest ` (n)` suffix (n ≥ 2) not used by any other name.
    static func uniqueNames(_ names: [String]) -> [String] {
        var taken = Set(names)
        var seen: Set<String> = []
        var result: [String] = []
        result.reserveCapacity(names.count)
        for name in names {
            if seen.insert(name).inserted {
                result.append(name)
                continue
            }
            var n = 2
            while taken.contains("\(name) (\(n))") { n += 1 }
            let unique = "\(name) (\(n))"
            taken.insert(unique)
            result.append(unique)
        }
        return result
    }

    private static func writeSuite(
        _ suite: JUnitTestSuite, name: String, limits: JUnitLimits, to writer: borrowing XMLTextWriter
    ) throws(JUnitWriteError) {
        let attr = limits.maxAttributeBytes
        try writer.startElement("testsuite")
        try writer.attribute("name", name)
        try writer.attribute("tests", String(suite.tests))
        try writer.attribute("failures", String(suite.failures))
        try writer.attribute("errors", String(suite.errors))
        try writer.attribute("skipped", String(suite.skipped))
        try writer.attribute("time", XMLText.formatSeconds(suite.time))
        if !suite.timestamp.isEmpty {
            try writer.attribute("timestamp", suite.timestamp)
        }
        var properties = suite.properties.map {
            (name: XMLText.prepare($0.name, limit: attr), value: XMLText.prepare($0.value, limit: attr))
        }
        if let hostname = suite.hostname {
            properties.append((JUnitTestSuite.hostnameProperty, XMLText.prepare(hostname, limit: attr)))
        }
        if let out = suite.systemOut {
            properties.append((JUnitTestSuite.systemOutProperty, XMLText.prepare(out, limit: limits.maxTextBytes)))
        }
        if let err = suite.systemErr {
            properties.append((JUnitTestSuite.systemErrProperty, XMLText.prepare(err, limit: limits.maxTextBytes)))
        }
        if !properties.isEmpty {
            try writer.startElement("properties")
            for property in properties {
                try writer.startElement("property")
                try writer.attribute("name", property.name)
                try writer.attribute("value", property.value)
                try writer.endElement()
            }
            try writer.endElement()
        }
        let caseNames = uniqueNames(suite.testCases.map { XMLText.prepare($0.name, limit: attr) })
        for (testCase, caseName) in zip(suite.testCases, caseNames) {
            try writeCase(testCase, name: caseName, limits: limits, to: writer)
        }
        try writer.endElement()
    }

    /// Child order follows Surefire's sequence: failure, flakyFailure*, skipped, error, system-out, system-err.
    private static func writeCase(
        _ testCase: JUnitTestCase, name: String, limits: JUnitLimits, to writer: borrowing XMLTextWriter
    ) throws(JUnitWriteError) {
        let attr = limits.maxAttributeBytes
        let text = limits.maxTextBytes
        try writer.startElement("testcase")
        try writer.attribute("classname", XMLText.prepare(testCase.classname, limit: attr))
        try writer.attribute("name", name)
        try writer.attribute("time", XMLText.formatSeconds(testCase.time))
        if case .failure(let message, let type, let details) = testCase.outcome {
            try writeProblem("failure", message: message, type: type, details: details, limits: limits, to: writer)
        }
        for flaky in testCase.flakyFailures {
            try writer.startElement("flakyFailure")
            try writer.attribute("message", XMLText.prepare(flaky.message, limit: attr))
            try writer.attribute("type", XMLText.prepare(flaky.type, limit: attr))
            try writer.startElement("stackTrace")
            try writer.text(XMLText.prepare(flaky.details, limit: text))
            try writer.endElement()
            if let out = flaky.systemOut {
                try writer.startElement("system-out")
                try writer.text(XMLText.prepare(out, limit: text))
                try writer.endElement()
            }
            try writer.endElement()
        }
        switch testCase.outcome {
        case .skipped(let message):
            try writer.startElement("skipped")
            try writer.attribute("message", XMLText.prepare(message, limit: attr))
            try writer.endElement()
        case .error(let message, let type, let details):
            try writeProblem("error", message: message, type: type, details: details, limits: limits, to: writer)
        case .passed, .failure:
            break
        }
        if let out = testCase.systemOut {
            try writer.startElement("system-out")
            try writer.text(XMLText.prepare(out, limit: text))
            try writer.endElement()
        }
        if let err = testCase.systemErr {
            try writer.startElement("system-err")
            try writer.text(XMLText.prepare(err, limit: text))
            try writer.endElement()
        }
        try writer.endElement()
    }

    private static func writeProblem(
        _ element: String, message: String, type: String, details: String, limits: JUnitLimits,
        to writer: borrowing XMLTextWriter
    ) throws(JUnitWriteError) {
        try writer.startElement(element)
        try writer.attribute("message", XMLText.prepare(message, limit: limits.maxAttributeBytes))
        try writer.attribute("type", XMLText.prepare(type, limit: limits.maxAttributeBytes))
        if !details.isEmpty {
            try writer.text(XMLText.prepare(details, limit: limits.maxTextBytes))
        }
        try writer.endElement()
    }
}
