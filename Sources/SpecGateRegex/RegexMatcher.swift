/// Backtracking interpreter for `RegexProgram` with an explicit backtrack stack and a step budget.
///
/// The stack lives on the heap, so input length never deepens the call stack; only lookaround nesting
/// (bounded by the pattern) recurses.
struct RegexMatcher {
    let program: RegexProgram
    let input: UnsafeBufferPointer<UInt32>
    /// Borrowed storage of `program` (avoids reference counting in the hot loop).
    let instructions: UnsafeBufferPointer<RegexProgram.Instruction>
    let sets: UnsafeBufferPointer<ScalarSet>
    /// Two words per set: membership bitmaps for code points 0..<64 and 64..<128.
    let asciiBitmaps: UnsafeBufferPointer<UInt64>
    /// Remaining steps; negative once exhausted.
    var steps: Int
    var captures: [Int]
    var counters: [Int]
    var loopStarts: [Int]

    private enum Frame {
        /// Resume at `pc` with `position`.
        case resume(pc: Int, position: Int)
        /// Greedy single code-point loop: resume at `pc` with `position`, then give back one more until `limit`.
        case giveBack(pc: Int, position: Int, limit: Int, step: Int)
        /// Lazy single code-point loop at `pc`: try one more iteration from `position` (count so far `count`).
        case takeMore(pc: Int, position: Int, count: Int)
        case restoreCapture(slot: Int, value: Int)
        case restoreCounter(loop: Int, value: Int)
        case restoreLoopStart(loop: Int, value: Int)
    }

    private enum Outcome {
        case success
        case failure
        case budgetExceeded
    }

    /// The buffers must be `program`'s own `instructions`, `sets` and `asciiBitmaps`, valid during the match.
    init(
        program: RegexProgram, instructions: UnsafeBufferPointer<RegexProgram.Instruction>,
        sets: UnsafeBufferPointer<ScalarSet>, asciiBitmaps: UnsafeBufferPointer<UInt64>,
        input: UnsafeBufferPointer<UInt32>, budget: Int
    ) {
        self.program = program
        self.instructions = instructions
        self.sets = sets
        self.asciiBitmaps = asciiBitmaps
        self.input = input
        self.steps = budget
        self.captures = Array(repeating: -1, count: program.captureSlots)
        self.counters = Array(repeating: 0, count: program.loopCount)
        self.loopStarts = Array(repeating: -1, count: program.loopCount)
    }

    /// Tries every start position (only 0 for `^`-anchored patterns).
    mutating func search() -> RegexSearchResult {
        var stack: [Frame] = []
        let lastStart = program.anchoredAtStart ? 0 : input.count
        var start = 0
        while start <= lastStart {
            if let test = program.firstTest, start == input.count || !passes(test, input[start]) {
                steps -= 1
                if steps < 0 { return .budgetExceeded }
                start += 1
                continue
            }
            stack.removeAll(keepingCapacity: true)
            for slot in captures.indices { captures[slot] = -1 }
            switch run(pc: 0, position: start, stack: &stack) {
            case .success: return .matched
            case .budgetExceeded: return .budgetExceeded
            case .failure: start += 1
            }
        }
        return .notMatched
    }

    @inline(__always)
    private func passes(_ test: RegexProgram.ScalarTest, _ value: UInt32) -> Bool {
        switch test {
        case .scalar(let expected): return value == expected
        case .any: return value != 0x0A && value != 0x0D && value != 0x2028 && value != 0x2029
        case .set(let index):
            if value < 64 { return asciiBitmaps[2 * index] & (1 << UInt64(value)) != 0 }
            if value < 128 { return asciiBitmaps[2 * index + 1] & (1 << UInt64(value - 64)) != 0 }
            return sets[index].contains(value)
        }
    }

