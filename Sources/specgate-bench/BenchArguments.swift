/// Wrong command-line use of `specgate-bench`.
struct BenchUsageError: Error, Sendable {
    let message: String
}

/// `--name value` options of a subcommand.
struct BenchArguments: Sendable {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws(BenchUsageError) {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--"), name.count > 2 else {
                throw BenchUsageError(message: "unexpected argument \(name)")
            }
            guard index + 1 < arguments.count else { throw BenchUsageError(message: "\(name) needs a value") }
            values[String(name.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
    }

    /// The value of a required option.
    func string(_ name: String) throws(BenchUsageError) -> String {
        guard let value = values[name] else { throw BenchUsageError(message: "--\(name) is required") }
        return value
    }

    /// The value of an optional option.
    func string(_ name: String, default fallback: String) -> String { values[name] ?? fallback }

    /// A positive integer option.
    func int(_ name: String, default fallback: Int) throws(BenchUsageError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else {
            throw BenchUsageError(message: "--\(name) must be a positive integer")
        }
        return value
    }

    /// A positive number option.
    func double(_ name: String, default fallback: Double) throws(BenchUsageError) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text), value > 0 else {
            throw BenchUsageError(message: "--\(name) must be a positive number")
        }
        return value
    }
}
