/// A place in a set of documents: the document's absolute URI and a JSON Pointer inside it.
/// Used for schema references, finding locations and `$ref` targets.
public struct JSONLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var document: String
    public var pointer: JSONPointer

    public init(document: String, pointer: JSONPointer = .root) {
        self.document = document
        self.pointer = pointer
    }

    public func appending(_ token: String) -> JSONLocation {
        JSONLocation(document: document, pointer: pointer.appending(token))
    }

    public func appending(_ index: Int) -> JSONLocation {
        JSONLocation(document: document, pointer: pointer.appending(index))
    }

    /// Hashes the document's length, not its text: a run has a handful of documents with long URIs and
    /// looks locations up by the thousand (compiled schemas, generator caches), so hashing the whole URI
    /// every time was a measurable part of a run. Equal locations still hash equally.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(document.utf8.count)
        hasher.combine(pointer)
    }

    /// "document#/pointer" with the pointer in URI fragment form.
    public var description: String { document + pointer.uriFragment }

    public static func < (lhs: JSONLocation, rhs: JSONLocation) -> Bool {
        (lhs.document, lhs.pointer.description) < (rhs.document, rhs.pointer.description)
    }
}
