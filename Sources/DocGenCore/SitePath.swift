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
        // Components are cut on the UTF-8 bytes (a `/` is one byte) and compared as strings.
        let fromParts = components(from.utf8.lastIndex(of: UInt8(ascii: "/")).map { from[..<$0] } ?? "")
        let toParts = components(Substring(to))
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] {
            common += 1
        }
        var result = ""
        for index in 0..<(fromParts.count - common) { result += index == 0 ? ".." : "/.." }
        for part in toParts[common...] {
            if !result.isEmpty { result += "/" }
            result += part
        }
        return result.isEmpty ? "./" : result
    }

    /// The non-empty `/`-separated parts of a path.
    private static func components(_ path: Substring) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// The path with its extension replaced (`a/b.md` → `a/b.html`).
    public static func replacingExtension(of path: String, with newExtension: String) -> String {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else {
            return path + "." + newExtension
        }
        // Joined as strings: `Substring + String` appends character by character.
        var result = String(path[..<dot])
        result.reserveCapacity(result.utf8.count + 1 + newExtension.utf8.count)
        result += "."
        result += newExtension
        return result
    }

    /// The lower-cased extension of a path without the dot (`a/B.MD` → `md`), or `` when there is none.
    public static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
