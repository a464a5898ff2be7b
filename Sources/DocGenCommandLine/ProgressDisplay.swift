import Foundation

/// Shows a long build's page stage on standard error: a bar redrawn in place on a terminal
/// (pages done of total, elapsed time), a plain line at each quarter otherwise (logs, CI).
/// Builds of fewer than `minimum` articles show nothing.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(2) != 0
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var lastQuarter = 0
    private let minimum: Int

    init(minimum: Int = 200) { self.minimum = minimum }

    /// Records progress (called from any worker).
    func update(done: Int, total: Int) {
        guard total >= minimum else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now - start) / 1e9
        if isTerminal {
            guard done == total || now - lastDraw > 80_000_000 else { return }
            lastDraw = now
            let width = 30
            let filled = width * done / max(total, 1)
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            let line =
                done == total
                ? "\r\u{1B}[K" : String(format: "\r  pages [%@] %d/%d  %.1f s", bar, done, total, seconds)
            FileHandle.standardError.write(Data(line.utf8))
        } else {
            let quarter = 4 * done / max(total, 1)
            guard quarter > lastQuarter else { return }
            lastQuarter = quarter
            FileHandle.standardError.write(
                Data(String(format: "  pages: %d/%d (%d%%), %.1f s\n", done, total, quarter * 25, seconds).utf8))
        }
    }
}
