import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate suggest`: an OpenAPI Overlay 1.0 document repairing the spec for spec-shaped findings.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Write an OpenAPI Overlay 1.0 document that makes the spec describe what a report observed.",
        discussion: """
            Only spec-shaped findings get an action (undocumented status with the observed body's shape, an enum \
            or type widened, a property or header made optional); each action's description holds the evidence. \
            Behaviour findings (5xx, invalid input accepted, auth ignored, state, transport) are refused with the \
            reason. Exits 0 when an overlay was written, 1 when no finding could be turned into an action (nothing \
            written), 2 when the report cannot be read or the overlay cannot be written.
            """
    )

    @Argument(help: "A JSON report written by `specgate run` or `specgate merge`.")
    var report: String

    @Option(name: [.short, .long], help: "Where to write the overlay (YAML).")
    var output: String

    func run() throws {
        let loaded = try BaselineFile.loadReport(report)
        let suggestion = OverlaySuggester.suggest(loaded)
        StandardError.write(lines: SuggestWriter.refusalLines(suggestion))
        guard suggestion.actionCount > 0 else {
            throw CommandFailure(
                .findings,
                [
                    .error(
                        "suggest.nothing", "no finding in \(report) is the spec's to repair; nothing written",
                        at: .init(file: report))
                ])
        }
        try SuggestWriter.write(suggestion, toPath: output)
        print(
            "overlay: \(output) (\(suggestion.actionCount) action\(suggestion.actionCount == 1 ? "" : "s"), \(suggestion.refusals.count) finding\(suggestion.refusals.count == 1 ? "" : "s") refused)"
        )
    }
}
