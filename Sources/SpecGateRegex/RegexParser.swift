/// Recursive-descent parser for ECMA-262 patterns with `u` flag semantics (no other flags).
///
/// Recursion depth follows group nesting in the pattern, not the input.
struct RegexParser {
    /// What the parser produced besides the tree.
    struct Result: Sendable {
        var node: RegexNode
        var captureCount: Int
        var approximations: [String]
    }

    private let pattern: String
    private let chars: [UInt32]
    private var position = 0
    private var captureCount = 0
    private var definedNames: Set<String> = []
    private var approximations: [String] = []
    /// From a pre-scan: the total number of capturing groups and the number of each named group.
    private let totalCaptures: Int
    private let namedCaptures: [String: Int]
    /// Limits nesting so hostile patterns cannot overflow the stack.
    private var depth = 0
    private static let maxDepth = 250

    init(_ pattern: String) {
        self.pattern = pattern
        let chars = pattern.unicodeScalars.map(\.value)
        self.chars = chars
        (totalCaptures, namedCaptures) = Self.prescan(chars)
    }

    mutating func parse() throws(RegexSyntaxError) -> Result {
        let node = try parseDisjunction()
        if position < chars.count {
            throw error("unmatched ')'")
        }
        return Result(node: node, captureCount: captureCount, approximations: approximations)
    }

    // MARK: Grammar

