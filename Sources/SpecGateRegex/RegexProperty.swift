/// A Unicode property used by `\p{...}` / `\P{...}`: a General_Category value, a binary property or a script.
public struct RegexProperty: Sendable, Hashable {
    /// The property text between the braces, e.g. `L`, `Script=Greek`.
    public let name: String
    /// True when membership is approximated (scripts and Extended_Pictographic use code-point range tables).
    public let isApproximate: Bool
    let kind: Kind

    enum Kind: Sendable, Hashable {
        /// Bit mask over `Unicode.GeneralCategory` (see `RegexProperty.categoryBit`).
        case categories(UInt32)
        /// A binary property answered by `Unicode.Scalar.Properties`.
        case binary(Binary)
        /// Code-point ranges; `assignedOnly` additionally requires an assigned code point.
        case ranges([ClosedRange<UInt32>], assignedOnly: Bool)
    }

    /// Binary properties that the standard library answers.
    enum Binary: Sendable, Hashable {
        case alphabetic, asciiHexDigit, bidiControl, bidiMirrored, caseIgnorable, cased
        case changesWhenCasefolded, changesWhenCasemapped, changesWhenLowercased, changesWhenNFKCCasefolded
        case changesWhenTitlecased, changesWhenUppercased, dash, defaultIgnorable, deprecated, diacritic
        case emoji, emojiModifier, emojiModifierBase, emojiPresentation, extender, graphemeBase, graphemeExtend
        case hexDigit, idsBinaryOperator, idsTrinaryOperator, idContinue, idStart, ideographic, joinControl
        case logicalOrderException, lowercase, math, noncharacter, patternSyntax, patternWhiteSpace
        case quotationMark, radical, sentenceTerminal, softDotted, terminalPunctuation, unifiedIdeograph
        case uppercase, variationSelector, whiteSpace, xidContinue, xidStart
    }

    /// Whether code point `value` has the property.
    func contains(_ value: UInt32) -> Bool {
        switch kind {
        case .categories(let mask):
            guard let scalar = Unicode.Scalar(value) else { return mask & Self.categoryBit(.surrogate) != 0 }
            return mask & Self.categoryBit(scalar.properties.generalCategory) != 0
        case .ranges(let ranges, let assignedOnly):
            guard ScalarRanges.contains(ranges, value) else { return false }
            guard assignedOnly else { return true }
            guard let scalar = Unicode.Scalar(value) else { return false }
            return scalar.properties.generalCategory != .unassigned
        case .binary(let binary):
            guard let scalar = Unicode.Scalar(value) else { return false }
            return Self.test(binary, scalar.properties)
        }
    }

    /// Resolves the text between `\p{` and `}`; nil when ECMA-262 does not know it (or it is unsupported).
    init?(parsing text: String) {
        if let equals = text.firstIndex(of: "=") {
            let key = String(text[..<equals])
            let value = String(text[text.index(after: equals)...])
            switch key {
            case "General_Category", "gc":
                guard let mask = Self.categoryMask(named: value) else { return nil }
                self.init(name: text, isApproximate: false, kind: .categories(mask))
            case "Script", "sc", "Script_Extensions", "scx":
                guard let ranges = UnicodeScriptTable.ranges(named: value) else { return nil }
                self.init(name: text, isApproximate: true, kind: .ranges(ranges, assignedOnly: true))
            default:
                return nil
            }
            return
        }
        if text == "Assigned" {
            self.init(name: text, isApproximate: false, kind: .categories(Self.assignedMask))
        } else if let mask = Self.categoryMask(named: text) {
            self.init(name: text, isApproximate: false, kind: .categories(mask))
        } else if let binary = Self.binaryNames[text] {
            self.init(name: text, isApproximate: false, kind: .binary(binary))
        } else if let (ranges, approximate) = Self.rangeProperty(named: text) {
            self.init(name: text, isApproximate: approximate, kind: .ranges(ranges, assignedOnly: false))
        } else {
            return nil
        }
    }

