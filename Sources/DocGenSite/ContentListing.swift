import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says about a file without reading it: enough to tell, as git's index
/// does, that it has not changed since the last build.
public struct FileStamp: Hashable, Sendable, Codable {
    /// Size in bytes.
    public var size: Int64
    /// Last modification, in nanoseconds since 1970.
    public var modified: Int64
    /// Last status change (any write, rename or chmod), in nanoseconds since 1970.
    public var changed: Int64
    /// The inode number (a file replaced by another has a new one).
    public var inode: UInt64
}

/// One regular file below the content folder.
public struct ListedFile: Sendable {
    /// The path relative to the content folder, with `/`.
    public var path: String
    /// Its stamp.
    public var stamp: FileStamp
}

/// Lists the content folder: every regular file (symbolic links to files included), hidden
/// entries and one excluded folder (the output) skipped, sorted by path. One `lstat` per entry,
/// so a build can tell in milliseconds which of thousands of files changed.
public enum ContentListing {
    /// Lists `root`, skipping hidden entries and `excluding` (an absolute folder).
    public static func walk(_ root: URL, excluding: URL? = nil) -> [ListedFile] {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let excluded = excluding?.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [ListedFile] = []
        walk(directory: rootPath, relative: "", excluded: excluded, into: &files)
        files.sort { $0.path < $1.path }
        return files
    }

    /// The stamp of one file, `nil` if it does not exist (symbolic links are followed).
    public static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return stamp(info)
    }

    private static func walk(directory: String, relative: String, excluded: String?, into files: inout [ListedFile]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let full = directory + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                if let excluded, full == excluded { continue }
                walk(directory: full, relative: path, excluded: excluded, into: &files)
            } else if type == S_IFREG {
                files.append(ListedFile(path: path, stamp: stamp(info)))
            } else if type == S_IFLNK {
                var target = stat()
                if stat(full, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
                    files.append(ListedFile(path: path, stamp: stamp(target)))
                }
            }
        }
    }

    private static func stamp(_ info: stat) -> FileStamp {
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        return FileStamp(size: Int64(info.st_size), modified: modified, changed: changed, inode: UInt64(info.st_ino))
    }
}
