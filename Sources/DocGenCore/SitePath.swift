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
        // The parts are the non-empty `/`-separated components (of `from`'s folder), cut on the
        // UTF-8 bytes (a `/` is one byte) and compared as strings; walked in place, with no array.
        var fromBytes = from
        var toBytes = to
        return fromBytes.withUTF8 { fromBuffer in
            toBytes.withUTF8 { toBuffer in
                var fromEnd = fromBuffer.count
                while fromEnd > 0, fromBuffer[fromEnd - 1] != UInt8(ascii: "/") { fromEnd -= 1 }
                var fromParts = Parts(fromBuffer, end: max(fromEnd - 1, 0))
                var toParts = Parts(toBuffer, end: toBuffer.count)
                let toCount = toParts.count
                var common = 0
                var rest = toParts.next()
                var climbs = 0
                while common < toCount - 1, let part = fromParts.next() {
                    guard let other = rest, same(part, in: from, fromBuffer, other, in: to, toBuffer) else {
                        // This part of `from` is not shared: it is climbed out of like those after it.
                        climbs = 1
                        break
                    }
                    common += 1
                    rest = toParts.next()
                }
                while fromParts.next() != nil { climbs += 1 }
                var result = ""
                for index in 0..<climbs { result += index == 0 ? ".." : "/.." }
                while let part = rest {
                    if !result.isEmpty { result += "/" }
                    let utf8 = to.utf8
                    result.append(
                        contentsOf: to[
                            utf8.index(utf8.startIndex, offsetBy: part.lowerBound)..<utf8.index(
                                utf8.startIndex, offsetBy: part.upperBound)])
                    rest = toParts.next()
                }
                return result.isEmpty ? "./" : result
            }
        }
    }

    /// Two path parts (byte ranges of two paths) compared as strings: the same bytes are the same
    /// string, and two ASCII parts that differ are different ones; others are compared as
    /// `Substring`s (canonical equivalence).
    private static func same(
        _ a: Range<Int>, in aText: String, _ aBytes: UnsafeBufferPointer<UInt8>, _ b: Range<Int>, in bText: String,
        _ bBytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let aPart = UnsafeBufferPointer(rebasing: aBytes[a])
        let bPart = UnsafeBufferPointer(rebasing: bBytes[b])
        if aPart.elementsEqual(bPart) { return true }
        if aPart.allSatisfy({ $0 < 0x80 }) && bPart.allSatisfy({ $0 < 0x80 }) { return false }
        func substring(_ range: Range<Int>, of text: String) -> Substring {
            let utf8 = text.utf8
            return Substring(
                utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(
                    utf8.startIndex, offsetBy: range.upperBound)])
        }
        return substring(a, of: aText) == substring(b, of: bText)
    }

    /// The non-empty `/`-separated parts of a path's first `end` bytes, in order, as byte ranges.
    private struct Parts {
        let bytes: UnsafeBufferPointer<UInt8>
        let end: Int
        var cursor = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) {
            self.bytes = bytes
            self.end = end
        }

        mutating func next() -> Range<Int>? {
            while cursor < end, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < end else { return nil }
            let start = cursor
            while cursor < end, bytes[cursor] != UInt8(ascii: "/") { cursor += 1 }
            return start..<cursor
        }

        /// How many parts are left.
        var count: Int {
            var copy = self
            var count = 0
            while copy.next() != nil { count += 1 }
            return count
        }
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
