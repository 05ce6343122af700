import SpecGateJSON

/// Puts a captured identifier into an already serialised request: the path segment the template's
/// `{name}` occupies is replaced by the value, serialised as the parameter declares.
public enum PathRewriter {
    /// The request with parameter `name` set to `value`; nil when the operation has no such path
    /// parameter or the path does not line up with its template.
    public static func replacing(
        _ name: String, with value: String, in request: PreparedRequest, operation: Operation
    ) -> PreparedRequest? {
        guard let spec = operation.parameters(in: .path).first(where: { $0.name == name }) else { return nil }
        let text = request.pathAndQuery
        let queryStart = text.firstIndex(of: "?") ?? text.endIndex
        let path = text[..<queryStart]
        let query = text[queryStart...]
        let templateSegments = operation.path.split(separator: "/", omittingEmptySubsequences: false)
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard templateSegments.count == segments.count,
            let index = templateSegments.firstIndex(where: { $0 == "{" + name + "}" })
        else { return nil }
        segments[index] = ParameterSerializer.serialize(.string(value), for: spec)
        var changed = request
        changed.pathAndQuery = segments.joined(separator: "/") + query
        return changed
    }
}
