import Foundation
import SpecGateFuzzTargets

#if LIBFUZZER
    import CLibFuzzer
#endif

/// `specgate-fuzz <target> [inputs or libFuzzer options…]`.
///
/// Built normally, it replays input files (or every file of input folders) through a fuzz target
/// and exits 1 if any input breaks an invariant — the way to reproduce a crash with a plain debug
/// build. Built by `make fuzz` (`-sanitize=fuzzer -DLIBFUZZER`), it hands the remaining arguments
/// to libFuzzer, which mutates the corpus folders given and stops at the first crash or broken
/// invariant (saving the input as `crash-…`).
@main
struct SpecGateFuzz {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(
                Data("usage: specgate-fuzz <\(names)> [inputs or libFuzzer options…]\n".utf8))
            exit(2)
        }
        #if LIBFUZZER
            _ = selected
            let driverArguments = [arguments[0]] + arguments.dropFirst(2)
            var cStrings: [UnsafeMutablePointer<CChar>?] = driverArguments.map { strdup($0) } + [nil]
            var argc = CInt(driverArguments.count)
            let status = cStrings.withUnsafeMutableBufferPointer { buffer in
                var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
                return LLVMFuzzerRunDriver(&argc, &argv) { data, size in LLVMFuzzerTestOneInput(data, size) }
            }
            exit(status)
        #else
            exit(replay(target, paths: Array(arguments.dropFirst(2))))
        #endif
    }

    /// Runs every input under `paths` through `target`; 0 when all pass, 1 otherwise.
    static func replay(_ target: FuzzTarget, paths: [String]) -> Int32 {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("\(path): no such file\n".utf8))
                return 2
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        var failed = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let problems = target.run([UInt8](data), context: context)
            if !problems.isEmpty {
                failed += 1
                print("\(file): " + problems.joined(separator: "; "))
            }
        }
        print("\(target.rawValue): \(files.count) inputs, \(failed) failed")
        return failed == 0 ? 0 : 1
    }
}

/// Where junit-10.xsd is: `SPECGATE_JUNIT_XSD`, else `shared/reference` above the package.
let context = FuzzContext(
    junitXSDPath: ProcessInfo.processInfo.environment["SPECGATE_JUNIT_XSD"] ?? FuzzContext.findJUnitXSD(from: #filePath)
)

#if LIBFUZZER
    /// The target named by the first argument (libFuzzer's callback has no context parameter).
    let selected: FuzzTarget =
        FuzzTarget(rawValue: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "") ?? .json

    /// libFuzzer's entry point: a broken invariant stops the run like a crash, keeping the input.
    @_cdecl("LLVMFuzzerTestOneInput")
    func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let problems = selected.run(input, context: context)
        if !problems.isEmpty { fatalError("specgate-fuzz \(selected.rawValue): " + problems.joined(separator: "; ")) }
        return 0
    }
#endif
