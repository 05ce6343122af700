import SpecGateJSON

/// Where each member of a document's arrays and objects is written: JSON pointer → line and
/// column (1-based, columns in Unicode scalars), found by a lookup instead of a re-scan.
///
/// YAML documents get theirs from the one parse that builds their value (`DocumentParser`);
/// JSON documents from one extra pass over the text, made once per document when first needed.
///
/// - An object member is located at its key, an array element where the element starts, the
///   root where the document's value starts.
/// - A YAML alias (`key: *anchor`, `- *anchor`) is located where it is written (its key, or the
///   `*`); members reached *through* an alias are located where the anchored node defines them,
///   the only place they are written. Members brought in by a `<<` merge key are located in the
///   merged mapping, after the mapping's own keys.
///
/// Compact: one entry per member (its key shares the value tree's string storage), one per
/// container; nothing per scalar.
public struct SourcePositions: Sendable {
    struct Member: Sendable {
        /// Object key; "" for array elements.
        var key: String
        var line: UInt32
        var column: UInt32
        /// Index of the member's container in `containers`, or -1 for a scalar.
        var child: Int32
        /// A YAML `<<` merge key: `child` is the merged mapping or list of mappings.
        var isMerge: Bool
    }

    struct Container: Sendable {
        var first: Int32
        var count: Int32
        var isMapping: Bool
    }

    var members: [Member] = []
    var containers: [Container] = []
    var root: Int32 = -1
    var rootLine: UInt32 = 1
    var rootColumn: UInt32 = 1

    init() {}

    /// Number of members recorded (for tests and memory estimates).
    public var memberCount: Int { members.count }

    /// Line and column where the value `pointer` names is written, or nil when the document has no
    /// such value.
    public func locate(_ pointer: JSONPointer) -> (line: Int, column: Int)? {
        guard !pointer.tokens.isEmpty else { return (Int(rootLine), Int(rootColumn)) }
        guard root >= 0, let member = find(pointer.tokens[...], in: root, depth: 0) else { return nil }
        return (Int(member.line), Int(member.column))
    }

    private func find(_ tokens: ArraySlice<String>, in index: Int32, depth: Int) -> Member? {
        // Merge keys may refer back to an enclosing mapping; aliases cannot nest without bound.
        guard let token = tokens.first, depth < 4_096, index >= 0, Int(index) < containers.count else { return nil }
        let container = containers[Int(index)]
        let range = Int(container.first)..<Int(container.first + container.count)
        if container.isMapping {
            for i in range where !members[i].isMerge && members[i].key == token {
                return descend(members[i], tokens, depth: depth)
            }
            for i in range where members[i].isMerge {
                for source in mergeSources(members[i].child) {
                    if let found = find(tokens, in: source, depth: depth + 1) { return found }
                }
            }
            return nil
        }
        guard let offset = JSONPointer.arrayIndex(token), offset < range.count else { return nil }
        return descend(members[range.lowerBound + offset], tokens, depth: depth)
    }

    private func descend(_ member: Member, _ tokens: ArraySlice<String>, depth: Int) -> Member? {
        tokens.count == 1 ? member : find(tokens.dropFirst(), in: member.child, depth: depth + 1)
    }

    private func mergeSources(_ index: Int32) -> [Int32] {
        guard index >= 0, Int(index) < containers.count else { return [] }
        let container = containers[Int(index)]
        if container.isMapping { return [index] }
        return (Int(container.first)..<Int(container.first + container.count)).map { members[$0].child }
    }

    // MARK: Building

    /// Adds a finished container whose members are `members` (in source order); returns its index.
    mutating func close(isMapping: Bool, members newMembers: [Member]) -> Int32 {
        let index = Int32(clamping: containers.count)
        containers.append(
            Container(
                first: Int32(clamping: members.count), count: Int32(clamping: newMembers.count), isMapping: isMapping))
        members.append(contentsOf: newMembers)
        return index
    }

    static func clamp(_ n: Int) -> UInt32 { UInt32(clamping: n) }
}
