/// One step of an instance location, kept unrendered until a violation needs it.
enum PathToken: Sendable {
    case key(String)
    case index(Int)

    var text: String {
        switch self {
        case .key(let key): return key
        case .index(let i): return String(i)
        }
    }
}
