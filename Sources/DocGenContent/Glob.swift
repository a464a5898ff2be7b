/// DocFX-style file globs: `**` crosses folders, `*` and `?` stay inside one, matched case-insensitively.
public struct Glob: Hashable, Sendable {
    private let pattern: [Character]

    /// Creates a glob from a pattern such as `**/*.md` or `includes/**`.
    public init(_ pattern: String) {
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        self.pattern = Array(text.lowercased())
    }

    /// Whether a content-relative path matches.
    public func matches(_ path: String) -> Bool {
        Self.match(pattern[...], Array(path.lowercased())[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            let isDouble = pattern.dropFirst().first == "*"
            var rest = pattern.dropFirst(isDouble ? 2 : 1)
            if isDouble, rest.first == "/" {
                // `**/` also matches zero folders.
                if match(rest.dropFirst(), text) { return true }
                rest = pattern.dropFirst(2)
            }
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                guard index < text.endIndex, isDouble || text[index] != "/" else { return false }
                index += 1
            }
        }
        guard let character = text.first else { return false }
        if first == "?" ? character != "/" : first == character {
            return match(pattern.dropFirst(), text.dropFirst())
        }
        return false
    }
}
