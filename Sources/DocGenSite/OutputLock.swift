import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive hold on one output folder for the whole of a build, so two builds never write,
/// clean up or swap the same site at once. It is an `flock` on `.NAME.docgen-lock` beside the
/// output (the file stays; only the lock matters). The kernel drops the lock when its process
/// ends, however it ends, so a killed build never blocks the next one, and whoever holds the
/// lock knows that any other build's staging folder is a leftover.
public final class OutputLock {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// The lock file of `output` (a sibling, named after it).
    public static func lockFile(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).docgen-lock")
    }

    /// Takes the lock of `output`. When another build holds it, `waiting` is called once with
    /// that build's process id (if known) and the call blocks until the lock is free; with
    /// `wait: false` it throws `BuildFailure.outputBusy` instead.
    public static func acquire(for output: URL, wait: Bool = true, waiting: ((Int32?) -> Void)? = nil) throws
        -> OutputLock
    {
        let file = lockFile(for: output)
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw BuildFailure.writeFailed("cannot create \(file.deletingLastPathComponent().path): \(error)")
        }
        // Never through a symbolic link: the file is truncated and written to, and a link planted
        // beside a shared output (in /tmp, say) could point at any file the builder may write.
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure.writeFailed(
                "cannot open the lock file \(file.path): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = readHolder(descriptor)
            guard wait else {
                close(descriptor)
                throw BuildFailure.outputBusy(output.path, holder: holder)
            }
            waiting?(holder)
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw BuildFailure.writeFailed("cannot lock \(file.path): \(String(cString: strerror(errno)))")
                }
            }
        }
        // Say who holds it, for the message a waiting build prints.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return OutputLock(path: file.path, descriptor: descriptor)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Lets the next build in.
    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
