import SpecGateJSON

/// Expands `${NAME}` and `${NAME:-default}` in the string values of a suite, from the run's
/// environment. `$${` writes a literal `${`. Keys are never expanded.
///
/// With an environment, an unset variable without a default is an error naming the suite
/// pointer (the caller adds the line). Without one (`lint`, `list`, … which send nothing),
/// defaults are used and references to unset variables are left as written.
public struct EnvironmentExpander: Sendable {
    /// The variables; nil when the command has no environment to offer.
    public var environment: [String: String]?

    public init(environment: [String: String]?) {
        self.environment = environment
    }

    /// An unset variable without a default, at `pointer`.
    public struct UnsetVariable: Error, Sendable, Equatable {
        public var name: String
        public var pointer: JSONPointer
    }

    /// A malformed reference (`${` without `}` or a bad name), at `pointer`.
    public struct Malformed: Error, Sendable, Equatable {
        public var text: String
        public var pointer: JSONPointer
    }

    public enum Failure: Error, Sendable, Equatable {
        case unset(UnsetVariable)
        case malformed(Malformed)

        /// Where in the suite.
        public var pointer: JSONPointer {
            switch self {
            case .unset(let u): return u.pointer
            case .malformed(let m): return m.pointer
            }
        }

        public var message: String {
            switch self {
            case .unset(let u):
                return "environment variable \(u.name) is not set (write ${\(u.name):-default} to give a default)"
            case .malformed(let m):
                return "malformed environment reference in \"\(m.text)\" (use ${NAME} or ${NAME:-default})"
            }
        }
    }

    /// Every string in `value` expanded; `pointer` is where `value` sits in the suite.
    public func expand(_ value: JSONValue, at pointer: JSONPointer = .root) throws(Failure) -> JSONValue {
        switch value {
        case .string(let text): return .string(try expand(text, at: pointer))
        case .array(let items):
            var out: [JSONValue] = []
            for (i, item) in items.enumerated() { out.append(try expand(item, at: pointer.appending(i))) }
            return .array(out)
        case .object(let object):
            var out = JSONObject()
            for (key, member) in object { out[key] = try expand(member, at: pointer.appending(key)) }
            return .object(out)
        default: return value
        }
    }

    /// One string expanded.
    public func expand(_ text: String, at pointer: JSONPointer = .root) throws(Failure) -> String {
        guard text.contains("${") else { return text }
        var out = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("${") {
                out += "${"
                rest = after.dropFirst(2)
                continue
            }
            guard after.hasPrefix("{") else {
                out += "$"
                rest = after
                continue
            }
            guard let close = after.firstIndex(of: "}") else {
                throw .malformed(Malformed(text: text, pointer: pointer))
            }
            let body = after[after.index(after: after.startIndex)..<close]
            let name: Substring
            let fallback: Substring?
            if let range = body.firstRange(of: ":-") {
                name = body[..<range.lowerBound]
                fallback = body[range.upperBound...]
            } else {
                name = body
                fallback = nil
            }
            guard Self.isName(name) else { throw .malformed(Malformed(text: text, pointer: pointer)) }
            if let value = environment?[String(name)], !value.isEmpty {
                out += value
            } else if let fallback {
                out += fallback
            } else if environment == nil {
                out += rest[dollar...close]
            } else {
                throw .unset(UnsetVariable(name: String(name), pointer: pointer))
            }
            rest = after[after.index(after: close)...]
        }
        out += rest
        return out
    }

    private static func isName(_ name: Substring) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
