import SpecGateJSON

/// Recursive-descent parser for RFC 9535 JSONPath.
struct JSONPathParser {
    private let text: String
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    // MARK: Queries

    mutating func parseRootQuery() throws(JSONPathError) -> [JSONPathSegment] {
        guard peek() == "$" else { throw error("a JSONPath query starts with '$'") }
        position += 1
        let segments = try parseSegments()
        if position < scalars.count { throw error("unexpected '\(scalars[position])'") }
        return segments
    }

    private mutating func parseSegments() throws(JSONPathError) -> [JSONPathSegment] {
        var segments: [JSONPathSegment] = []
        while true {
            let save = position
            skipBlank()
            guard let c = peek(), c == "." || c == "[" else {
                position = save
                return segments
            }
            segments.append(try parseSegment())
        }
    }

    private mutating func parseSegment() throws(JSONPathError) -> JSONPathSegment {
        if consume("..") {
            if peek() == "[" { return JSONPathSegment(descendant: true, selectors: try parseBracketed()) }
            if consume("*") { return JSONPathSegment(descendant: true, selectors: [.wildcard]) }
            return JSONPathSegment(descendant: true, selectors: [.name(try parseMemberName())])
        }
        if consume(".") {
            if consume("*") { return JSONPathSegment(descendant: false, selectors: [.wildcard]) }
            return JSONPathSegment(descendant: false, selectors: [.name(try parseMemberName())])
        }
        return JSONPathSegment(descendant: false, selectors: try parseBracketed())
    }

    private mutating func parseMemberName() throws(JSONPathError) -> String {
        guard let first = peek(), JSONPathParser.isNameFirst(first) else {
            throw error("expected a member name, '*' or '['")
        }
        var name = ""
        while let c = peek(), JSONPathParser.isNameFirst(c) || JSONPathParser.isDigit(c) {
            name.unicodeScalars.append(c)
            position += 1
        }
        return name
    }

    private mutating func parseBracketed() throws(JSONPathError) -> [JSONPathSelector] {
        try expect("[")
        var selectors: [JSONPathSelector] = []
        repeat {
            skipBlank()
            selectors.append(try parseSelector())
            skipBlank()
        } while consume(",")
        guard consume("]") else { throw error("expected ',' or ']'") }
        return selectors
    }

    private mutating func parseSelector() throws(JSONPathError) -> JSONPathSelector {
        switch peek() {
        case "'", "\"": return .name(try parseStringLiteral())
        case "*":
            position += 1
            return .wildcard
        case "?":
            position += 1
            skipBlank()
            return .filter(try parseLogicalOr())
        case let c? where c == "-" || c == ":" || JSONPathParser.isDigit(c):
            return try parseIndexOrSlice()
        case nil: throw error("unterminated '['")
        case let c?: throw error("unexpected '\(c)' in a selector")
        }
    }

    private mutating func parseIndexOrSlice() throws(JSONPathError) -> JSONPathSelector {
        let start = peek() == ":" ? nil : try parseInteger()
        skipBlank()
        guard consume(":") else {
            guard let start else { throw error("expected an index") }
            return .index(start)
        }
        skipBlank()
        var end: Int?
        if let c = peek(), c == "-" || JSONPathParser.isDigit(c) { end = try parseInteger() }
        skipBlank()
        var step: Int?
        if consume(":") {
            skipBlank()
            if let c = peek(), c == "-" || JSONPathParser.isDigit(c) { step = try parseInteger() }
        }
        return .slice(start: start, end: end, step: step)
    }

    private mutating func parseInteger() throws(JSONPathError) -> Int {
        let begin = position
        let negative = consume("-")
        guard let first = peek(), JSONPathParser.isDigit(first) else { throw error("expected a digit") }
        if first == "0" && (negative || peek(at: 1).map(JSONPathParser.isDigit) == true) {
            throw error("integers have no leading zeros and no '-0'")
        }
        var magnitude = 0
        while let c = peek(), JSONPathParser.isDigit(c) {
            magnitude = magnitude * 10 + Int(c.value - 48)
            if magnitude > 9_007_199_254_740_991 {
                position = begin
                throw error("integer out of the I-JSON range")
            }
            position += 1
        }
        return negative ? -magnitude : magnitude
    }

