import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateJSON
import SpecGateRunner

/// `specgate bundle`: the spec as a suite sees it, in one self-contained file.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract:
            "Write the spec as a suite sees it (overlays applied, selected operations, external files merged) as one document.",
        discussion:
            "References to other files become local references into `components`. The output loads again with lint, list and run."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, yaml
    }

    @Argument(help: "A suite file (or an OpenAPI document).")
    var target: String

    @Option(name: [.short, .customLong("output")], help: "The file to write.")
    var output: String

    @Option(help: "json or yaml (default: from the output file's extension).")
    var format: Format?

    @OptionGroup var source: SpecSourceOptions

    func run() async throws {
        let loaded = try await SpecCommandOutput.load(target, source: source)
        let bundled = SpecBundler().bundle(
            documents: loaded.documents.store, rootURI: loaded.documents.rootURI,
            keeping: loaded.suite == nil ? nil : loaded.spec.operations)
        let chosen = format ?? (output.hasSuffix(".yaml") || output.hasSuffix(".yml") ? .yaml : .json)
        do {
            let text =
                chosen == .json ? JSONWriter(pretty: true).string(bundled) + "\n" : try YAMLWriter().string(bundled)
            try SpecCommandOutput.write(text, to: output)
        } catch {
            throw CommandFailure.cannotWrite(output, error)
        }
        print("wrote \(output) (\(loaded.spec.operations.count) operations)")
    }
}
