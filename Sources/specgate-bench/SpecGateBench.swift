import Foundation

/// `specgate-bench`: the Swift side of `make bench`. Each subcommand measures one figure and prints
/// one JSON object per line on standard output; `Tests/Bench/figures.py` collects the lines and
/// `Tests/Bench/report.py` turns them into `reports/bench/latest.md` and `latest.json`.
///
/// Timing uses `ContinuousClock`. A subcommand that cannot measure (missing file, load error)
/// writes the reason to standard error and exits 1; the harness then reports the figure as not measured.
@main
struct SpecGateBench {
    static let usage = """
        usage: specgate-bench <subcommand> [options]
          load     --path FILE [--runs N] [--label NAME]
                   load, resolve and model a spec or suite N times; median, min, max in ms
          parse    --path FILE [--runs N] [--label NAME]
                   parse one JSON or YAML file into its value tree (with its position index) N times
          validate --path FILE --schema NAME --set NAME --payloads FILE.jsonl --bundle-out FILE.json [--min-seconds S]
                   write the schema NAME of the loaded spec as one self-contained document, then validate
                   every payload against it with SchemaCompiler/CompiledSchema; instances per second
          generate --path FILE [--seeds N]
                   generate every operation's cases (valid + invalid) for N seeds; cases per second and
                   the per-operation median
        """

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let subcommand = arguments.first else {
            fail(usage, code: 2)
        }
        do {
            let options = try BenchArguments(Array(arguments.dropFirst()))
            let result: BenchLine
            switch subcommand {
            case "load": result = try LoadBenchmark(options).run()
            case "parse": result = try ParseBenchmark(options).run()
            case "validate": result = try ValidateBenchmark(options).run()
            case "generate": result = try await GenerateBenchmark(options).run()
            case "-h", "--help", "help":
                print(usage)
                return
            default: fail("unknown subcommand \(subcommand)\n" + usage, code: 2)
            }
            result.print()
        } catch let error as BenchUsageError {
            fail("error: \(error.message)\n" + usage, code: 2)
        } catch {
            fail("error: \(error)", code: 1)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(code)
    }
}
