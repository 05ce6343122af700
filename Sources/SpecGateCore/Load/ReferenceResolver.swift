import SpecGateJSON

/// Resolves `$ref`s between documents of a `DocumentStore` and follows reference chains of
/// non-schema objects (parameters, responses, request bodies, headers, examples, links, path items).
public struct ReferenceResolver: Sendable {
    public var store: DocumentStore

    public init(store: DocumentStore) {
        self.store = store
    }

    /// The location a `$ref` found at `from` points to. Relative references resolve against the
    /// referring document's URI; fragments are JSON Pointers (`~0`, `~1`, percent-encoding).
    public func resolve(_ ref: String, from: JSONLocation) throws(SpecLoadError) -> JSONLocation {
        let absolute = URIReference.resolve(ref, against: from.document)
        let document = URIReference.stripFragment(absolute)
        guard let pointer = JSONPointer("#" + (URIReference.fragment(of: absolute) ?? "")) else {
            throw SpecLoadError(
                uri: from.document, pointer: from.pointer,
                message: "$ref \"\(ref)\" does not end in a JSON Pointer fragment")
        }
        let target = JSONLocation(document: document, pointer: pointer)
        guard store.value(at: target) != nil else {
            let why =
                store[document] == nil ? " (document \(SpecLoadError.displayName(forURI: document)) is not loaded)" : ""
            throw SpecLoadError(uri: from.document, pointer: from.pointer, message: "dangling $ref \"\(ref)\"\(why)")
        }
        return target
    }

    /// Follows `$ref`s from `location` until an object without one; returns where it ended and
    /// its value. A chain that comes back to itself is an error naming the chain.
    public func deref(_ location: JSONLocation) throws(SpecLoadError) -> (JSONLocation, JSONValue) {
        var current = location
        var chain = [location]
        var seen: Set<JSONLocation> = [location]
        while true {
            guard let value = store.value(at: current) else {
                throw SpecLoadError(
                    uri: current.document, pointer: current.pointer, message: "nothing at this location")
            }
            guard case .object(let object) = value, let ref = object["$ref"]?.stringValue else {
                return (current, value)
            }
            let next = try resolve(ref, from: current)
            chain.append(next)
            guard seen.insert(next).inserted else {
                throw ReferenceResolver.cycleError(chain, start: location)
            }
            current = next
        }
    }

    /// Where a schema's definition lives: a schema that is only `{"$ref": …}` is replaced by its
    /// target (repeatedly); any other schema stays where it is.
    public func schemaLocation(_ location: JSONLocation) throws(SpecLoadError) -> JSONLocation {
        var current = location
        var chain = [location]
        var seen: Set<JSONLocation> = [location]
        while case .object(let object) = store.value(at: current), object.count == 1,
            let ref = object["$ref"]?.stringValue
        {
            let next = try resolve(ref, from: current)
            chain.append(next)
            guard seen.insert(next).inserted else {
                throw ReferenceResolver.cycleError(chain, start: location)
            }
            current = next
        }
        return current
    }

    /// "$ref cycle: #/a -> #/b -> #/a" (other documents shown with their path).
    static func cycleError(_ chain: [JSONLocation], start: JSONLocation) -> SpecLoadError {
        let names = chain.map { location in
            location.document == start.document
                ? location.pointer.uriFragment
                : SpecLoadError.displayName(forURI: location.document) + location.pointer.uriFragment
        }
        return SpecLoadError(
            uri: start.document, pointer: start.pointer,
            message: "$ref cycle with no object in between: " + names.joined(separator: " -> "))
    }
}

extension ReferenceResolver {
    /// Follows `$ref`s from `location` (a `$ref` object's siblings are ignored); a reference that does
    /// not resolve, or a cycle, stops where it is.
    public static func following(_ location: JSONLocation, in store: DocumentStore) -> JSONLocation {
        var current = location
        var seen: Set<JSONLocation> = [location]
        let resolver = ReferenceResolver(store: store)
        while case .object(let object)? = store.value(at: current), let ref = object["$ref"]?.stringValue,
            let next = try? resolver.resolve(ref, from: current), seen.insert(next).inserted
        {
            current = next
        }
        return current
    }
}
