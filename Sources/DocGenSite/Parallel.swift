import Foundation

/// Data-parallel helpers whose results keep the input order, so output stays deterministic
/// on any number of cores.
enum Parallel {
    /// `items.map(transform)`, computed on all cores.
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (base + index).pointee = transform(items[index])
            }
        }
        return results.map { $0! }
    }
}
