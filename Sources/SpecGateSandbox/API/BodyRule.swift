import SpecGateJSON

/// A declarative shape for request validation, mirroring the published schema (plus the
/// formats the overlay documents). `validate` reports the first violation as a 400.
indirect enum BodyRule: Sendable {
    enum Format: Sendable { case dateTime, email }

    case string(format: Format? = nil, allowed: [String]? = nil)
    case number(integerOnly: Bool = false)
    case boolean
    /// Any JSON object (free-form maps such as `metadata`).
    case anyObject
    case object(properties: [String: BodyRule], required: [String] = [])
    case array(BodyRule)
    /// A value that may also be JSON null.
    case nullable(BodyRule)

    /// Throws a body-validation error naming `path` when `value` does not fit.
    func validate(_ value: JSONValue, at path: String) throws(APIError) {
        let label = path.isEmpty ? "body" : path
        switch self {
        case .nullable(let inner):
            if value.isNull { return }
            try inner.validate(value, at: path)
        case .string(let format, let allowed):
            guard let s = value.stringValue else { throw .invalidBody("\(label) must be a string") }
            if let allowed, !allowed.contains(s) {
                throw .invalidBody("\(label) must be one of the following values: \(allowed.joined(separator: ", "))")
            }
            switch format {
            case .dateTime?:
                guard Timestamp(rfc3339: s) != nil else {
                    throw .invalidBody("\(label) must be a valid ISO 8601 date-time")
                }
            case .email?:
                guard BodyRule.isEmail(s) else { throw .invalidBody("\(label) must be an email") }
            case nil:
                break
            }
        case .number(let integerOnly):
            guard let n = value.numberValue else { throw .invalidBody("\(label) must be a number") }
            if integerOnly, !n.isInteger { throw .invalidBody("\(label) must be an integer number") }
        case .boolean:
            guard value.boolValue != nil else { throw .invalidBody("\(label) must be a boolean value") }
        case .anyObject:
            guard value.objectValue != nil else { throw .invalidBody("\(label) must be an object") }
        case .object(let properties, let required):
            guard let o = value.objectValue else { throw .invalidBody("\(label) must be an object") }
            for name in required where o[name] == nil {
                throw .invalidBody("\(path.isEmpty ? "" : path + ".")\(name) should not be empty")
            }
            for (name, member) in o {
                guard let rule = properties[name] else { continue }
                try rule.validate(member, at: path.isEmpty ? name : "\(path).\(name)")
            }
        case .array(let items):
            guard let a = value.arrayValue else { throw .invalidBody("\(label) must be an array") }
            for (i, element) in a.enumerated() { try items.validate(element, at: "\(label)[\(i)]") }
        }
    }

    /// A pragmatic email check: `local@domain.tld`, no spaces, one `@`.
    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty,
            !s.contains(where: { $0 == " " || $0.isNewline })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
