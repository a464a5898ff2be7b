import Foundation

/// Data-parallel helpers whose results keep the input order, so output stays deterministic
/// on any number of cores.
enum Parallel {
    /// `items.map(transform)` on `workers` threads (all cores when `nil`). Each worker takes the
    /// next item not yet taken, so long articles do not leave a core idle; each result lands at
    /// its item's index, so the order of work never shows in the result.
    static func map<T, R>(_ items: [T], workers: Int? = nil, _ transform: (T) -> R) -> [R] {
        let count = min(items.count, max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount))
        guard count > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        let next = NSLock()
        var taken = 0
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { _ in
                while true {
                    next.lock()
                    let index = taken
                    taken += 1
                    next.unlock()
                    guard index < items.count else { return }
                    (base + index).pointee = transform(items[index])
                }
            }
        }
        return results.map { $0! }
    }
}
