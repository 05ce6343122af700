import SpecGateJSON

/// Serialises parameter values per OpenAPI `style` and `explode`, percent-encoding for the location.
///
/// Results are ready to splice into the request: a path segment replacement, query pairs joined by
/// `&`, a header value (not percent-encoded) or a cookie pair list joined by `; `.
public enum ParameterSerializer {
    /// The serialised text of one parameter.
    public static func serialize(_ value: JSONValue, for parameter: ParameterSpec) -> String {
        serialize(
            name: parameter.name, value: value, style: parameter.style, explode: parameter.explode,
            location: parameter.location, allowReserved: parameter.allowReserved)
    }

    public static func serialize(
        name: String, value: JSONValue, style: ParameterStyle, explode: Bool, location: ParameterLocation,
        allowReserved: Bool = false
    ) -> String {
        let encode: (String) -> String
        switch location {
        case .header: encode = { $0 }
        case .cookie: encode = { PercentEncoding.encode($0) }
        case .path: encode = { PercentEncoding.encode($0) }
        case .query: encode = { PercentEncoding.encode($0, allowReserved: allowReserved) }
        }
        let n = encode(name)
        let pairSeparator = location == .cookie ? "; " : "&"
        switch value {
        case .array(let items):
            let parts = items.map { encode(scalarText($0)) }
            switch style {
            case .simple: return parts.joined(separator: ",")
            case .label: return "." + parts.joined(separator: explode ? "." : ",")
            case .matrix:
                if parts.isEmpty { return ";" + n }
                return explode
                    ? parts.map { ";" + n + "=" + $0 }.joined() : ";" + n + "=" + parts.joined(separator: ",")
            case .form, .deepObject:
                if parts.isEmpty { return n + "=" }
                return explode
                    ? parts.map { n + "=" + $0 }.joined(separator: pairSeparator)
                    : n + "=" + parts.joined(separator: ",")
            case .spaceDelimited: return n + "=" + parts.joined(separator: location == .header ? " " : "%20")
            case .pipeDelimited: return n + "=" + parts.joined(separator: location == .header ? "|" : "%7C")
            }
        case .object(let members):
            let pairs = members.map { (key: encode($0.key), value: encode(scalarText($0.value))) }
            let flat = pairs.flatMap { [$0.key, $0.value] }
            switch style {
            case .simple:
                return explode
                    ? pairs.map { $0.key + "=" + $0.value }.joined(separator: ",") : flat.joined(separator: ",")
            case .label:
                return "."
                    + (explode
                        ? pairs.map { $0.key + "=" + $0.value }.joined(separator: ".") : flat.joined(separator: ","))
            case .matrix:
                return explode
                    ? pairs.map { ";" + $0.key + "=" + $0.value }.joined() : ";" + n + "=" + flat.joined(separator: ",")
            case .form:
                return explode
                    ? pairs.map { $0.key + "=" + $0.value }.joined(separator: pairSeparator)
                    : n + "=" + flat.joined(separator: ",")
            case .deepObject:
                let open = location == .header ? "[" : "%5B"
                let close = location == .header ? "]" : "%5D"
                return pairs.map { n + open + $0.key + close + "=" + $0.value }.joined(separator: pairSeparator)
            case .spaceDelimited: return n + "=" + flat.joined(separator: location == .header ? " " : "%20")
            case .pipeDelimited: return n + "=" + flat.joined(separator: location == .header ? "|" : "%7C")
            }
        default:
            let text = encode(scalarText(value))
            switch style {
            case .simple: return text
            case .label: return "." + text
            case .matrix: return text.isEmpty ? ";" + n : ";" + n + "=" + text
            case .form, .spaceDelimited, .pipeDelimited, .deepObject: return n + "=" + text
            }
        }
    }

    /// Text of a primitive: strings as is, numbers in JSON form, booleans `true`/`false`, null empty;
    /// nested arrays/objects as compact JSON.
    public static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return s
        case .array, .object: return JSONWriter.compact(value)
        }
    }
}
