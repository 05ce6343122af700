import SpecGateJSON

/// One message for the user that is not a contract finding: a note about the run, a warning about
/// the spec or an overlay, or the error that stopped the tool. Every report (console, JSON, JUnit,
/// HTML) and the CLI's stderr show diagnostics from one list, in one format.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    /// Where a diagnostic points: a file, a JSON Pointer in it and a 1-based line (and column); all optional.
    public struct Location: Sendable, Hashable {
        /// A path for `file:` documents, otherwise the URI as written.
        public var file: String?
        public var pointer: JSONPointer?
        public var line: Int?
        public var column: Int?

        public init(file: String? = nil, pointer: JSONPointer? = nil, line: Int? = nil, column: Int? = nil) {
            self.file = file
            self.pointer = pointer
            self.line = line
            self.column = column
        }

        /// A location in the document at `uri`; `file:` URIs are shown as paths.
        public init(uri: String, pointer: JSONPointer? = nil, line: Int? = nil, column: Int? = nil) {
            self.init(file: URIReference.path(ofFileURI: uri) ?? uri, pointer: pointer, line: line, column: column)
        }

        /// A location in a loaded document (its URI and pointer).
        public init(_ location: JSONLocation, line: Int? = nil, column: Int? = nil) {
            self.init(uri: location.document, pointer: location.pointer, line: line, column: column)
        }

        public static let none = Location()

        /// `file:line:column: #/pointer: `, leaving out what is unknown ("" when nothing is known).
        public var prefix: String {
            var out = ""
            if let file {
                out = file
                if let line {
                    out += ":\(line)"
                    if let column { out += ":\(column)" }
                }
                out += ": "
            }
            if let pointer { out += pointer.uriFragment + ": " }
            return out
        }
    }

    public var severity: Severity
    /// A stable, dotted kebab-case identifier (`run.links`, `overlay.no-match`, `spec.load`), for
    /// filtering and dashboards; the message may change between versions, the code does not.
    public var code: String
    public var location: Location
    public var message: String

    public init(_ severity: Severity, code: String, location: Location = .none, message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    public static func note(_ code: String, _ message: String, at location: Location = .none) -> Diagnostic {
        Diagnostic(.note, code: code, location: location, message: message)
    }

    public static func warning(_ code: String, _ message: String, at location: Location = .none) -> Diagnostic {
        Diagnostic(.warning, code: code, location: location, message: message)
    }

    public static func error(_ code: String, _ message: String, at location: Location = .none) -> Diagnostic {
        Diagnostic(.error, code: code, location: location, message: message)
    }

    /// A note given as text alone (the runner's one-line notes, `"links: …"`). Its code is `note.`
    /// followed by the text's leading word (`"clean-up: 3 of 4 …"` → `note.clean-up`), or `note`.
    public init(note text: String) {
        self.init(.note, code: Diagnostic.noteCode(for: text), message: text)
    }

    static func noteCode(for text: String) -> String {
        let word = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard !word.isEmpty, let next = text.dropFirst(word.count).first, next == ":" || next == " " else {
            return "note"
        }
        return "note." + word.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// `file:line:column: #/pointer: message`, leaving out what is unknown (the text a note had before
    /// diagnostics were typed, so `notes` consumers see the same lines).
    public var description: String { location.prefix + message }

    /// `error: file:line: #/pointer: message` — the line the CLI prints on stderr.
    public var line: String { severity.rawValue + ": " + description }
}

extension Array where Element == Diagnostic {
    /// The diagnostics as one-line notes (``Diagnostic/description``), for consumers of the former `notes`.
    /// Appending to it (`report.notes.append("…")`) keeps the typed diagnostics and adds notes
    /// (``Diagnostic/init(note:)``); any other change replaces the list with notes.
    public var lines: [String] {
        get { map(\.description) }
        set {
            let old = lines
            if newValue.count >= old.count, newValue.prefix(old.count).elementsEqual(old) {
                self += newValue.dropFirst(old.count).map(Diagnostic.init(note:))
            } else {
                self = newValue.map(Diagnostic.init(note:))
            }
        }
    }
}

/// An error that says what went wrong as a ``Diagnostic`` and keeps the error it reports, so whoever
/// prints it (the CLI's `SpecGate.main`, a library user) shows file, pointer and line the same way.
public protocol DiagnosticError: Error, Sendable, CustomStringConvertible {
    var diagnostic: Diagnostic { get }
    /// The error this one reports, when there is one.
    var underlying: (any Error & Sendable)? { get }
}

extension DiagnosticError {
    public var message: String { diagnostic.message }

    /// `file:line: #/pointer: message`, leaving out what is unknown.
    public var description: String { diagnostic.description }
}
