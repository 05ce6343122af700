import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner

/// `specgate diff OLD NEW`: contract changes between two versions of a spec, breaking or not.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the contract changes between two specs or suites, each breaking or non-breaking for clients.",
        discussion: """
            Suites are loaded with their overlays and include/exclude. Operations match by method and path \
            template; schemas are compared structurally, $refs followed (recursive schemas included). \
            In requests, narrowing what is accepted is breaking; in responses, widening what may be sent is \
            breaking (strict clients). Exit codes: 0 (also with changes), 1 with --fail-on-breaking when a \
            breaking change exists, 2 when a spec cannot be loaded.
            """
    )

    @Argument(help: "The older spec or suite.")
    var old: String

    @Argument(help: "The newer spec or suite.")
    var new: String

    @Option(name: .customLong("json"), help: "Also write the changes as JSON to this file.")
    var jsonFile: String?

    @Flag(name: .customLong("fail-on-breaking"), help: "Exit 1 when a breaking change exists.")
    var failOnBreaking = false

    @OptionGroup var source: SpecSourceOptions

    func run() async throws {
        let before = try await SpecCommandOutput.load(old, source: source)
        let after = try await SpecCommandOutput.load(new, source: source)
        let report = DiffReport(
            changes: SpecDiff(old: before.spec, new: after.spec).changes(), oldName: old, newName: new)
        for line in report.lines { print(line) }
        print(report.summary)
        if let jsonFile {
            do {
                try SpecCommandOutput.write(JSONWriter(pretty: true).string(report.json) + "\n", to: jsonFile)
            } catch {
                throw CommandFailure.cannotWrite(jsonFile, error)
            }
        }
        if failOnBreaking && report.breakingCount > 0 { throw CommandFailure.findings }
    }
}
