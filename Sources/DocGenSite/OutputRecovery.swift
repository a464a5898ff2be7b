import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Taking the output for a build, and putting right what earlier builds left.
extension OutputWriter {
    /// Takes the output's lock for this build (waiting for another build of the same output, or
    /// refusing with `wait: false`), then recovers: a previous site left aside by a build killed
    /// mid-swap is put back (never deleted), and the staging and set-aside folders of builds that
    /// are gone are removed. Keep the returned lock alive until the build has published.
    public func lock(wait: Bool = true, waiting: ((Int32?) -> Void)? = nil) throws -> OutputLock {
        let lock = try OutputLock.acquire(for: output, wait: wait, waiting: waiting)
        try recover()
        return lock
    }

    /// What `lock` does after taking the lock; the lock guarantees that no other build of this
    /// output is running, and the process check spares folders of a build that still is (an
    /// older docgen that took no lock).
    func recover() throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        var leftovers: [(kind: String, pid: Int32, url: URL)] = []
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for kind in ["new", "old", "trash", "search"] {
                let prefix = ".\(output.lastPathComponent).docgen-\(kind)-"
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0 else { continue }
                if pid != getpid(), Self.isRunning(pid) { continue }
                // This process's search index in the making (`docgen serve` indexes in the background).
                if pid == getpid(), kind == "search" { continue }
                leftovers.append((kind, pid, parent.appendingPathComponent(entry)))
            }
        }
        if !manager.fileExists(atPath: output.path) {
            // A lone previous site: the build that set it aside died before moving its own in.
            let previous = leftovers.filter { $0.kind == "old" }.max { Self.modified($0.url) < Self.modified($1.url) }
            if let previous {
                try OutputSwap.move(previous.url, output)
                leftovers.removeAll { $0.url == previous.url }
            }
        }
        for leftover in leftovers { try? manager.removeItem(at: leftover.url) }
    }

    /// Whether a process with this id exists (it may belong to someone else: `EPERM`).
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }
}
