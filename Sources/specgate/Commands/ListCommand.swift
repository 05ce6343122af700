import ArgumentParser
import SpecGateCore
import SpecGateJSON
import SpecGateRunner

/// `specgate list`: the operations of a spec or suite, one per row.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the operations of an OpenAPI document or a suite (after its include/exclude filter)."
    )

    @Argument(help: "An OpenAPI document (.json/.yaml file or http(s) URL) or a suite file.")
    var target: String

    @OptionGroup var source: SpecSourceOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let loaded = try await SpecCommandOutput.load(target, source: source)
        let rows = loaded.spec.operations.map(OperationRow.init)
        if json {
            print(JSONWriter(pretty: true).string(.array(rows.map(\.json))))
        } else {
            print(OperationRow.table(rows))
        }
    }
}

/// One operation as `list` shows it.
struct OperationRow {
    var method: String
    var path: String
    var operationID: String
    var tags: [String]
    var requiredHeaders: [String]
    var hasBody: Bool
    var statuses: [String]

    init(_ operation: Operation) {
        method = operation.method.wireName
        path = operation.path
        operationID = operation.operationId ?? ""
        tags = operation.tags
        requiredHeaders = operation.parameters(in: .header).filter(\.required).map(\.name)
        hasBody = operation.requestBody != nil
        statuses = operation.responses.map(\.status.description)
    }

    var cells: [String] {
        [
            method, path, operationID, tags.joined(separator: ","), requiredHeaders.joined(separator: ","),
            hasBody ? "yes" : "no",
            statuses.joined(separator: ","),
        ]
    }

    var json: JSONValue {
        [
            "method": .string(method), "path": .string(path), "operationId": .string(operationID),
            "tags": .array(tags.map(JSONValue.string)),
            "requiredHeaders": .array(requiredHeaders.map(JSONValue.string)),
            "body": .bool(hasBody), "statuses": .array(statuses.map(JSONValue.string)),
        ]
    }

    static let headings = ["METHOD", "PATH", "OPERATION ID", "TAG", "REQUIRED HEADERS", "BODY", "STATUSES"]

    /// Left-aligned columns separated by two spaces, with a heading row.
    static func table(_ rows: [OperationRow]) -> String {
        let all = [headings] + rows.map(\.cells)
        var widths = [Int](repeating: 0, count: headings.count)
        for cells in all {
            for (i, cell) in cells.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return all.map { cells in
            var line = ""
            for (i, cell) in cells.enumerated() {
                line += i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            return line
        }.joined(separator: "\n")
    }
}
