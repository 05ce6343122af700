import SpecGateCore
import SpecGateJSON

/// Line numbers of many locations at once, for reports that list many findings.
///
/// Each document's position index (`LoadedDocuments.positionIndex(ofDocument:)`: recorded by the
/// YAML parse, or built in one pass over a JSON text) is taken once, then every location is a lookup.
public struct SourceLineIndex: Sendable {
    private var lines: [JSONLocation: Int] = [:]

    public init(locations: [JSONLocation], in documents: LoadedDocuments) {
        var byDocument: [String: [JSONLocation]] = [:]
        for location in locations { byDocument[URIReference.stripFragment(location.document), default: []].append(location) }
        for (uri, group) in byDocument {
            guard let index = documents.positionIndex(ofDocument: uri) else { continue }
            for location in group {
                if let line = index.locate(location.pointer)?.line { lines[location] = line }
            }
        }
    }

    /// The 1-based line where the value at `location` is written (an object member's key), when known.
    public func line(of location: JSONLocation) -> Int? { lines[location] }
}
