/// Where a stage writes its diagnostics (in the manner of swift-openapi-generator's collector, but a
/// value: a stage owns one, fills it, and hands the list on; no shared or global state).
public struct DiagnosticCollector: Sendable, Hashable {
    public private(set) var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic] = []) { self.diagnostics = diagnostics }

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func emit(contentsOf more: some Sequence<Diagnostic>) { diagnostics.append(contentsOf: more) }

    /// Records a one-line note (see ``Diagnostic/init(note:)`` for its code).
    public mutating func append(note text: String) { diagnostics.append(Diagnostic(note: text)) }

    public var isEmpty: Bool { diagnostics.isEmpty }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
