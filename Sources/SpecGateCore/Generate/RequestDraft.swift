import SpecGateJSON

/// A request before serialisation: parameter values as JSON, the body as JSON (or raw bytes).
/// Valid cases build one; mutations change one thing in a copy; `serialized()` produces the wire form.
public struct RequestDraft: Sendable, Hashable {
    /// One parameter of the operation with the value to send (nil: not sent).
    public struct Parameter: Sendable, Hashable {
        public var spec: ParameterSpec
        public var value: JSONValue?
        /// True when the value is the credential (filled from the suite, never generated).
        public var isCredential: Bool

        public init(spec: ParameterSpec, value: JSONValue?, isCredential: Bool = false) {
            self.spec = spec
            self.value = value
            self.isCredential = isCredential
        }
    }

    /// A header that is not a declared parameter (suite headers, the credential).
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public var isCredential: Bool

        public init(name: String, value: String, isCredential: Bool = false) {
            self.name = name
            self.value = value
            self.isCredential = isCredential
        }
    }

    /// The body: a JSON value encoded for `mediaType`, or raw bytes sent as they are.
    public struct Body: Sendable, Hashable {
        public var mediaType: String
        public var value: JSONValue?
        public var raw: [UInt8]?
        /// Overrides the Content-Type the media type implies.
        public var contentType: String?
        /// The schema of the chosen media type.
        public var schema: JSONLocation?

        public init(
            mediaType: String, value: JSONValue?, raw: [UInt8]? = nil, contentType: String? = nil, schema: JSONLocation?
        ) {
            self.mediaType = mediaType
            self.value = value
            self.raw = raw
            self.contentType = contentType
            self.schema = schema
        }
    }

    public var operation: Operation
    /// In the operation's parameter order.
    public var parameters: [Parameter]
    public var extraHeaders: [Header]
    public var body: Body?

    public init(operation: Operation, parameters: [Parameter], extraHeaders: [Header] = [], body: Body? = nil) {
        self.operation = operation
        self.parameters = parameters
        self.extraHeaders = extraHeaders
        self.body = body
    }

    /// The wire form: path substituted, query built, headers in order (header parameters, extra
    /// headers, cookies, Content-Type), body encoded.
    public func serialized() -> PreparedRequest {
        var path = ""
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{") {
            path += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let p = parameters.first(where: { $0.spec.location == .path && $0.spec.name == name }), let v = p.value {
                path += ParameterSerializer.serialize(v, for: p.spec)
            } else {
                path += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        path += rest
        var query: [String] = []
        var headers: [HeaderField] = []
        var cookies: [String] = []
        for p in parameters {
            guard let v = p.value else { continue }
            // RFC 6570: an empty list or map is undefined, so an optional query, header or cookie
            // parameter holding one is left out (sending `status=` would mean "one empty value").
            if p.spec.location != .path, !p.spec.required,
                v.arrayValue?.isEmpty == true || v.objectValue?.isEmpty == true
            {
                continue
            }
            switch p.spec.location {
            case .path: break
            case .query: query.append(ParameterSerializer.serialize(v, for: p.spec))
            case .header:
                headers.append(HeaderField(name: p.spec.name, value: ParameterSerializer.serialize(v, for: p.spec)))
            case .cookie: cookies.append(ParameterSerializer.serialize(v, for: p.spec))
            }
        }
        for h in extraHeaders { headers.append(HeaderField(name: h.name, value: h.value)) }
        if !cookies.isEmpty { headers.append(HeaderField(name: "Cookie", value: cookies.joined(separator: "; "))) }
        var bytes: [UInt8]?
        if let body {
            var contentType = body.contentType
            if let raw = body.raw {
                bytes = raw
            } else if let value = body.value {
                let encoded = BodyEncoder.encode(value, mediaType: body.mediaType)
                bytes = encoded.bytes
                contentType = contentType ?? encoded.contentType
            }
            if let contentType { headers.append(HeaderField(name: "Content-Type", value: contentType)) }
        }
        // Joined by hand: `joined(separator:)` on [String] was a generic, unspecialised call per case.
        var pathAndQuery = path
        for (i, pair) in query.enumerated() {
            pathAndQuery += i == 0 ? "?" : "&"
            pathAndQuery += pair
        }
        return PreparedRequest(method: operation.method, pathAndQuery: pathAndQuery, headers: headers, body: bytes)
    }
}
