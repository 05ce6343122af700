import SpecGateJSON

/// Where the parts of one converted document were written in the original documents.
///
/// Each entry maps a pointer prefix of the converted document to an original location; the
/// longest mapped prefix of a pointer wins and the rest of the pointer is appended to its target
/// (`/components/schemas` → `/definitions` turns `/components/schemas/Pet/properties/id` into
/// `/definitions/Pet/properties/id`). A pointer with no mapped prefix is where it was.
public struct SourcePointerMap: Sendable, Hashable {
    private var prefixes: [[String]: JSONLocation] = [:]

    public init() {}

    /// How many prefixes are mapped.
    public var count: Int { prefixes.count }

    /// Records that `converted` (and what lies below it) was written at `original`.
    public mutating func map(_ converted: JSONPointer, to original: JSONLocation) {
        prefixes[converted.tokens] = original
    }

    /// The original location of `pointer`, or nil when no prefix of it is mapped.
    public func original(of pointer: JSONPointer) -> JSONLocation? {
        var length = pointer.tokens.count
        while length >= 0 {
            let prefix = Array(pointer.tokens.prefix(length))
            if let target = prefixes[prefix] {
                return JSONLocation(
                    document: target.document,
                    pointer: target.pointer.appending(JSONPointer(tokens: Array(pointer.tokens.dropFirst(length)))))
            }
            length -= 1
        }
        return nil
    }
}

/// What converting a Swagger 2.0 document set to OpenAPI 3.0 left behind for reporting: the
/// original root (overlays are applied to the file as written), where each converted part came
/// from, and notes about constructs 3.0 cannot say exactly.
public struct Swagger2Conversion: Sendable {
    /// Something the conversion could only approximate, at a location of the converted documents.
    public struct Note: Sendable, Hashable {
        public var location: JSONLocation
        public var message: String

        public init(location: JSONLocation, message: String) {
            self.location = location
            self.message = message
        }
    }

    /// The root document as written (Swagger 2.0).
    public var originalRoot: JSONValue
    /// Per converted document URI, where its parts were written.
    public var sourceMaps: [String: SourcePointerMap]
    public var notes: [Note]

    public init(originalRoot: JSONValue, sourceMaps: [String: SourcePointerMap], notes: [Note]) {
        self.originalRoot = originalRoot
        self.sourceMaps = sourceMaps
        self.notes = notes
    }

    /// Where `location` (in a converted document) was written in the original documents.
    public func sourceLocation(of location: JSONLocation) -> JSONLocation {
        let document = URIReference.stripFragment(location.document)
        return sourceMaps[document]?.original(of: location.pointer) ?? location
    }
}
