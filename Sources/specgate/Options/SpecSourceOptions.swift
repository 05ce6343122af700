import ArgumentParser
import Foundation
import SpecGateCore
import SpecGateHTTP

/// How a spec given by URL is fetched (every command that takes a spec or suite).
struct SpecSourceOptions: ParsableArguments {
    @Option(
        name: .customLong("spec-header"),
        help:
            "Header sent when fetching a spec given by URL, as 'Name: value' (repeatable); values are masked in all output."
    )
    var specHeaders: [String] = []

    @Option(name: .customLong("max-spec-bytes"), help: "Largest spec (all its fetched documents together) in bytes.")
    var maxSpecBytes: Int = 50 << 20

    @Option(
        name: .customLong("spec-timeout"), help: "Seconds allowed for fetching one document of a spec given by URL.")
    var specTimeout: Double = 30

    func validate() throws {
        for header in specHeaders where SpecSourceOptions.parse(header) == nil {
            throw ValidationError("--spec-header must be 'Name: value' (the value is not shown here)")
        }
        guard maxSpecBytes >= 1 else { throw ValidationError("--max-spec-bytes must be at least 1") }
        guard specTimeout > 0 else { throw ValidationError("--spec-timeout must be positive") }
    }

    /// The fetch options, with `caCertificatePath` for commands that have `--ca-cert`.
    func fetchOptions(caCertificatePath: String? = nil) -> SpecFetcher.Options {
        SpecFetcher.Options(
            headers: specHeaders.compactMap(SpecSourceOptions.parse), caCertificatePath: caCertificatePath,
            maxBytes: maxSpecBytes, timeout: .milliseconds(Int64(specTimeout * 1000)))
    }

    /// `Name: value` → the header; nil without a colon or name.
    static func parse(_ text: String) -> HeaderField? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return HeaderField(name: name, value: text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}

/// `--server-var name=value` (run, plan, compare, init).
struct ServerVariableOptions: ParsableArguments {
    @Option(
        name: .customLong("server-var"),
        help: "Value for a variable of the spec's first server, as name=value (repeatable); others take their defaults."
    )
    var serverVars: [String] = []

    func validate() throws {
        for item in serverVars where !item.contains("=") || item.hasPrefix("=") {
            throw ValidationError("--server-var must be name=value, not \(item)")
        }
    }

    var variables: [String: String] {
        var out: [String: String] = [:]
        for item in serverVars {
            guard let equals = item.firstIndex(of: "=") else { continue }
            out[String(item[..<equals])] = String(item[item.index(after: equals)...])
        }
        return out
    }
}
