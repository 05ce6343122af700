/// Tarjan's algorithm without recursion (deep schema graphs must not exhaust a thread's stack).
enum StronglyConnectedComponents {
    /// Components of the graph with vertices `0..<count`, each listed once.
    static func find(count: Int, successors: (Int) -> [Int]) -> [[Int]] {
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        for root in 0..<count where index[root] < 0 {
            // Work stack of (vertex, its successors, next successor position).
            var work: [(vertex: Int, next: [Int], position: Int)] = []
            func open(_ v: Int) {
                index[v] = counter
                lowLink[v] = counter
                counter += 1
                stack.append(v)
                onStack[v] = true
                work.append((vertex: v, next: successors(v), position: 0))
            }
            open(root)
            while let top = work.last {
                let v = top.vertex
                if top.position < top.next.count {
                    let w = top.next[top.position]
                    work[work.count - 1].position += 1
                    if index[w] < 0 {
                        open(w)
                    } else if onStack[w] {
                        lowLink[v] = min(lowLink[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.vertex { lowLink[parent] = min(lowLink[parent], lowLink[v]) }
                if lowLink[v] == index[v] {
                    var component: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == v { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
