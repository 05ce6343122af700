import SpecGateJSON

/// Why a spec, suite or referenced document could not be loaded. The tool cannot go on after one
/// of these (contract violations are findings, not errors); the CLI exits with status 2.
public struct SpecLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file concerned: a path for `file:` URIs, otherwise the URI as written.
    public var file: String
    /// Where in the document the problem is, when known.
    public var pointer: JSONPointer?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    public var message: String

    public init(file: String, pointer: JSONPointer? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.pointer = pointer
        self.line = line
        self.column = column
        self.message = message
    }

    /// An error about the document at `uri`; `file:` URIs are shown as paths.
    public init(uri: String, pointer: JSONPointer? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.init(
            file: SpecLoadError.displayName(forURI: uri), pointer: pointer, line: line, column: column, message: message
        )
    }

    /// The path of a `file:` URI, otherwise the URI itself.
    public static func displayName(forURI uri: String) -> String {
        URIReference.path(ofFileURI: uri) ?? uri
    }

    /// The same error with its line and column filled in from the document text, when the
    /// pointer can be found there and no line is known yet.
    public func locating(in bytes: [UInt8]?, uri: String) -> SpecLoadError {
        guard line == nil, let pointer, let bytes,
            let position = DocumentParser.locate(pointer, in: bytes, uri: uri)
        else { return self }
        var copy = self
        copy.line = position.line
        copy.column = position.column
        return copy
    }

    /// `file:line:column: #/pointer: message`, leaving out what is unknown.
    public var description: String {
        var out = file
        if let line {
            out += ":\(line)"
            if let column { out += ":\(column)" }
        }
        out += ": "
        if let pointer { out += pointer.uriFragment + ": " }
        return out + message
    }
}

extension SpecLoadError: DiagnosticError {
    /// A load error is where the trouble starts: it reports no other error.
    public var underlying: (any Error & Sendable)? { nil }

    /// The error as a diagnostic (code `spec.load`), with its file, pointer, line and column.
    public var diagnostic: Diagnostic { diagnostic(context: nil) }

    /// The diagnostic with `context` (e.g. `--changed-since`) leading its message.
    public func diagnostic(context: String?) -> Diagnostic {
        .error(
            "spec.load", (context.map { $0 + ": " } ?? "") + message,
            at: Diagnostic.Location(file: file, pointer: pointer, line: line, column: column))
    }
}
