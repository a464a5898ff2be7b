import DocGenContent
import DocGenCore

/// Expands DocFX includes, `[!INCLUDE [title](path/to/file.md)]`, in one side's composed Markdown:
/// the included file's own Markdown for the same side (its segments wrapped like the article's)
/// replaces the directive. Included text maps back to the directive's position in the article,
/// so a problem inside an include points at the line that pulls it in. Articles themselves are
/// not changed: translation tools keep working on each file separately.
struct IncludeExpander {
    /// Parsed include files by content path.
    let includes: [String: Article]
    /// Adds the segment markup around each segment's text.
    let wrap: (Segment, TextSide) -> (prefix: String, suffix: String)

    static let maximumDepth = 5

    /// The text with every include expanded, its map back to the input, and problems at input offsets.
    func expand(_ text: String, side: TextSide, from articlePath: String, depth: Int = 0, chain: [String] = [])
        -> (text: String, map: SourceMap, issues: [(offset: Int, diagnostic: Diagnostic)])
    {
        guard text.containsBytes("[!INCLUDE") || text.containsBytes("[!include") else { return (text, .identity, []) }
        let bytes = Array(text.utf8)
        var builder = MappedTextBuilder()
        var issues: [(offset: Int, diagnostic: Diagnostic)] = []
        var copied = 0
        for match in Self.directives(in: text) {
            builder.appendVerbatim(bytes[copied..<match.range.lowerBound], from: copied)
            copied = match.range.upperBound
            let directory = SitePath.directory(of: articlePath)
            guard let path = SitePath.resolve(match.path, relativeTo: directory), let included = includes[path] else {
                issues.append(
                    (
                        match.range.lowerBound,
                        .warning(
                            "docgen.include.missing", at: nil,
                            "the included file '\(match.path)' is not in the content folder",
                            fix: "correct the path, relative to this file")
                    ))
                continue
            }
            if chain.contains(path) || depth >= Self.maximumDepth {
                issues.append(
                    (
                        match.range.lowerBound,
                        .warning(
                            "docgen.include.cycle", at: nil,
                            "'\(match.path)' includes itself (through \(chain.joined(separator: " → ")))",
                            fix: "remove the include that leads back to an including file")
                    ))
                continue
            }
            let composed = included.body.markdown(for: side, wrap: wrap).text
            let nested = expand(composed, side: side, from: path, depth: depth + 1, chain: chain + [path])
            issues += nested.issues.map { (match.range.lowerBound, $0.diagnostic) }
            let trimmed = nested.text.trimmingCharacters(in: .newlines)
            builder.appendInserted(
                match.isBlock ? trimmed + "\n" : trimmed.replacingOccurrences(of: "\n", with: " "),
                anchor: match.range.lowerBound)
        }
        builder.appendVerbatim(bytes[copied...], from: copied)
        return (builder.text, builder.map, issues)
    }

    /// One `[!INCLUDE [title](path)]` occurrence: its byte range, path, and whether it stands alone on its line.
    struct Directive {
        var range: Range<Int>
        var path: String
        var isBlock: Bool
    }

    static func directives(in text: String) -> [Directive] {
        let bytes = Array(text.utf8)
        var result: [Directive] = []
        var index = 0
        let marker = Array("[!include".utf8)
        while index + marker.count < bytes.count {
            guard bytes[index] == UInt8(ascii: "["),
                zip(marker, bytes[index...]).allSatisfy({ $0 == $1 || $0 == $1 | 0x20 })
            else {
                index += 1
                continue
            }
            // [!INCLUDE [title](path)] — find "](", then ")", then "]".
            var cursor = index + marker.count
            while cursor < bytes.count,
                bytes[cursor] != UInt8(ascii: "]") || cursor + 1 >= bytes.count
                    || bytes[cursor + 1] != UInt8(ascii: "(")
            {
                if bytes[cursor] == UInt8(ascii: "\n") { break }
                cursor += 1
            }
            guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "]"), bytes[cursor + 1] == UInt8(ascii: "("),
                let close = bytes[(cursor + 2)...].firstIndex(of: UInt8(ascii: ")")),
                close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "]")
            else {
                index += 1
                continue
            }
            let path = String(decoding: bytes[(cursor + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let lineStart = bytes[..<index].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let lineEnd = bytes[(close + 2)...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let before = bytes[lineStart..<index].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }
            let after = bytes[(close + 2)..<lineEnd].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            result.append(Directive(range: index..<(close + 2), path: path, isBlock: before && after))
            index = close + 2
        }
        return result
    }
}
