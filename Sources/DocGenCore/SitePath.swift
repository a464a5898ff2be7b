/// Path arithmetic for site-relative paths (`/`-separated, no leading slash), kept pure so that
/// every stage computes links the same way and Output works from any sub-path and from `file://`.
public enum SitePath {
    /// The folder part of a path (`a/b/c.md` → `a/b`, `c.md` → ``).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins a folder and a relative reference, resolving `.` and `..`; returns `nil` when the
    /// reference climbs above the root.
    public static func resolve(_ reference: String, relativeTo directory: String) -> String? {
        var parts = reference.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for component in reference.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative URL that leads from the page at `from` to the file at `to` (both site paths).
    public static func relativeURL(from: String, to: String) -> String {
        let fromParts = directory(of: from).split(separator: "/").map(String.init)
        let toParts = to.split(separator: "/").map(String.init)
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        let rest = toParts[common...]
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "./" : joined
    }

    /// The path with its extension replaced (`a/b.md` → `a/b.html`).
    public static func replacingExtension(of path: String, with newExtension: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + "." + newExtension }
        let stem = path.dropLast(name.distance(from: dot, to: name.endIndex))
        return stem + "." + newExtension
    }

    /// The lower-cased extension of a path without the dot (`a/B.MD` → `md`), or `` when there is none.
    public static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
