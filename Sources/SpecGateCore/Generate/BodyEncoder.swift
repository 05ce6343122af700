import SpecGateJSON

/// Encodes a body value for a media type: JSON, `application/x-www-form-urlencoded` or
/// `multipart/form-data` (deterministic boundary), text for anything else.
public enum BodyEncoder {
    /// The boundary every generated multipart body uses, so output is reproducible.
    public static let multipartBoundary = "specgate-boundary-7MA4YWxkTrZu0gW"

    /// Body bytes and the `Content-Type` header value.
    public static func encode(_ value: JSONValue, mediaType: String) -> (bytes: [UInt8], contentType: String) {
        let essence = MediaTypeSpec.essence(of: mediaType)
        switch essence {
        case "application/x-www-form-urlencoded":
            return (Array(formURLEncoded(value).utf8), essence)
        case "multipart/form-data":
            return (multipart(value), essence + "; boundary=" + multipartBoundary)
        default:
            if essence == "application/json" || essence.hasSuffix("+json") || essence.contains("*") {
                return (JSONWriter().bytes(value), essence.contains("*") ? "application/json" : essence)
            }
            return (Array(ParameterSerializer.scalarText(value).utf8), essence)
        }
    }

    /// Members of an object as `key=value` pairs (arrays repeat the key; nested values as JSON).
    public static func formURLEncoded(_ value: JSONValue) -> String {
        guard case .object(let members) = value else {
            return PercentEncoding.encode(ParameterSerializer.scalarText(value))
        }
        var pairs: [String] = []
        for (key, member) in members {
            let k = PercentEncoding.encode(key)
            if case .array(let items) = member {
                for item in items {
                    pairs.append(k + "=" + PercentEncoding.encode(ParameterSerializer.scalarText(item)))
                }
            } else {
                pairs.append(k + "=" + PercentEncoding.encode(ParameterSerializer.scalarText(member)))
            }
        }
        return pairs.joined(separator: "&")
    }

    /// One part per member (arrays: one part per element); objects are sent as `application/json` parts.
    public static func multipart(_ value: JSONValue) -> [UInt8] {
        var out = ""
        func part(_ name: String, _ v: JSONValue) {
            out += "--" + multipartBoundary + "\r\n"
            out +=
                "Content-Disposition: form-data; name=\""
                + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "%22") + "\"\r\n"
            if case .object = v { out += "Content-Type: application/json\r\n" }
            out += "\r\n" + ParameterSerializer.scalarText(v) + "\r\n"
        }
        if case .object(let members) = value {
            for (key, member) in members {
                if case .array(let items) = member {
                    for item in items { part(key, item) }
                } else {
                    part(key, member)
                }
            }
        } else {
            part("value", value)
        }
        out += "--" + multipartBoundary + "--\r\n"
        return Array(out.utf8)
    }
}