    // MARK: Filter expressions

    private mutating func parseLogicalOr() throws(JSONPathError) -> JSONPathFilter {
        var terms = [try parseLogicalAnd()]
        while true {
            let save = position
            skipBlank()
            guard consume("||") else {
                position = save
                break
            }
            skipBlank()
            terms.append(try parseLogicalAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseLogicalAnd() throws(JSONPathError) -> JSONPathFilter {
        var terms = [try parseBasic()]
        while true {
            let save = position
            skipBlank()
            guard consume("&&") else {
                position = save
                break
            }
            skipBlank()
            terms.append(try parseBasic())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parseBasic() throws(JSONPathError) -> JSONPathFilter {
        if consume("!") {
            skipBlank()
            if peek() == "(" { return .not(try parseParenthesized()) }
            let operandStart = position
            let operand = try parseOperand()
            return .not(try testExpression(operand, at: operandStart))
        }
        if peek() == "(" { return try parseParenthesized() }
        let operandStart = position
        let lhs = try parseOperand()
        let save = position
        skipBlank()
        guard let op = parseComparisonOperator() else {
            position = save
            return try testExpression(lhs, at: operandStart)
        }
        try requireComparable(lhs, at: operandStart)
        skipBlank()
        let rhsStart = position
        let rhs = try parseOperand()
        try requireComparable(rhs, at: rhsStart)
        return .comparison(lhs, op, rhs)
    }

    private mutating func parseParenthesized() throws(JSONPathError) -> JSONPathFilter {
        try expect("(")
        skipBlank()
        let inner = try parseLogicalOr()
        skipBlank()
        try expect(")")
        return inner
    }

    private func testExpression(_ operand: JSONPathOperand, at offset: Int) throws(JSONPathError) -> JSONPathFilter {
        switch operand {
        case .query(let q): return .exists(q)
        case .function(let call) where call.name.isLogical: return .function(call)
        case .function(let call):
            throw JSONPathError(
                expression: text, offset: offset,
                message: "\(call.name.rawValue)() must be compared, not used as a test")
        case .literal:
            throw JSONPathError(
                expression: text, offset: offset, message: "a literal must be compared, not used as a test")
        }
    }

    private func requireComparable(_ operand: JSONPathOperand, at offset: Int) throws(JSONPathError) {
        switch operand {
        case .literal: return
        case .query(let q) where q.isSingular: return
        case .query:
            throw JSONPathError(
                expression: text, offset: offset, message: "only singular queries (names and indices) can be compared")
        case .function(let call) where !call.name.isLogical: return
        case .function(let call):
            throw JSONPathError(
                expression: text, offset: offset, message: "\(call.name.rawValue)() is a test and cannot be compared")
        }
    }

    private mutating func parseComparisonOperator() -> JSONPathComparison? {
        for op in ["==", "!=", "<=", ">=", "<", ">"] where consume(op) {
            return JSONPathComparison(rawValue: op)
        }
        return nil
    }

    private mutating func parseOperand() throws(JSONPathError) -> JSONPathOperand {
        switch peek() {
        case "@", "$":
            let relative = peek() == "@"
            position += 1
            return .query(JSONPathQuery(relative: relative, segments: try parseSegments()))
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case let c? where c == "-" || JSONPathParser.isDigit(c):
            return .literal(.number(try parseNumberLiteral()))
        case let c? where c >= "a" && c <= "z":
            let begin = position
            var word = ""
            while let c = peek(), (c >= "a" && c <= "z") || c == "_" || JSONPathParser.isDigit(c) {
                word.unicodeScalars.append(c)
                position += 1
            }
            if peek() == "(" { return .function(try parseFunctionCall(word, at: begin)) }
            switch word {
            case "true": return .literal(true)
            case "false": return .literal(false)
            case "null": return .literal(.null)
            default:
                position = begin
                throw error("unknown literal '\(word)'")
            }
        case nil: throw error("unexpected end of the filter expression")
        case let c?: throw error("unexpected '\(c)' in a filter expression")
        }
    }

    private mutating func parseFunctionCall(_ word: String, at begin: Int) throws(JSONPathError) -> JSONPathFunctionCall
    {
        guard let name = JSONPathFunctionCall.Name(rawValue: word) else {
            position = begin
            throw error("unknown function '\(word)'")
        }
        try expect("(")
        var arguments: [JSONPathOperand] = []
        var offsets: [Int] = []
        skipBlank()
        if peek() != ")" {
            repeat {
                skipBlank()
                offsets.append(position)
                arguments.append(try parseOperand())
                skipBlank()
            } while consume(",")
        }
        try expect(")")
        let arity = name.isLogical ? 2 : 1
        guard arguments.count == arity else {
            position = begin
            throw error("\(word)() takes \(arity) argument\(arity == 1 ? "" : "s")")
        }
        for (argument, offset) in zip(arguments, offsets) {
            switch (name, argument) {
            case (.count, .query), (.value, .query): continue
            case (.count, _), (.value, _):
                throw JSONPathError(expression: text, offset: offset, message: "\(word)() takes a query")
            default: try requireComparable(argument, at: offset)
            }
        }
        return JSONPathFunctionCall(name: name, arguments: arguments)
    }

    // MARK: Literals

    private mutating func parseStringLiteral() throws(JSONPathError) -> String {
        guard let quote = peek() else { throw error("expected a string") }
        let begin = position
        position += 1
        var out = ""
        while true {
            guard let c = peek() else {
                throw JSONPathError(expression: text, offset: begin, message: "unterminated string")
            }
            position += 1
            if c == quote { return out }
            if c.value < 0x20 { throw error("control character in a string") }
            guard c == "\\" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard let e = peek() else { throw error("unterminated escape") }
            position += 1
            switch e {
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "/", "\\": out.unicodeScalars.append(e)
            case "'" where quote == "'", "\"" where quote == "\"": out.unicodeScalars.append(e)
            case "u": out.unicodeScalars.append(try parseUnicodeEscape())
            default:
                position -= 1
                throw error("invalid escape '\\\(e)'")
            }
        }
    }

    private mutating func parseUnicodeEscape() throws(JSONPathError) -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard consume("\\u") else { throw error("unpaired high surrogate") }
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate") }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else { throw error("invalid code point") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("unpaired low surrogate") }
        return scalar
    }

    private mutating func parseHex4() throws(JSONPathError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek(), let digit = Int(String(c), radix: 16) else { throw error("expected 4 hex digits") }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func parseNumberLiteral() throws(JSONPathError) -> JSONNumber {
        let begin = position
        var literal = ""
        if peek() == "-" { take(into: &literal) }
        while let c = peek(), JSONPathParser.isDigit(c) { take(into: &literal) }
        if peek() == ".", peek(at: 1).map(JSONPathParser.isDigit) == true {
            take(into: &literal)
            while let c = peek(), JSONPathParser.isDigit(c) { take(into: &literal) }
        }
        if let e = peek(), e == "e" || e == "E" {
            take(into: &literal)
            if let s = peek(), s == "+" || s == "-" { take(into: &literal) }
            while let c = peek(), JSONPathParser.isDigit(c) { take(into: &literal) }
        }
        let digits = literal.hasPrefix("-") ? literal.dropFirst() : Substring(literal)
        let leadingZero =
            digits.count > 1 && digits.hasPrefix("0") && !digits.hasPrefix("0.") && !digits.hasPrefix("0e")
            && !digits.hasPrefix("0E")
        guard !leadingZero, let number = JSONNumber(literal: literal) else {
            position = begin
            throw error("invalid number")
        }
        return number
    }

    // MARK: Scanning

    private func peek(at offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func take(into literal: inout String) {
        literal.unicodeScalars.append(scalars[position])
        position += 1
    }

    private mutating func consume(_ token: String) -> Bool {
        let tokenScalars = Array(token.unicodeScalars)
        guard position + tokenScalars.count <= scalars.count,
            Array(scalars[position..<position + tokenScalars.count]) == tokenScalars
        else { return false }
        position += tokenScalars.count
        return true
    }

    private mutating func expect(_ token: String) throws(JSONPathError) {
        guard consume(token) else { throw error("expected '\(token)'") }
    }

    private mutating func skipBlank() {
        while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
    }

    private func error(_ message: String) -> JSONPathError {
        JSONPathError(expression: text, offset: position, message: message)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private static func isNameFirst(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || c.value >= 0x80
    }
}
