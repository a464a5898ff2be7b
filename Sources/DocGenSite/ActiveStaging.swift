import Foundation

/// The staging folders of the builds running in this process, so that a SIGINT or SIGTERM
/// handler (installed by the command line) can remove them before the process ends. A swap in
/// progress finishes first: the handler waits for it, so an interrupted build leaves either the
/// previous site or the new one in place, and no staging folder.
public enum ActiveStaging {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: [ObjectIdentifier: OutputStaging] = [:]

    static func register(_ staging: OutputStaging) {
        lock.lock()
        defer { lock.unlock() }
        folders[ObjectIdentifier(staging)] = staging
    }

    /// Runs `swap` (which moves the staging folder into place) so that no signal handler
    /// removes the folder meanwhile; the folder is no longer this build's to clean up after it.
    static func swapping<T>(_ staging: OutputStaging, _ swap: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let result = try swap()
        folders[ObjectIdentifier(staging)] = nil
        return result
    }

    /// Closes and removes one staging folder (a build that will not publish).
    static func abandon(_ staging: OutputStaging) {
        lock.lock()
        folders[ObjectIdentifier(staging)] = nil
        lock.unlock()
        remove(staging)
    }

    /// Closes and removes every staging folder of this process; returns how many there were.
    /// Safe to call from a signal handler's queue while builds run on other threads. The lock
    /// stays taken, so no build can start a swap afterwards; the caller is expected to exit.
    @discardableResult
    public static func abandonAll() -> Int {
        lock.lock()
        let all = Array(folders.values)
        folders.removeAll()
        for staging in all { remove(staging) }
        return all.count
    }

    /// Closes the folder to writers, renames it aside (writers that raced the close find no
    /// folder) and deletes it.
    private static func remove(_ staging: OutputStaging) {
        staging.close()
        let manager = FileManager.default
        let trash = staging.root.deletingLastPathComponent().appendingPathComponent(
            staging.root.lastPathComponent.replacingOccurrences(of: ".docgen-new-", with: ".docgen-trash-"))
        if (try? OutputSwap.move(staging.root, trash)) != nil {
            try? manager.removeItem(at: trash)
        } else {
            try? manager.removeItem(at: staging.root)
        }
    }
}