    private init(name: String, isApproximate: Bool, kind: Kind) {
        self.name = name
        self.isApproximate = isApproximate
        self.kind = kind
    }

    // MARK: General_Category

    /// Bit position of a general category in a category mask.
    static func categoryBit(_ category: Unicode.GeneralCategory) -> UInt32 {
        let index: UInt32
        switch category {
        case .uppercaseLetter: index = 0
        case .lowercaseLetter: index = 1
        case .titlecaseLetter: index = 2
        case .modifierLetter: index = 3
        case .otherLetter: index = 4
        case .nonspacingMark: index = 5
        case .spacingMark: index = 6
        case .enclosingMark: index = 7
        case .decimalNumber: index = 8
        case .letterNumber: index = 9
        case .otherNumber: index = 10
        case .connectorPunctuation: index = 11
        case .dashPunctuation: index = 12
        case .openPunctuation: index = 13
        case .closePunctuation: index = 14
        case .initialPunctuation: index = 15
        case .finalPunctuation: index = 16
        case .otherPunctuation: index = 17
        case .mathSymbol: index = 18
        case .currencySymbol: index = 19
        case .modifierSymbol: index = 20
        case .otherSymbol: index = 21
        case .spaceSeparator: index = 22
        case .lineSeparator: index = 23
        case .paragraphSeparator: index = 24
        case .control: index = 25
        case .format: index = 26
        case .surrogate: index = 27
        case .privateUse: index = 28
        case .unassigned: index = 29
        @unknown default: index = 29
        }
        return 1 << index
    }

    private static func bits(_ range: ClosedRange<UInt32>) -> UInt32 {
        range.reduce(0) { $0 | (1 << $1) }
    }

    /// Category value names and aliases (PropertyValueAliases.txt, gc).
    static func categoryMask(named name: String) -> UInt32? {
        switch name {
        case "L", "Letter": return bits(0...4)
        case "LC", "Cased_Letter": return bits(0...2)
        case "Lu", "Uppercase_Letter": return 1 << 0
        case "Ll", "Lowercase_Letter": return 1 << 1
        case "Lt", "Titlecase_Letter": return 1 << 2
        case "Lm", "Modifier_Letter": return 1 << 3
        case "Lo", "Other_Letter": return 1 << 4
        case "M", "Mark", "Combining_Mark": return bits(5...7)
        case "Mn", "Nonspacing_Mark": return 1 << 5
        case "Mc", "Spacing_Mark": return 1 << 6
        case "Me", "Enclosing_Mark": return 1 << 7
        case "N", "Number": return bits(8...10)
        case "Nd", "Decimal_Number", "digit": return 1 << 8
        case "Nl", "Letter_Number": return 1 << 9
        case "No", "Other_Number": return 1 << 10
        case "P", "Punctuation", "punct": return bits(11...17)
        case "Pc", "Connector_Punctuation": return 1 << 11
        case "Pd", "Dash_Punctuation": return 1 << 12
        case "Ps", "Open_Punctuation": return 1 << 13
        case "Pe", "Close_Punctuation": return 1 << 14
        case "Pi", "Initial_Punctuation": return 1 << 15
        case "Pf", "Final_Punctuation": return 1 << 16
        case "Po", "Other_Punctuation": return 1 << 17
        case "S", "Symbol": return bits(18...21)
        case "Sm", "Math_Symbol": return 1 << 18
        case "Sc", "Currency_Symbol": return 1 << 19
        case "Sk", "Modifier_Symbol": return 1 << 20
        case "So", "Other_Symbol": return 1 << 21
        case "Z", "Separator": return bits(22...24)
        case "Zs", "Space_Separator": return 1 << 22
        case "Zl", "Line_Separator": return 1 << 23
        case "Zp", "Paragraph_Separator": return 1 << 24
        case "C", "Other": return bits(25...29)
        case "Cc", "Control", "cntrl": return 1 << 25
        case "Cf", "Format": return 1 << 26
        case "Cs", "Surrogate": return 1 << 27
        case "Co", "Private_Use": return 1 << 28
        case "Cn", "Unassigned": return 1 << 29
        default: return nil
        }
    }

