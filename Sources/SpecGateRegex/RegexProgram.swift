/// A pattern compiled to instructions for the backtracking matcher.
struct RegexProgram: Sendable {
    /// A test of one code point.
    enum ScalarTest: Sendable {
        case scalar(UInt32)
        case any
        /// Index into `sets`.
        case set(Int)
    }

    enum Instruction: Sendable {
        /// Consumes one code point passing the test (from the left of the position when `backward`).
        case consume(ScalarTest, backward: Bool)
        /// A quantified single code-point test, run without per-iteration backtrack frames.
        case repeatScalar(ScalarTest, min: Int, max: Int, greedy: Bool, backward: Bool)
        /// Continue at `first`; on failure resume at `second`.
        case split(first: Int, second: Int)
        case jump(Int)
        /// Resets the iteration counter of `loop`.
        case loopInit(loop: Int)
        /// Decides whether to run another iteration of the loop whose body starts two instructions later.
        case loopHead(loop: Int, min: Int, max: Int, greedy: Bool, exit: Int)
        /// Starts an iteration: records the position and clears the captures `captures` inside the body.
        case loopEnter(loop: Int, captures: Range<Int>)
        /// Ends an iteration (rejecting empty iterations beyond the minimum) and jumps back to `head`.
        case loopTail(loop: Int, min: Int, head: Int)
        /// Stores the position in capture slot `slot` (2n = start of group n, 2n+1 = end).
        case save(slot: Int)
        case assertStart
        case assertEnd
        case wordBoundary(negated: Bool)
        case backreference(group: Int, backward: Bool)
        /// Runs the sub-program that follows (ending in `.match`) as an atomic assertion, then continues at `next`.
        case lookaround(negated: Bool, next: Int)
        /// Success of the (sub-)program.
        case match
    }

    var instructions: [Instruction] = []
    var sets: [ScalarSet] = []
    /// Two words per set (ASCII membership), for the matcher's fast path.
    var asciiBitmaps: [UInt64] = []
    var loopCount = 0
    /// Number of capture slots tracked (0 when the pattern has no backreference: captures are then irrelevant).
    var captureSlots = 0
    /// Only position 0 can start a match.
    var anchoredAtStart = false
    /// A test every match's first code point passes (when known), so hopeless start positions are skipped.
    var firstTest: ScalarTest?

    init(node: RegexNode, captureCount: Int) {
        let tracksCaptures = node.containsBackreference
        captureSlots = tracksCaptures ? 2 * (captureCount + 1) : 0
        anchoredAtStart = node.isAnchoredAtStart
        emit(node, backward: false)
        instructions.append(.match)
        if let leading = Self.leadingScalarNode(node) { firstTest = scalarTest(leading) }
    }

    /// The node matching the first code point of every match, when the pattern starts with one
    /// (possibly repeated at least once); nil when the first code point is not determined that simply.
    private static func leadingScalarNode(_ node: RegexNode) -> RegexNode? {
        switch node {
        case .literal, .anyExceptLineTerminator, .characterClass:
            return node
        case .sequence(let nodes):
            return nodes.first.flatMap(leadingScalarNode)
        case .group(let inner, _, _):
            return leadingScalarNode(inner)
        case .repetition(let inner, let min, _, _) where min > 0:
            return leadingScalarNode(inner)
        default:
            return nil
        }
    }

    // MARK: Compilation

    private mutating func emit(_ node: RegexNode, backward: Bool) {
        switch node {
        case .empty:
            break
        case .literal, .anyExceptLineTerminator, .characterClass:
            if let test = scalarTest(node) { instructions.append(.consume(test, backward: backward)) }
        case .sequence(let nodes):
            for child in backward ? nodes.reversed() : nodes { emit(child, backward: backward) }
        case .alternation(let nodes):
            var jumpsToEnd: [Int] = []
            for (offset, child) in nodes.enumerated() {
                if offset < nodes.count - 1 {
                    let split = instructions.count
                    instructions.append(.jump(0))  // patched to split below
                    emit(child, backward: backward)
                    jumpsToEnd.append(instructions.count)
                    instructions.append(.jump(0))
                    instructions[split] = .split(first: split + 1, second: instructions.count)
                } else {
                    emit(child, backward: backward)
                }
            }
            for index in jumpsToEnd { instructions[index] = .jump(instructions.count) }
        case .group(let inner, let index, _):
            if let index, captureSlots > 0 {
                instructions.append(.save(slot: backward ? 2 * index + 1 : 2 * index))
                emit(inner, backward: backward)
                instructions.append(.save(slot: backward ? 2 * index : 2 * index + 1))
            } else {
                emit(inner, backward: backward)
            }
        case .repetition(let inner, let min, let max, let greedy):
            emitRepetition(inner, min: min, max: max ?? Int.max, greedy: greedy, backward: backward)
        case .startAnchor:
            instructions.append(.assertStart)
        case .endAnchor:
            instructions.append(.assertEnd)
        case .wordBoundary(let negated):
            instructions.append(.wordBoundary(negated: negated))
        case .lookaround(let inner, let behind, let negated):
            let start = instructions.count
            instructions.append(.match)  // patched below
            emit(inner, backward: behind)
            instructions.append(.match)
            instructions[start] = .lookaround(negated: negated, next: instructions.count)
        case .backreference(let group):
            instructions.append(.backreference(group: group, backward: backward))
        }
    }

    private mutating func emitRepetition(_ inner: RegexNode, min: Int, max: Int, greedy: Bool, backward: Bool) {
        if max == 0 { return }
        if let test = scalarTest(inner) {
            instructions.append(.repeatScalar(test, min: min, max: max, greedy: greedy, backward: backward))
            return
        }
        let loop = loopCount
        loopCount += 1
        instructions.append(.loopInit(loop: loop))
        let head = instructions.count
        instructions.append(.jump(0))  // patched to loopHead below
        instructions.append(.loopEnter(loop: loop, captures: captureRange(of: inner)))
        emit(inner, backward: backward)
        instructions.append(.loopTail(loop: loop, min: min, head: head))
        instructions[head] = .loopHead(loop: loop, min: min, max: max, greedy: greedy, exit: instructions.count)
    }

    /// The capture slots of groups inside `node` (empty when captures are not tracked).
    private func captureRange(of node: RegexNode) -> Range<Int> {
        guard captureSlots > 0 else { return 0..<0 }
        var low = Int.max
        var high = Int.min
        func visit(_ node: RegexNode) {
            switch node {
            case .group(let inner, let index, _):
                if let index {
                    low = Swift.min(low, index)
                    high = Swift.max(high, index)
                }
                visit(inner)
            case .sequence(let nodes), .alternation(let nodes): nodes.forEach(visit)
            case .repetition(let inner, _, _, _), .lookaround(let inner, _, _): visit(inner)
            default: break
            }
        }
        visit(node)
        return low <= high ? (2 * low)..<(2 * high + 2) : 0..<0
    }

    /// A single code-point test for nodes that always consume exactly one code point (captures aside).
    private mutating func scalarTest(_ node: RegexNode) -> ScalarTest? {
        switch node {
        case .literal(let value):
            return .scalar(value)
        case .anyExceptLineTerminator:
            return .any
        case .characterClass(let characterClass):
            let set = ScalarSet(characterClass)
            sets.append(set)
            asciiBitmaps += [set.asciiLow, set.asciiHigh]
            return .set(sets.count - 1)
        case .group(let inner, let index, _) where index == nil || captureSlots == 0:
            return scalarTest(inner)
        default:
            return nil
        }
    }
}
