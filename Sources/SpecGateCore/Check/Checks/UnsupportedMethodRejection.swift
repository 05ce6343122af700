/// `unsupported_method`: a method the path does not declare (an `unsupported-method` probe) is answered
/// 405 Method Not Allowed with an `Allow` header listing exactly the path's documented methods
/// (RFC 9110 §15.5.6). `HEAD` may be listed alongside `GET`, and `OPTIONS` always. A 5xx is left to
/// `not_a_server_error`.
public struct UnsupportedMethodRejection: ResponseCheck {
    public init() {}

    public let name = "unsupported_method"
    public let summary = "An undeclared method is answered 405 with an Allow header listing the documented methods."

    public func check(_ input: CheckInput, schemas: ResponseSchemas) -> [CheckViolation]? {
        guard input.mutation == UnsupportedMethod.mutationName else { return nil }
        let status = input.response.status
        if status >= 500 { return nil }
        let declaredMethods = schemas.declaredMethods(on: input.operation.path)
        let declared = (declaredMethods.isEmpty ? [input.operation.method] : declaredMethods).map(\.wireName)
        let expected = "405 with Allow: \(declared.joined(separator: ", "))"
        guard status == 405 else {
            let accepted = (200..<400).contains(status)
            return [
                CheckViolation(
                    message: accepted
                        ? "a method \(input.operation.path) does not declare was accepted with \(status)"
                        : "a method \(input.operation.path) does not declare was answered \(status), not 405 Method Not Allowed",
                    expected: expected, actual: String(status),
                    fingerprintDetail: accepted ? "undeclared method accepted" : "undeclared method answered \(status)")
            ]
        }
        let allowFields = input.response.headers.filter { $0.name.lowercased() == "allow" }
        guard !allowFields.isEmpty else {
            return [
                CheckViolation(
                    message: "405 without an Allow header (RFC 9110 §15.5.6 requires one)",
                    expected: expected, actual: "405, no Allow", fingerprintDetail: "405 without Allow")
            ]
        }
        // RFC 9110 §10.2.1: a comma-separated list of method tokens (case-sensitive); repeated fields combine.
        let listed = allowFields.flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        var tolerated: Set<String> = ["OPTIONS"]
        if declared.contains("GET") { tolerated.insert("HEAD") }
        let undocumented = listed.filter { !declared.contains($0) && !tolerated.contains($0) }
        let missing = declared.filter { !listed.contains($0) }
        var violations: [CheckViolation] = []
        let actual = "Allow: " + allowFields.map(\.value).joined(separator: ", ")
        if !undocumented.isEmpty {
            violations.append(
                CheckViolation(
                    message:
                        "Allow lists \(undocumented.joined(separator: ", ")), which \(input.operation.path) does not document",
                    expected: expected, actual: actual,
                    fingerprintDetail: "Allow lists undocumented " + undocumented.sorted().joined(separator: ",")))
        }
        if !missing.isEmpty {
            violations.append(
                CheckViolation(
                    message: "Allow omits \(missing.joined(separator: ", ")), which \(input.operation.path) documents",
                    expected: expected, actual: actual,
                    fingerprintDetail: "Allow omits " + missing.sorted().joined(separator: ",")))
        }
        return violations
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (optional whitespace, RFC 9110 §5.6.3).
    fileprivate func trimmingWhitespace() -> String {
        var s = self
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
