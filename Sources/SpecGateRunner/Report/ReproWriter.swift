import Foundation
import SpecGateCore
import SpecGateJSON

/// A repro file format for `run --export`.
public enum ReproFormat: String, Sendable, CaseIterable {
    /// `failures.http`: JetBrains HTTP Client / VS Code REST Client requests.
    case http
    /// `failures.har`: HAR 1.2.
    case har

    public var fileName: String { "failures." + rawValue }
}

/// Writes the failing exchanges of a report as repro files (`ReproExport`), masked once more.
public enum ReproWriter {
    /// The file's text.
    public static func render(_ report: RunReport, as format: ReproFormat, masker: SecretMasker = SecretMasker())
        -> String
    {
        switch format {
        case .http: return masker.mask(ReproExport.httpFile(report))
        case .har:
            return masker.mask(JSONWriter.pretty(ReproExport.har(report, creatorVersion: report.toolVersion))) + "\n"
        }
    }

    /// Writes `format` into `folder` (created); returns the path.
    public static func write(
        _ report: RunReport, as format: ReproFormat, folder: String, masker: SecretMasker = SecretMasker()
    ) throws(RunError) -> String {
        let path = (folder.isEmpty ? "." : folder) + "/" + format.fileName
        do {
            try ReportWriter.createParent(of: path)
            try Data(render(report, as: format, masker: masker).utf8).write(
                to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RunError("cannot write \(path): \(error)")
        }
        return path
    }
}