    private mutating func parseDisjunction() throws(RegexSyntaxError) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error("pattern nested too deeply") }
        var alternatives = [try parseAlternative()]
        while peek() == 0x7C {  // |
            position += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(RegexSyntaxError) -> RegexNode {
        var terms: [RegexNode] = []
        while let c = peek(), c != 0x7C, c != 0x29 {  // | )
            terms.append(try parseTerm())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .sequence(terms)
        }
    }

    private mutating func parseTerm() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        switch chars[position] {
        case 0x5E:  // ^
            position += 1
            try rejectQuantifier()
            return .startAnchor
        case 0x24:  // $
            position += 1
            try rejectQuantifier()
            return .endAnchor
        case 0x5C where peek(1) == 0x62 || peek(1) == 0x42:  // \b \B
            let negated = peek(1) == 0x42
            position += 2
            try rejectQuantifier()
            return .wordBoundary(negated: negated)
        case 0x28 where peek(1) == 0x3F:  // (?
            let lookaround: (behind: Bool, negated: Bool)?
            switch (peek(2), peek(3)) {
            case (0x3D, _): lookaround = (false, false)  // (?=
            case (0x21, _): lookaround = (false, true)  // (?!
            case (0x3C, 0x3D): lookaround = (true, false)  // (?<=
            case (0x3C, 0x21): lookaround = (true, true)  // (?<!
            default: lookaround = nil
            }
            if let lookaround {
                position += lookaround.behind ? 4 : 3
                let body = try parseDisjunction()
                try expectClosingParen(openedAt: start)
                try rejectQuantifier()
                return .lookaround(body, behind: lookaround.behind, negated: lookaround.negated)
            }
        default:
            break
        }
        let atom = try parseAtom()
        return try parseQuantifier(applyingTo: atom)
    }

    private mutating func parseQuantifier(applyingTo atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        guard let c = peek() else { return atom }
        let bounds: (min: Int, max: Int?)
        let start = position
        switch c {
        case 0x2A:
            bounds = (0, nil)
            position += 1  // *
        case 0x2B:
            bounds = (1, nil)
            position += 1  // +
        case 0x3F:
            bounds = (0, 1)
            position += 1  // ?
        case 0x7B:  // {
            guard let braces = scanBraceQuantifier() else { throw error("incomplete quantifier or lone '{'") }
            if let max = braces.max, max < braces.min {
                throw error("numbers out of order in {} quantifier", at: start)
            }
            bounds = (braces.min, braces.max)
        default:
            return atom
        }
        var greedy = true
        if peek() == 0x3F {
            greedy = false
            position += 1
        }
        return .repetition(atom, min: bounds.min, max: bounds.max, greedy: greedy)
    }

    /// Parses `{n}`, `{n,}`, `{n,m}` at the current position, advancing past it; nil (not advancing) if malformed.
    private mutating func scanBraceQuantifier() -> (min: Int, max: Int?)? {
        var cursor = position + 1
        guard let min = scanDecimal(&cursor) else { return nil }
        var max: Int? = min
        if cursor < chars.count, chars[cursor] == 0x2C {  // ,
            cursor += 1
            max = scanDecimal(&cursor)
        }
        guard cursor < chars.count, chars[cursor] == 0x7D else { return nil }
        position = cursor + 1
        return (min, max)
    }

    /// Reads decimal digits, saturating at `Int32.max`.
    private func scanDecimal(_ cursor: inout Int) -> Int? {
        var value: Int?
        while cursor < chars.count, let digit = Self.decimalValue(chars[cursor]) {
            value = Swift.min((value ?? 0) * 10 + digit, Int(Int32.max))
            cursor += 1
        }
        return value
    }

    private mutating func rejectQuantifier() throws(RegexSyntaxError) {
        guard let c = peek() else { return }
        if c == 0x2A || c == 0x2B || c == 0x3F { throw error("nothing to repeat") }
        if c == 0x7B {
            let saved = position
            if scanBraceQuantifier() != nil {
                position = saved
                throw error("nothing to repeat")
            }
            throw error("incomplete quantifier or lone '{'")
        }
    }

    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        let c = chars[position]
        switch c {
        case 0x2E:  // .
            position += 1
            return .anyExceptLineTerminator
        case 0x28:  // (
            return try parseGroup()
        case 0x5B:  // [
            return .characterClass(try parseClass())
        case 0x5C:  // \
            return try parseAtomEscape()
        case 0x2A, 0x2B, 0x3F:  // * + ?
            throw error("nothing to repeat")
        case 0x7B:  // {
            if scanBraceQuantifier() != nil {
                position = start
                throw error("nothing to repeat")
            }
            throw error("lone '{' (must be escaped with the u flag)")
        case 0x7D:
            throw error("lone '}' (must be escaped with the u flag)")
        case 0x5D:
            throw error("lone ']' (must be escaped with the u flag)")
        default:
            position += 1
            return .literal(c)
        }
    }

    private mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        position += 1
        var index: Int?
        var name: String?
        if peek() == 0x3F {  // ?
            if peek(1) == 0x3A {  // :
                position += 2
            } else if peek(1) == 0x3C {  // <
                position += 2
                let groupName = try parseGroupName()
                if definedNames.contains(groupName) {
                    throw error("duplicate capture group name '\(groupName)'", at: start)
                }
                definedNames.insert(groupName)
                captureCount += 1
                index = captureCount
                name = groupName
            } else {
                throw error("invalid group", at: start)
            }
        } else {
            captureCount += 1
            index = captureCount
        }
        let body = try parseDisjunction()
        try expectClosingParen(openedAt: start)
        return .group(body, index: index, name: name)
    }

    /// Reads `name>` (after `<`) for groups and `\k<name>`.
    private mutating func parseGroupName() throws(RegexSyntaxError) -> String {
        let start = position
        var scalars = String.UnicodeScalarView()
        while let c = peek(), c != 0x3E {  // >
            guard let scalar = Unicode.Scalar(c) else { throw error("invalid capture group name", at: start) }
            let valid =
                scalars.isEmpty
                ? (scalar.properties.isIDStart || c == 0x24 || c == 0x5F)
                : (scalar.properties.isIDContinue || c == 0x24 || c == 0x200C || c == 0x200D)
            if !valid { throw error("invalid capture group name", at: start) }
            scalars.append(scalar)
            position += 1
        }
        guard peek() == 0x3E, !scalars.isEmpty else { throw error("invalid capture group name", at: start) }
        position += 1
        return String(scalars)
    }

    private mutating func expectClosingParen(openedAt start: Int) throws(RegexSyntaxError) {
        guard peek() == 0x29 else { throw error("unterminated group", at: start) }
        position += 1
    }

    // MARK: Escapes

    private mutating func parseAtomEscape() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        guard let c = peek(1) else { throw error("\\ at end of pattern") }
        if let digit = Self.decimalValue(c), digit > 0 {
            position += 1
            guard let number = scanDecimal(&position), number <= totalCaptures else {
                throw error("invalid escape: backreference to a group that does not exist", at: start)
            }
            return .backreference(number)
        }
        if c == 0x6B {  // k
            position += 2
            guard peek() == 0x3C else { throw error("invalid named reference", at: start) }
            position += 1
            let name = try parseGroupName()
            guard let number = namedCaptures[name] else {
                throw error("invalid named reference: no group named '\(name)'", at: start)
            }
            return .backreference(number)
        }
        if let item = try parseClassEscapeItem() {
            return .characterClass(RegexCharacterClass(items: [item], negated: false))
        }
        return .literal(try parseCharacterEscape(inClass: false))
    }

    /// `\d \D \s \S \w \W \p{} \P{}` at the current backslash; nil (not advancing) for other escapes.
    private mutating func parseClassEscapeItem() throws(RegexSyntaxError) -> RegexCharacterClass.Item? {
        guard let c = peek(1) else { return nil }
        switch c {
        case 0x64:
            position += 2
            return .digit(negated: false)
        case 0x44:
            position += 2
            return .digit(negated: true)
        case 0x77:
            position += 2
            return .word(negated: false)
        case 0x57:
            position += 2
            return .word(negated: true)
        case 0x73:
            position += 2
            return .space(negated: false)
        case 0x53:
            position += 2
            return .space(negated: true)
        case 0x70, 0x50:  // p P
            let start = position
            position += 2
            guard peek() == 0x7B else { throw error("invalid property name", at: start) }
            position += 1
            var text = String.UnicodeScalarView()
            while let next = peek(), next != 0x7D {
                guard let scalar = Unicode.Scalar(next) else { throw error("invalid property name", at: start) }
                text.append(scalar)
                position += 1
            }
            guard peek() == 0x7D else { throw error("invalid property name", at: start) }
            position += 1
            let name = String(text)
            guard let property = RegexProperty(parsing: name) else {
                throw error("unknown or unsupported Unicode property '\(name)'", at: start)
            }
            let note = "\\p{\(name)} is approximated by code-point range tables"
            if property.isApproximate, !approximations.contains(note) { approximations.append(note) }
            return .property(property, negated: c == 0x50)
        default:
            return nil
        }
    }

    /// A CharacterEscape (or ClassEscape inside a class) at the current backslash; returns its code point.
    private mutating func parseCharacterEscape(inClass: Bool) throws(RegexSyntaxError) -> UInt32 {
        let start = position
        guard let c = peek(1) else { throw error("\\ at end of pattern") }
        position += 2
        switch c {
        case 0x74: return 0x09  // t
        case 0x6E: return 0x0A  // n
        case 0x76: return 0x0B  // v
        case 0x66: return 0x0C  // f
        case 0x72: return 0x0D  // r
        case 0x62 where inClass: return 0x08  // \b in a class is backspace
        case 0x2D where inClass: return 0x2D  // \- only in a class
        case 0x30:  // 0
            if let next = peek(), Self.decimalValue(next) != nil {
                throw error("invalid decimal escape", at: start)
            }
            return 0
        case 0x63:  // c
            guard let letter = peek(), (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else {
                throw error("invalid control escape", at: start)
            }
            position += 1
            return letter % 32
        case 0x78:  // x
            guard let value = scanHex(count: 2) else { throw error("invalid \\x escape", at: start) }
            return value
        case 0x75:  // u
            return try parseUnicodeEscapeBody(start: start)
        case 0x5E, 0x24, 0x5C, 0x2E, 0x2A, 0x2B, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x7C, 0x2F:
            return c  // syntax characters and '/'
        default:
            throw error("invalid escape", at: start)
        }
    }

    /// After `\u`: `{H...}` or `HHHH` (joining an escaped surrogate pair).
    private mutating func parseUnicodeEscapeBody(start: Int) throws(RegexSyntaxError) -> UInt32 {
        if peek() == 0x7B {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let c = peek(), let digit = Self.hexValue(c) {
                value = value * 16 + digit
                digits += 1
                position += 1
                if value > ScalarRanges.maxCodePoint { throw error("\\u{...} code point out of range", at: start) }
            }
            guard digits > 0, peek() == 0x7D else { throw error("invalid \\u{...} escape", at: start) }
            position += 1
            return value
        }
        guard let lead = scanHex(count: 4) else { throw error("invalid \\u escape", at: start) }
        if (0xD800...0xDBFF).contains(lead), peek() == 0x5C, peek(1) == 0x75 {
            let saved = position
            position += 2
            if let trail = scanHex(count: 4), (0xDC00...0xDFFF).contains(trail) {
                return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)
            }
            position = saved
        }
        return lead
    }

    private mutating func scanHex(count: Int) -> UInt32? {
        guard position + count <= chars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let digit = Self.hexValue(chars[position + offset]) else { return nil }
            value = value * 16 + digit
        }
        position += count
        return value
    }

    // MARK: Character classes

    private enum ClassAtom {
        case character(UInt32)
        case item(RegexCharacterClass.Item)
    }

    private mutating func parseClass() throws(RegexSyntaxError) -> RegexCharacterClass {
        let start = position
        position += 1
        var negated = false
        if peek() == 0x5E {
            negated = true
            position += 1
        }
        var items: [RegexCharacterClass.Item] = []
        while true {
            guard let c = peek() else { throw error("unterminated character class", at: start) }
            if c == 0x5D {
                position += 1
                break
            }
            let atomStart = position
            let first = try parseClassAtom()
            if peek() == 0x2D, let after = peek(1), after != 0x5D {  // a-b
                position += 1
                let second = try parseClassAtom()
                guard case .character(let low) = first, case .character(let high) = second else {
                    throw error("invalid character class range (class escape as a bound)", at: atomStart)
                }
                guard low <= high else { throw error("range out of order in character class", at: atomStart) }
                items.append(.range(low...high))
            } else {
                switch first {
                case .character(let value): items.append(.range(value...value))
                case .item(let item): items.append(item)
                }
            }
        }
        return RegexCharacterClass(items: items, negated: negated)
    }

    private mutating func parseClassAtom() throws(RegexSyntaxError) -> ClassAtom {
        guard let c = peek() else { throw error("unterminated character class") }
        guard c == 0x5C else {
            position += 1
            return .character(c)
        }
        guard let next = peek(1) else { throw error("\\ at end of pattern") }
        if Self.decimalValue(next) != nil, next != 0x30 {
            throw error("invalid class escape (backreferences are not allowed in a class)")
        }
        if let item = try parseClassEscapeItem() { return .item(item) }
        return .character(try parseCharacterEscape(inClass: true))
    }

    // MARK: Helpers

    private func peek(_ ahead: Int = 0) -> UInt32? {
        let index = position + ahead
        return index < chars.count ? chars[index] : nil
    }

    private func error(_ message: String, at offset: Int? = nil) -> RegexSyntaxError {
        RegexSyntaxError(pattern: pattern, offset: offset ?? position, message: message)
    }

    private static func decimalValue(_ c: UInt32) -> Int? {
        (0x30...0x39).contains(c) ? Int(c - 0x30) : nil
    }

    private static func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Counts capturing groups and numbers named groups, skipping escapes and classes (names are validated later).
    private static func prescan(_ chars: [UInt32]) -> (Int, [String: Int]) {
        var count = 0
        var names: [String: Int] = [:]
        var index = 0
        var inClass = false
        while index < chars.count {
            let c = chars[index]
            if c == 0x5C {
                index += 2
                continue
            }
            if inClass {
                if c == 0x5D { inClass = false }
            } else if c == 0x5B {
                inClass = true
            } else if c == 0x28 {
                let next = index + 1 < chars.count ? chars[index + 1] : 0
                if next != 0x3F {
                    count += 1
                } else if index + 2 < chars.count, chars[index + 2] == 0x3C, index + 3 < chars.count,
                    chars[index + 3] != 0x3D, chars[index + 3] != 0x21
                {
                    count += 1
                    var end = index + 3
                    var name = String.UnicodeScalarView()
                    while end < chars.count, chars[end] != 0x3E, let scalar = Unicode.Scalar(chars[end]) {
                        name.append(scalar)
                        end += 1
                    }
                    let key = String(name)
                    if names[key] == nil { names[key] = count }
                }
            }
            index += 1
        }
        return (count, names)
    }
}
