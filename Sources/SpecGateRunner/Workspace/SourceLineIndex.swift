import SpecGateCore
import SpecGateJSON

/// Line numbers of many locations at once, for reports that list many findings.
///
/// Each document's position index (`LoadedDocuments.positionIndex(ofDocument:)`: recorded by the
/// YAML parse, or built in one pass over a JSON text) is taken once, then every location is a lookup.
/// Locations in documents converted from Swagger 2.0 give the line where they were written in the original.
public struct SourceLineIndex: Sendable {
    private var lines: [JSONLocation: Int] = [:]

    public init(locations: [JSONLocation], in documents: LoadedDocuments) {
        // Locations of documents converted from Swagger 2.0 are looked up where they were written.
        var byDocument: [String: [(location: JSONLocation, source: JSONLocation)]] = [:]
        for location in locations {
            let source = documents.sourceLocation(of: location)
            byDocument[URIReference.stripFragment(source.document), default: []].append((location, source))
        }
        for (uri, group) in byDocument {
            guard let index = documents.positionIndex(ofDocument: uri) else { continue }
            for entry in group {
                if let line = index.locate(entry.source.pointer)?.line { lines[entry.location] = line }
            }
        }
    }

    /// The 1-based line where the value at `location` is written (an object member's key), when known.
    public func line(of location: JSONLocation) -> Int? { lines[location] }
}