    // MARK: Binary properties

    private static let binaryNames: [String: Binary] = [
        "Alphabetic": .alphabetic, "Alpha": .alphabetic,
        "ASCII_Hex_Digit": .asciiHexDigit, "AHex": .asciiHexDigit,
        "Bidi_Control": .bidiControl, "Bidi_C": .bidiControl,
        "Bidi_Mirrored": .bidiMirrored, "Bidi_M": .bidiMirrored,
        "Case_Ignorable": .caseIgnorable, "CI": .caseIgnorable,
        "Cased": .cased,
        "Changes_When_Casefolded": .changesWhenCasefolded, "CWCF": .changesWhenCasefolded,
        "Changes_When_Casemapped": .changesWhenCasemapped, "CWCM": .changesWhenCasemapped,
        "Changes_When_Lowercased": .changesWhenLowercased, "CWL": .changesWhenLowercased,
        "Changes_When_NFKC_Casefolded": .changesWhenNFKCCasefolded, "CWKCF": .changesWhenNFKCCasefolded,
        "Changes_When_Titlecased": .changesWhenTitlecased, "CWT": .changesWhenTitlecased,
        "Changes_When_Uppercased": .changesWhenUppercased, "CWU": .changesWhenUppercased,
        "Dash": .dash,
        "Default_Ignorable_Code_Point": .defaultIgnorable, "DI": .defaultIgnorable,
        "Deprecated": .deprecated, "Dep": .deprecated,
        "Diacritic": .diacritic, "Dia": .diacritic,
        "Emoji": .emoji,
        "Emoji_Modifier": .emojiModifier, "EMod": .emojiModifier,
        "Emoji_Modifier_Base": .emojiModifierBase, "EBase": .emojiModifierBase,
        "Emoji_Presentation": .emojiPresentation, "EPres": .emojiPresentation,
        "Extender": .extender, "Ext": .extender,
        "Grapheme_Base": .graphemeBase, "Gr_Base": .graphemeBase,
        "Grapheme_Extend": .graphemeExtend, "Gr_Ext": .graphemeExtend,
        "Hex_Digit": .hexDigit, "Hex": .hexDigit,
        "IDS_Binary_Operator": .idsBinaryOperator, "IDSB": .idsBinaryOperator,
        "IDS_Trinary_Operator": .idsTrinaryOperator, "IDST": .idsTrinaryOperator,
        "ID_Continue": .idContinue, "IDC": .idContinue,
        "ID_Start": .idStart, "IDS": .idStart,
        "Ideographic": .ideographic, "Ideo": .ideographic,
        "Join_Control": .joinControl, "Join_C": .joinControl,
        "Logical_Order_Exception": .logicalOrderException, "LOE": .logicalOrderException,
        "Lowercase": .lowercase, "Lower": .lowercase,
        "Math": .math,
        "Noncharacter_Code_Point": .noncharacter, "NChar": .noncharacter,
        "Pattern_Syntax": .patternSyntax, "Pat_Syn": .patternSyntax,
        "Pattern_White_Space": .patternWhiteSpace, "Pat_WS": .patternWhiteSpace,
        "Quotation_Mark": .quotationMark, "QMark": .quotationMark,
        "Radical": .radical,
        "Sentence_Terminal": .sentenceTerminal, "STerm": .sentenceTerminal,
        "Soft_Dotted": .softDotted, "SD": .softDotted,
        "Terminal_Punctuation": .terminalPunctuation, "Term": .terminalPunctuation,
        "Unified_Ideograph": .unifiedIdeograph, "UIdeo": .unifiedIdeograph,
        "Uppercase": .uppercase, "Upper": .uppercase,
        "Variation_Selector": .variationSelector, "VS": .variationSelector,
        "White_Space": .whiteSpace, "space": .whiteSpace,
        "XID_Continue": .xidContinue, "XIDC": .xidContinue,
        "XID_Start": .xidStart, "XIDS": .xidStart,
    ]

