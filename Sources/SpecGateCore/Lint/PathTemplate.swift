/// The `{name}` variables of an OpenAPI path template.
enum PathTemplate {
    static func variables(in path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for c in path {
            switch c {
            case "{": current = ""
            case "}":
                if let name = current { names.append(name) }
                current = nil
            default: current?.append(c)
            }
        }
        return names
    }
}
