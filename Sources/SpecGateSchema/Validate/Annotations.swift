/// What in-place subschemas evaluated, for `unevaluatedProperties`/`unevaluatedItems`.
/// Empty sets do not allocate, so carrying one through the fast path is cheap.
struct Annotations {
    var properties: Set<String> = []
    var allProperties = false
    var prefixItems = 0
    var allItems = false
    var containsIndices: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        if !other.properties.isEmpty { properties.formUnion(other.properties) }
        allProperties = allProperties || other.allProperties
        prefixItems = max(prefixItems, other.prefixItems)
        allItems = allItems || other.allItems
        if !other.containsIndices.isEmpty { containsIndices.formUnion(other.containsIndices) }
    }
}