    private static func test(_ binary: Binary, _ p: Unicode.Scalar.Properties) -> Bool {
        switch binary {
        case .alphabetic: return p.isAlphabetic
        case .asciiHexDigit: return p.isASCIIHexDigit
        case .bidiControl: return p.isBidiControl
        case .bidiMirrored: return p.isBidiMirrored
        case .caseIgnorable: return p.isCaseIgnorable
        case .cased: return p.isCased
        case .changesWhenCasefolded: return p.changesWhenCaseFolded
        case .changesWhenCasemapped: return p.changesWhenCaseMapped
        case .changesWhenLowercased: return p.changesWhenLowercased
        case .changesWhenNFKCCasefolded: return p.changesWhenNFKCCaseFolded
        case .changesWhenTitlecased: return p.changesWhenTitlecased
        case .changesWhenUppercased: return p.changesWhenUppercased
        case .dash: return p.isDash
        case .defaultIgnorable: return p.isDefaultIgnorableCodePoint
        case .deprecated: return p.isDeprecated
        case .diacritic: return p.isDiacritic
        case .emoji: return p.isEmoji
        case .emojiModifier: return p.isEmojiModifier
        case .emojiModifierBase: return p.isEmojiModifierBase
        case .emojiPresentation: return p.isEmojiPresentation
        case .extender: return p.isExtender
        case .graphemeBase: return p.isGraphemeBase
        case .graphemeExtend: return p.isGraphemeExtend
        case .hexDigit: return p.isHexDigit
        case .idsBinaryOperator: return p.isIDSBinaryOperator
        case .idsTrinaryOperator: return p.isIDSTrinaryOperator
        case .idContinue: return p.isIDContinue
        case .idStart: return p.isIDStart
        case .ideographic: return p.isIdeographic
        case .joinControl: return p.isJoinControl
        case .logicalOrderException: return p.isLogicalOrderException
        case .lowercase: return p.isLowercase
        case .math: return p.isMath
        case .noncharacter: return p.isNoncharacterCodePoint
        case .patternSyntax: return p.isPatternSyntax
        case .patternWhiteSpace: return p.isPatternWhitespace
        case .quotationMark: return p.isQuotationMark
        case .radical: return p.isRadical
        case .sentenceTerminal: return p.isSentenceTerminal
        case .softDotted: return p.isSoftDotted
        case .terminalPunctuation: return p.isTerminalPunctuation
        case .unifiedIdeograph: return p.isUnifiedIdeograph
        case .uppercase: return p.isUppercase
        case .variationSelector: return p.isVariationSelector
        case .whiteSpace: return p.isWhitespace
        case .xidContinue: return p.isXIDContinue
        case .xidStart: return p.isXIDStart
        }
    }

    // MARK: Range-based binary properties

    private static func rangeProperty(named name: String) -> ([ClosedRange<UInt32>], Bool)? {
        switch name {
        case "Any": return ([0...ScalarRanges.maxCodePoint], false)
        case "ASCII": return ([0...0x7F], false)
        case "Regional_Indicator", "RI": return ([0x1F1E6...0x1F1FF], false)
        case "Emoji_Component", "EComp":
            return (
                ScalarRanges.normalize([
                    0x23...0x23, 0x2A...0x2A, 0x30...0x39, 0x200D...0x200D, 0x20E3...0x20E3, 0xFE0F...0xFE0F,
                    0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0x1F9B0...0x1F9B3, 0xE0020...0xE007F,
                ]), false
            )
        case "Extended_Pictographic", "ExtPict":
            return (UnicodeScriptTable.extendedPictographic, true)
        default: return nil
        }
    }
}

extension RegexProperty {
    /// `\p{Assigned}`: every general category except Cn.
    static let assignedMask: UInt32 = bits(0...28)
}
