import Foundation
import SpecGateCore

/// Reads and writes baseline files and JSON reports, and knows today's date (UTC).
public enum BaselineFile {
    /// Where `baseline accept` writes by default: `baseline.yaml` next to the suite file.
    public static func defaultPath(forSuite suitePath: String) -> String {
        let directory = URL(fileURLWithPath: suitePath).deletingLastPathComponent().path
        return directory + "/baseline.yaml"
    }

    public static func load(_ path: String) throws(RunError) -> Baseline {
        let bytes = try read(path, what: "baseline")
        do {
            return try Baseline.parse(bytes, file: path)
        } catch {
            throw RunError(error.description)
        }
    }

    public static func write(_ baseline: Baseline, to path: String) throws(RunError) {
        do {
            let text = try baseline.yaml()
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RunError("cannot write baseline \(path): \(error)")
        }
    }

    /// A JSON report read back.
    public static func loadReport(_ path: String) throws(RunError) -> RunReport {
        let bytes = try read(path, what: "report")
        do {
            return try RunReportJSONDecoder(file: path).decode(bytes: bytes)
        } catch {
            throw RunError(error.description)
        }
    }

    static func read(_ path: String, what: String) throws(RunError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError("cannot read \(what) \(path)")
        }
        return [UInt8](data)
    }

    /// Today as YYYY-MM-DD (UTC).
    public static func today(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
