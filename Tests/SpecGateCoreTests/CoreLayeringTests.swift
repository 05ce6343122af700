import Foundation
import SpecGateTestSupport
import Testing

/// Core's folders form layers, declared in the README's "Core layers" table, lowest first: a folder may
/// use types declared in the folders listed before it (and its own), never in those after it.
///
/// The check is textual and honest about it: a type belongs to the folder whose file declares it at the
/// top level (`struct`, `enum`, `class`, `actor`, `protocol`, `typealias`); a file uses a type when the
/// type's name appears in its code outside comments and string literals.
@Suite struct CoreLayeringTests {
    /// One source file: its Core folder (`Check` for `Check/Checks/X.swift`), relative path and text.
    struct SourceFile {
        var folder: String
        var path: String
        var text: String
    }

    @Test func noCoreFolderUsesAFolderDeclaredAfterIt() throws {
        let order = try Self.declaredOrder()
        let files = try Self.coreFiles()
        #expect(
            Set(files.map(\.folder)) == Set(order),
            "every Core folder is in the README's Core layers table, and only those")
        let violations = Self.upwardUses(files, order: order)
        #expect(violations.isEmpty, "upward dependencies:\n\(violations.joined(separator: "\n"))")
    }

    @Test func anUpwardUseIsFound() {
        let files = [
            SourceFile(
                folder: "Model", path: "Model/A.swift", text: "public struct Alpha {\n    var b: Beta  // a Beta\n}\n"),
            SourceFile(
                folder: "Check", path: "Check/B.swift", text: "struct Beta { var a: Alpha; let s = \"Gamma\" }\n"),
        ]
        #expect(Self.upwardUses(files, order: ["Model", "Check"]) == ["Model/A.swift uses Beta (Check)"])
        #expect(Self.upwardUses(files, order: ["Check", "Model"]) == ["Check/B.swift uses Alpha (Model)"])
    }

    /// `Folder/File.swift uses Type (Folder)` for each file that names a type of a later folder.
    static func upwardUses(_ files: [SourceFile], order: [String]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var owner: [String: String] = [:]
        for file in files {
            for name in declaredTypes(file.text) where owner[name] == nil { owner[name] = file.folder }
        }
        var out: [String] = []
        for file in files {
            guard let mine = rank[file.folder] else { continue }
            var reported: Set<String> = []
            for name in identifiers(code(file.text)) {
                guard let folder = owner[name], let theirs = rank[folder], theirs > mine, reported.insert(name).inserted
                else { continue }
                out.append("\(file.path) uses \(name) (\(folder))")
            }
        }
        return out
    }

    /// Names declared at the top level (unindented) of a file.
    static func declaredTypes(_ text: String) -> [String] {
        let modifiers: Set<String> = ["public", "internal", "package", "fileprivate", "private", "final", "indirect"]
        let kinds: Set<String> = ["struct", "enum", "class", "actor", "protocol", "typealias"]
        var names: [String] = []
        for line in text.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
            var words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "=" })[
                ...]
            while let first = words.first, modifiers.contains(String(first)) { words = words.dropFirst() }
            guard let kind = words.first, kinds.contains(String(kind)), let name = words.dropFirst().first else {
                continue
            }
            names.append(String(name))
        }
        return names
    }

    /// The text without `//` comments and string literals (one-line strings; good enough for names).
    static func code(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var inString = false
            var escaped = false
            var previous: Character = " "
            for c in line {
                if inString {
                    if escaped {
                        escaped = false
                    } else if c == "\\" {
                        escaped = true
                    } else if c == "\"" {
                        inString = false
                    }
                } else if c == "\"" {
                    inString = true
                } else if c == "/" && previous == "/" {
                    out.removeLast()
                    break
                } else {
                    out.append(c)
                }
                previous = c
            }
            out.append("\n")
        }
        return out
    }

    static func identifiers(_ code: String) -> [String] {
        var names: [String] = []
        var current = ""
        for c in code {
            if c.isLetter || c.isNumber || c == "_" {
                current.append(c)
            } else {
                if let first = current.first, first.isUppercase { names.append(current) }
                current = ""
            }
        }
        return names
    }

    /// Folder names from the README's "Core layers" table (rows starting with `` | `Folder/` ``), in order.
    static func declaredOrder() throws -> [String] {
        let readme = try String(contentsOfFile: PackageRoot.path("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "### Core layers") else { return [] }
        var order: [String] = []
        for line in readme[start.upperBound...].split(separator: "\n").dropFirst() {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "/") else { continue }
            order.append(String(line[line.index(line.startIndex, offsetBy: 3)..<end]))
        }
        return order
    }

    static func coreFiles() throws -> [SourceFile] {
        let root = PackageRoot.url("Sources/SpecGateCore")
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: root.path) else { return [] }
        var files: [SourceFile] = []
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            guard let slash = relative.firstIndex(of: "/") else { continue }
            let text = try String(contentsOfFile: root.appendingPathComponent(relative).path, encoding: .utf8)
            files.append(SourceFile(folder: String(relative[..<slash]), path: relative, text: text))
        }
        return files.sorted { $0.path < $1.path }
    }
}
