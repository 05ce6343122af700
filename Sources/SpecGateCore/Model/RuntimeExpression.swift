import SpecGateJSON

/// An OpenAPI runtime expression naming a value of an exchange, as used by `links` and suite captures:
/// `$response.body#/data/uid`, `$response.header.Location`, `$request.body#/eventTypeId`, `$statusCode`.
public enum RuntimeExpression: Sendable, Hashable, CustomStringConvertible {
    case responseBody(JSONPointer)
    case responseHeader(String)
    case requestBody(JSONPointer)
    case statusCode

    /// Parses an expression; nil when it is not one of the supported forms.
    public init?(_ text: String) {
        if text == "$statusCode" {
            self = .statusCode
        } else if text.hasPrefix("$response.body") || text.hasPrefix("$request.body") {
            let isResponse = text.hasPrefix("$response.body")
            let rest = text.dropFirst(isResponse ? "$response.body".count : "$request.body".count)
            let pointer: JSONPointer
            if rest.isEmpty {
                pointer = .root
            } else {
                guard rest.hasPrefix("#"), let parsed = JSONPointer(String(rest)) else { return nil }
                pointer = parsed
            }
            self = isResponse ? .responseBody(pointer) : .requestBody(pointer)
        } else if text.hasPrefix("$response.header.") {
            let name = String(text.dropFirst("$response.header.".count))
            guard !name.isEmpty else { return nil }
            self = .responseHeader(name)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .responseBody(let pointer): return "$response.body" + (pointer.tokens.isEmpty ? "" : pointer.uriFragment)
        case .responseHeader(let name): return "$response.header." + name
        case .requestBody(let pointer): return "$request.body" + (pointer.tokens.isEmpty ? "" : pointer.uriFragment)
        case .statusCode: return "$statusCode"
        }
    }

    /// The value the expression names in one exchange, nil when it is absent. Header and status
    /// values are strings.
    public func evaluate(requestBody: JSONValue?, response: ObservedResponse) -> JSONValue? {
        switch self {
        case .statusCode: return .string(String(response.status))
        case .responseHeader(let name):
            let lower = name.lowercased()
            return response.headers.first { $0.name.lowercased() == lower }.map { .string($0.value) }
        case .requestBody(let pointer): return requestBody?.value(at: pointer)
        case .responseBody(let pointer):
            guard let body = try? JSONParser().parse(response.body) else { return nil }
            return body.value(at: pointer)
        }
    }

    /// A captured value as path text: strings as they are, numbers and booleans spelled out; nil for
    /// null, arrays and objects (they cannot name a resource).
    public static func pathText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let number): return number.description
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }
}
