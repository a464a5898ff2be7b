import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders (recursively) with Linux inotify and calls back once per burst of changes:
/// after the first event it waits until the folders have been quiet for `settle` seconds, so
/// an editor's write-rename-chmod counts as one edit. The callback gets the time of the first
/// event (for the edit→reload latency the server logs). Runs on its own thread.
public final class FileWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let excluded: [String]
    private let settle: Double
    private var descriptor: Int32 = -1
    private var watches: [Int32: String] = [:]
    private var thread: Thread?
    private var stopped = false

    /// Creates a watcher of `folders`, ignoring anything below `excluded` (the output folder).
    public init(folders: [URL], excluding excluded: [URL] = [], settle: Double = 0.01) {
        self.folders = folders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
        self.excluded = excluded.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        self.settle = settle
    }

    /// Starts watching; `onChange` runs on the watcher's thread with the paths that changed.
    public func start(_ onChange: @escaping @Sendable (_ firstEvent: UInt64, _ paths: [String]) -> Void) throws {
        #if canImport(Glibc)
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatchError.unavailable(String(cString: strerror(errno))) }
            for folder in folders { addTree(folder.path) }
            let thread = Thread { [self] in loop(onChange) }
            thread.name = "docgen file watcher"
            self.thread = thread
            thread.start()
        #else
            throw WatchError.unavailable("inotify is Linux only")
        #endif
    }

    /// Stops watching.
    public func stop() {
        stopped = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Why watching could not start.
    public enum WatchError: Error, CustomStringConvertible {
        case unavailable(String)
        public var description: String {
            switch self {
            case .unavailable(let reason): "cannot watch the content folder: \(reason)"
            }
        }
    }

    #if canImport(Glibc)
        private func addTree(_ path: String) {
            if excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { return }
            let mask = UInt32(
                IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB
                    | IN_DELETE_SELF)
            let watch = inotify_add_watch(descriptor, path, mask)
            if watch >= 0 { watches[watch] = path }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in entries where !name.hasPrefix(".") {
                var isDirectory: ObjCBool = false
                let child = path + "/" + name
                if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
                    addTree(child)
                }
            }
        }

        private func loop(_ onChange: @Sendable (UInt64, [String]) -> Void) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while !stopped {
                guard let first = readEvents(&buffer, timeout: -1) else { return }
                let start = DispatchTime.now().uptimeNanoseconds
                var changed = first
                // Gather the rest of the burst.
                while let more = readEvents(&buffer, timeout: Int32(settle * 1000)), !more.isEmpty {
                    changed += more
                }
                let paths = Array(Set(changed)).sorted()
                let relevant = paths.filter { path in
                    !excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
                        && !(path.split(separator: "/").last?.hasPrefix(".") ?? false)
                }
                if !relevant.isEmpty { onChange(start, relevant) }
            }
        }

        /// The paths of the events that arrive within `timeout` ms (-1: wait), `[]` on timeout, nil when closed.
        private func readEvents(_ buffer: inout [UInt8], timeout: Int32) -> [String]? {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if stopped || descriptor < 0 { return nil }
            if ready == 0 { return [] }
            if ready < 0 { return errno == EINTR ? [] : nil }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return nil }
            var paths: [String] = []
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if let folder = watches[watch] {
                    let path = name.isEmpty ? folder : folder + "/" + name
                    paths.append(path)
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
                }
                offset = nameStart + length
            }
            return paths
        }
    #endif
}