    @inline(__always)
    private func isWordCharacter(at index: Int) -> Bool {
        guard index >= 0, index < input.count else { return false }
        let c = input[index]
        return (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F
    }

    /// Runs from `pc` until `.match` (success) or until every alternative is exhausted.
    private mutating func run(pc startPC: Int, position startPosition: Int, stack: inout [Frame]) -> Outcome {
        let base = stack.count
        var pc = startPC
        var position = startPosition
        let count = input.count
        while true {
            steps -= 1
            if steps < 0 { return .budgetExceeded }
            var failed = false
            switch instructions[pc] {
            case .consume(let test, let backward):
                if backward {
                    if position > 0, passes(test, input[position - 1]) {
                        position -= 1
                        pc += 1
                    } else {
                        failed = true
                    }
                } else if position < count, passes(test, input[position]) {
                    position += 1
                    pc += 1
                } else {
                    failed = true
                }
            case .repeatScalar(let test, let min, let max, let greedy, let backward):
                let step = backward ? -1 : 1
                var taken = 0
                let limit = greedy ? max : min
                var cursor = position
                while taken < limit {
                    let index = backward ? cursor - 1 : cursor
                    guard index >= 0, index < count, passes(test, input[index]) else { break }
                    cursor += step
                    taken += 1
                }
                // Scanning is linear, so it is charged per 16 code points: long inputs against simple
                // patterns stay within budget while total work remains bounded by 16 × budget.
                steps -= taken >> 4
                if taken < min {
                    failed = true
                } else if greedy {
                    let minimum = position + step * min
                    if cursor != minimum {
                        stack.append(.giveBack(pc: pc + 1, position: cursor - step, limit: minimum, step: step))
                    }
                    position = cursor
                    pc += 1
                } else {
                    if taken < max { stack.append(.takeMore(pc: pc, position: cursor, count: taken)) }
                    position = cursor
                    pc += 1
                }
            case .split(let first, let second):
                stack.append(.resume(pc: second, position: position))
                pc = first
            case .jump(let target):
                pc = target
            case .loopInit(let loop):
                stack.append(.restoreCounter(loop: loop, value: counters[loop]))
                stack.append(.restoreLoopStart(loop: loop, value: loopStarts[loop]))
                counters[loop] = 0
                pc += 1
            case .loopHead(let loop, let min, let max, let greedy, let exit):
                let iterations = counters[loop]
                if iterations < min {
                    pc += 1
                } else if iterations >= max {
                    pc = exit
                } else if greedy {
                    stack.append(.resume(pc: exit, position: position))
                    pc += 1
                } else {
                    stack.append(.resume(pc: pc + 1, position: position))
                    pc = exit
                }
            case .loopEnter(let loop, let slots):
                stack.append(.restoreLoopStart(loop: loop, value: loopStarts[loop]))
                loopStarts[loop] = position
                for slot in slots where captures[slot] != -1 {
                    stack.append(.restoreCapture(slot: slot, value: captures[slot]))
                    captures[slot] = -1
                }
                pc += 1
            case .loopTail(let loop, let min, let head):
                if counters[loop] >= min && position == loopStarts[loop] {
                    failed = true
                } else {
                    stack.append(.restoreCounter(loop: loop, value: counters[loop]))
                    counters[loop] += 1
                    pc = head
                }
            case .save(let slot):
                stack.append(.restoreCapture(slot: slot, value: captures[slot]))
                captures[slot] = position
                pc += 1
            case .assertStart:
                if position == 0 { pc += 1 } else { failed = true }
            case .assertEnd:
                if position == count { pc += 1 } else { failed = true }
            case .wordBoundary(let negated):
                let boundary = isWordCharacter(at: position - 1) != isWordCharacter(at: position)
                if boundary != negated { pc += 1 } else { failed = true }
            case .backreference(let group, let backward):
                let start = captures[2 * group]
                let end = captures[2 * group + 1]
                if start < 0 || end < 0 {
                    pc += 1
                } else {
                    let length = end - start
                    let from = backward ? position - length : position
                    var equal = from >= 0 && from + length <= count
                    var offset = 0
                    while equal && offset < length {
                        equal = input[from + offset] == input[start + offset]
                        offset += 1
                    }
                    steps -= length >> 4
                    if equal {
                        position = backward ? from : from + length
                        pc += 1
                    } else {
                        failed = true
                    }
                }
            case .lookaround(let negated, let next):
                let saved = captures
                var inner: [Frame] = []
                switch run(pc: pc + 1, position: position, stack: &inner) {
                case .budgetExceeded:
                    return .budgetExceeded
                case .success where !negated:
                    for slot in captures.indices where captures[slot] != saved[slot] {
                        stack.append(.restoreCapture(slot: slot, value: saved[slot]))
                    }
                    pc = next
                case .failure where negated:
                    captures = saved
                    pc = next
                default:
                    captures = saved
                    failed = true
                }
            case .match:
                return .success
            }
            guard failed else { continue }
            // Backtrack: undo state changes until a resumable frame is found.
            var resumed = false
            while !resumed {
                guard stack.count > base, let frame = stack.popLast() else { return .failure }
                switch frame {
                case .resume(let target, let at):
                    pc = target
                    position = at
                    resumed = true
                case .giveBack(let target, let at, let limit, let step):
                    if at != limit {
                        stack.append(.giveBack(pc: target, position: at - step, limit: limit, step: step))
                    }
                    pc = target
                    position = at
                    resumed = true
                case .takeMore(let repeatPC, let at, let taken):
                    guard case .repeatScalar(let test, _, let max, _, let backward) = instructions[repeatPC] else {
                        continue
                    }
                    let index = backward ? at - 1 : at
                    if index >= 0, index < count, passes(test, input[index]) {
                        let next = backward ? at - 1 : at + 1
                        if taken + 1 < max { stack.append(.takeMore(pc: repeatPC, position: next, count: taken + 1)) }
                        pc = repeatPC + 1
                        position = next
                        resumed = true
                    }
                case .restoreCapture(let slot, let value):
                    captures[slot] = value
                case .restoreCounter(let loop, let value):
                    counters[loop] = value
                case .restoreLoopStart(let loop, let value):
                    loopStarts[loop] = value
                }
            }
        }
    }
}
