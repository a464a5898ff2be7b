import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exchanges two folders in one step, so a reader (or a crash) sees either the old site or the
/// new one, never neither. On Linux this is `renameat2(…, RENAME_EXCHANGE)` (3.15+, glibc
/// 2.28+), looked up at run time because Glibc's Swift module hides it behind `_GNU_SOURCE`.
enum OutputSwap {
    private typealias RenameAt2 =
        @convention(c) (
            Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32
        ) -> Int32

    #if canImport(Glibc)
        private static let posixRename = Glibc.rename
    #else
        private static let posixRename = Darwin.rename
    #endif

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 1 << 1

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
            return nil
        #endif
    }()

    /// Tests set this to take the two-rename path, as on a filesystem that refuses the exchange.
    nonisolated(unsafe) static var exchangeDisabled =
        ProcessInfo.processInfo.environment["DOCGEN_TEST_NO_EXCHANGE"] == "1"

    /// Exchanges the folders at `a` and `b` atomically. Returns `false`, changing nothing, when
    /// the system or the filesystem cannot (the caller then falls back to two renames); throws
    /// on any other failure.
    static func exchange(_ a: URL, _ b: URL) throws -> Bool {
        guard !exchangeDisabled, let renameat2 else { return false }
        if renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == EOPNOTSUPP || code == EPERM { return false }
        throw BuildFailure.writeFailed("cannot swap \(a.path) and \(b.path): \(String(cString: strerror(code)))")
    }

    /// Renames `from` to `to` (which must not exist), or throws.
    static func move(_ from: URL, _ to: URL) throws {
        guard posixRename(from.path, to.path) == 0 else {
            throw BuildFailure.writeFailed(
                "cannot rename \(from.path) to \(to.path): \(String(cString: strerror(errno)))")
        }
    }
}
