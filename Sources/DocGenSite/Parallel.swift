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

    /// Starts `work` on a thread of its own and returns at once; `value` waits for its result.
    /// For a serial step whose input is known early (the theme), so it runs beside other steps.
    /// With one worker, `work` runs here and now: `--jobs 1` uses one thread.
    static func start<R>(workers: Int?, _ work: @escaping () -> R) -> Pending<R> {
        let pending = Pending<R>()
        if workers == 1 {
            pending.result = work()
            pending.done.signal()
            return pending
        }
        let thread = Thread {
            pending.result = work()
            pending.done.signal()
        }
        thread.stackSize = 8 << 20  // as a main thread's: the work may parse nested input
        thread.start()
        return pending
    }

    /// The result of `start`, once its work has finished.
    final class Pending<R>: @unchecked Sendable {
        fileprivate var result: R?
        fileprivate let done = DispatchSemaphore(value: 0)
        private var taken: R?

        /// Waits for the work (the first time) and returns its result.
        var value: R {
            if let taken { return taken }
            done.wait()
            taken = result
            return taken!
        }
    }
}
