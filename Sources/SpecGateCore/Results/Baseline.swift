import SpecGateJSON

/// Accepted findings (by fingerprint) that do not fail a run: a YAML file kept next to the suite.
///
/// ```yaml
/// specgateBaseline: 1
/// findings:
///   - fingerprint: 3f2a…
///     operation: BookingsController_create
///     check: response_schema_conformance
///     message: …
///     reason: tracked in CAL-123
///     expires: "2026-12-31"
///     accepted: "2026-11-25"
/// ```
public struct Baseline: Sendable, Hashable {
    public static let formatVersion = 1

    public var entries: [BaselineEntry]

    public init(entries: [BaselineEntry] = []) {
        self.entries = entries
    }

    /// A baseline accepting every finding of `report`; entries of `existing` not in the report are kept.
    public static func accepting(
        _ report: RunReport, reason: String?, expires: String?, today: String, existing: Baseline = Baseline()
    ) -> Baseline {
        var entries = existing.entries
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { index[entry.fingerprint] = i }
        for finding in report.findings {
            let entry = BaselineEntry(
                fingerprint: finding.fingerprint, operation: finding.operationID, check: finding.check,
                message: finding.message, reason: reason, expires: expires, accepted: today)
            if let i = index[finding.fingerprint] {
                entries[i] = entry
            } else {
                index[finding.fingerprint] = entries.count
                entries.append(entry)
            }
        }
        return Baseline(entries: entries)
    }

    /// `report` with its findings compared against the baseline: accepted, unexpired ones are marked
    /// baselined; entries not seen are listed as fixed; expired entries are listed and suppress nothing.
    public func apply(to report: RunReport, path: String, today: String) -> RunReport {
        var report = report
        var active: Set<String> = []
        var expired: [BaselineEntry] = []
        for entry in entries {
            if entry.isExpired(today: today) { expired.append(entry) } else { active.insert(entry.fingerprint) }
        }
        var baselined: [String] = []
        var seen: Set<String> = []
        for i in report.findings.indices {
            let fingerprint = report.findings[i].fingerprint
            seen.insert(fingerprint)
            if active.contains(fingerprint) {
                report.findings[i].baselined = true
                baselined.append(fingerprint)
            }
        }
        let fixed = entries.filter { !seen.contains($0.fingerprint) }
        report.baseline = BaselineComparison(path: path, baselined: baselined, fixed: fixed, expired: expired)
        return report
    }

    // MARK: YAML

    /// The baseline as YAML text.
    public func yaml() throws(YAMLWriter.EmitError) -> String {
        var root = JSONObject()
        root["specgateBaseline"] = .number(JSONNumber(Baseline.formatVersion))
        root["findings"] = .array(entries.map(Baseline.encode))
        return try YAMLWriter().string(.object(root))
    }

    static func encode(_ entry: BaselineEntry) -> JSONValue {
        var o = JSONObject()
        o["fingerprint"] = .string(entry.fingerprint)
        o["operation"] = .string(entry.operation)
        o["check"] = .string(entry.check)
        o["message"] = .string(entry.message)
        if let reason = entry.reason { o["reason"] = .string(reason) }
        if let expires = entry.expires { o["expires"] = .string(expires) }
        o["accepted"] = .string(entry.accepted)
        return .object(o)
    }

    /// Parses a baseline file's bytes; errors name the file and the JSON pointer of the bad value.
    public static func parse(_ bytes: [UInt8], file: String) throws(SpecLoadError) -> Baseline {
        let uri = URIReference.fileURI(forPath: file)
        let value = try DocumentParser.parse(bytes, uri: uri)
        func fail(_ pointer: JSONPointer, _ message: String) -> SpecLoadError {
            SpecLoadError(uri: uri, pointer: pointer, message: message).locating(in: bytes, uri: uri)
        }
        guard let root = value.objectValue else { throw fail(.root, "a baseline is a mapping with `findings`") }
        guard root["specgateBaseline"]?.intValue == formatVersion else {
            throw fail(JSONPointer.root.appending("specgateBaseline"), "expected `specgateBaseline: \(formatVersion)`")
        }
        let listPointer = JSONPointer.root.appending("findings")
        guard let list = root["findings"]?.arrayValue ?? (root["findings"]?.isNull == true ? [] : nil) else {
            throw fail(listPointer, "`findings` must be a list")
        }
        var entries: [BaselineEntry] = []
        for (i, item) in list.enumerated() {
            let pointer = listPointer.appending(i)
            guard let o = item.objectValue else { throw fail(pointer, "a baseline entry is a mapping") }
            func text(_ key: String, required: Bool) throws(SpecLoadError) -> String? {
                guard let v = o[key], !v.isNull else {
                    if required { throw fail(pointer, "missing `\(key)`") }
                    return nil
                }
                switch v {
                case .string(let s): return s
                case .number(let n): return n.description
                default: throw fail(pointer.appending(key), "`\(key)` must be a string")
                }
            }
            let expires = try text("expires", required: false)
            if let expires, !isDate(expires) {
                throw fail(pointer.appending("expires"), "`expires` must be a date YYYY-MM-DD, not \"\(expires)\"")
            }
            entries.append(
                BaselineEntry(
                    fingerprint: try text("fingerprint", required: true) ?? "",
                    operation: try text("operation", required: false) ?? "",
                    check: try text("check", required: false) ?? "",
                    message: try text("message", required: false) ?? "",
                    reason: try text("reason", required: false), expires: expires,
                    accepted: try text("accepted", required: false) ?? ""))
        }
        return Baseline(entries: entries)
    }

    /// True for "YYYY-MM-DD".
    public static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        let digits = bytes.enumerated().filter { $0.offset != 4 && $0.offset != 7 }.map(\.element)
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let month = Int(text.dropFirst(5).prefix(2)) ?? 0
        let day = Int(text.dropFirst(8)) ?? 0
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
