import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateRunner

/// `specgate init`: a new suite folder for an OpenAPI document, linted, with the next steps.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new suite folder (suite.yaml, empty overlay.yaml) for an OpenAPI document and lint it.",
        discussion: """
            The suite takes its base URL from servers[0], its auth from the security schemes (or from required \
            credential header parameters), fixed headers every operation requires with one value, and every tag. \
            The spec is referenced by relative path (--copy copies it). Exit codes: 0 written (whatever lint \
            finds), 2 the spec cannot be loaded or the folder exists (without --force).
            """
    )

    @Argument(help: "The OpenAPI document (.json/.yaml file or http(s) URL).")
    var spec: String

    @Option(help: "Suite name (default: from the spec's info.title).")
    var name: String?

    @Option(help: "Folder to write (default: specs/<name>).")
    var dir: String?

    @Flag(help: "Write into an existing folder.")
    var force = false

    @Flag(help: "Copy the spec into the folder instead of referencing it.")
    var copy = false

    @OptionGroup var source: SpecSourceOptions

    @OptionGroup var servers: ServerVariableOptions

    func run() async throws {
        var options = InitOptions(specPath: spec, name: name, directory: dir, force: force, copy: copy)
        options.serverVariables = servers.variables
        options.specFetch = source.fetchOptions()
        let result = try await SuiteInitializer.initializeFetching(options)
        let draft = result.draft
        print("wrote \(result.suitePath) and \(result.overlayPath) (spec: \(result.specReference))")
        if let auth = draft.auth {
            print("auth: \(auth.type.rawValue) from $\(auth.env) (\(draft.authOrigin ?? "spec"))")
        } else {
            print("auth: none declared by the spec")
        }
        if !draft.headers.isEmpty {
            print("fixed headers: \(draft.headers.map { "\($0.name): \($0.value)" }.joined(separator: ", "))")
        }
        if let baseURL = draft.baseURL {
            print("base URL: \(baseURL)")
        } else if let relative = draft.unusableServer {
            print(
                "base URL: the spec's server \(relative) is not an absolute URL (a relative one is relative to where the spec is served); "
                    + "set baseURL in the suite or pass --base-url to run, e.g. --base-url \(ServerURL.exampleBaseURL(forRelative: relative))"
            )
        } else {
            print("base URL: none in the spec (pass --base-url)")
        }
        let infos = result.findings.count - result.errorCount - result.warningCount
        print(
            "lint: \(result.errorCount) errors, \(result.warningCount) warnings" + (infos > 0 ? ", \(infos) infos" : "")
        )
        print("next steps:")
        print("  specgate lint \(result.suitePath)      # each finding; repair the spec in \(result.overlayPath)")
        print("  specgate plan \(result.suitePath)      # the generated cases as curl commands, nothing sent")
        let env = draft.auth.map { "\($0.env)=… " } ?? ""
        print("  \(env)specgate run \(result.suitePath) --base-url \(draft.baseURL ?? "https://staging.example.com")")
    }
}
