import DocGenCore

/// Finds the `data-ttu-id` / `sxs-lookup` span pairs in an article body and splits it into
/// `BilingualText` pieces. Malformed pairs become diagnostics and their text is kept, so that
/// nothing the author wrote disappears from the page.
public struct SegmentScanner {
    private let bytes: [UInt8]
    /// The file as text when the caller has it (its UTF-8 is `bytes`): pieces are copied from
    /// it without checking their UTF-8 again.
    private let text: String?
    private let path: String
    private let lines: LineTable
    private let spans: SpanMatches
    /// How many `data-ttu-id` span tags the file has.
    private let targetOpenCount: Int

    private static let targetOpen = Array("<span data-ttu-id=\"".utf8)
    private static let sourceOpen = Array("<span class=\"sxs-lookup\">".utf8)
    private static let sourceInnerOpen = Array("<span data-stu-id=\"".utf8)
    private static let spanOpen = Array("<span".utf8)
    private static let spanClose = Array("</span>".utf8)

    /// Prepares a scan of the whole file `bytes` (`path` is used in diagnostics).
    public init(bytes: [UInt8], path: String) {
        self.init(bytes: bytes, text: nil, path: path, lines: LineTable(bytes))
    }

    /// Prepares a scan of `bytes` whose line table the caller has already made; `text`, when
    /// given, is the text whose UTF-8 `bytes` are.
    init(bytes: [UInt8], text: String?, path: String, lines: LineTable) {
        self.bytes = bytes
        self.text = text
        self.path = path
        self.lines = lines
        var targetOpens = 0
        self.spans = SpanMatches(bytes, open: Self.spanOpen, close: Self.spanClose) { offset in
            if bytes.hasBytes(Self.targetOpen, at: offset) {
                targetOpens += 1
                return true
            }
            return bytes.hasBytes(Self.sourceOpen, at: offset)
        }
        self.targetOpenCount = targetOpens
    }

    /// Scans the body, which runs from byte `bodyStart` to the end of the file.
    public func scan(bodyStart: Int) -> (text: BilingualText, diagnostics: [Diagnostic]) {
        var pieces: [BilingualText.Piece] = []
        // A target span brings at most a piece of Markdown before it and itself (with the source
        // span of its pair): room for that, which only orphan source spans can overrun.
        pieces.reserveCapacity(2 * targetOpenCount + 1)
        var diagnostics: [Diagnostic] = []
        var seenIDs: [String: Int] = [:]  // id → the line it first appears on
        seenIDs.reserveCapacity(targetOpenCount)
        var literalStart = bodyStart
        var cursor = bodyStart

        func flushLiteral(upTo end: Int) {
            if end > literalStart {
                pieces.append(.markdown(string(literalStart..<end), offset: literalStart))
            }
        }

        while let open = nextSpanTag(from: cursor) {
            if matches(Self.targetOpen, at: open) {
                switch parsePair(at: open) {
                case .pair(let segment, let end, let pairDiagnostics):
                    flushLiteral(upTo: open)
                    diagnostics += pairDiagnostics
                    if let firstLine = seenIDs[segment.id] {
                        diagnostics.append(
                            .warning(
                                "docgen.segment.duplicate-id", at: segment.location,
                                "segment id '\(segment.id)' is used again (first at line \(firstLine))",
                                fix: "give each segment of an article its own data-ttu-id"))
                    } else {
                        seenIDs[segment.id] = segment.location.line
                    }
                    pieces.append(.segment(segment))
                    cursor = end
                    literalStart = end
                case .orphanTarget(let textRange, let end, let diagnostic):
                    flushLiteral(upTo: open)
                    diagnostics.append(diagnostic)
                    pieces.append(.orphan(text: string(textRange), side: .target, offset: textRange.lowerBound))
                    cursor = end
                    literalStart = end
                case .broken(let skipTo, let diagnostic):
                    // Drop only the opening tag; the rest stays as Markdown text.
                    flushLiteral(upTo: open)
                    diagnostics.append(diagnostic)
                    cursor = skipTo
                    literalStart = skipTo
                }
            } else if matches(Self.sourceOpen, at: open) {
                flushLiteral(upTo: open)
                let location = self.location(open)
                let (textRange, end) = orphanSource(at: open)
                diagnostics.append(
                    .error(
                        "docgen.segment.unpaired-source", at: location,
                        "an English 'sxs-lookup' span has no translated 'data-ttu-id' span before it",
                        fix: "put the translation in <span data-ttu-id=\"ID\">…</span> right before the sxs-lookup span"
                    ))
                pieces.append(.orphan(text: string(textRange), side: .source, offset: textRange.lowerBound))
                cursor = end
                literalStart = end
            } else {
                cursor = open + Self.spanOpen.count
            }
        }
        flushLiteral(upTo: bytes.count)
        // Kept for the whole build: when the room reserved was far too much (broken tags) or
        // appending had to grow the array, a copy of the right size is kept.
        guard pieces.capacity - pieces.count > pieces.count / 8 else {
            return (BilingualText(pieces: pieces), diagnostics)
        }
        var kept: [BilingualText.Piece] = []
        kept.reserveCapacity(pieces.count)
        kept.append(contentsOf: pieces)
        return (BilingualText(pieces: kept), diagnostics)
    }

    private enum PairResult {
        case pair(Segment, end: Int, [Diagnostic])
        case orphanTarget(Range<Int>, end: Int, Diagnostic)
        case broken(skipTo: Int, Diagnostic)
    }

    private func parsePair(at open: Int) -> PairResult {
        let location = self.location(open)
        guard let (id, targetStart) = attributeValue(after: open + Self.targetOpen.count) else {
            return .broken(
                skipTo: open + Self.targetOpen.count,
                .error(
                    "docgen.segment.malformed-tag", at: location, "a data-ttu-id span tag is not closed by '\">'",
                    fix: "write the tag as <span data-ttu-id=\"ID\">"))
        }
        guard let (targetEnd, nested) = spans.close(ofSpanAt: open, contentStart: targetStart) else {
            return .broken(
                skipTo: targetStart,
                .error(
                    "docgen.segment.unclosed", at: location, "segment '\(id)' is never closed with </span>",
                    fix: "close the translated text with </span>"))
        }
        var diagnostics: [Diagnostic] = []
        if let nested {
            diagnostics.append(
                .error(
                    "docgen.segment.nested", at: self.location(nested),
                    "a segment span is nested inside segment '\(id)'",
                    fix: "close segment '\(id)' before the next one starts"))
        }
        let afterTarget = targetEnd + Self.spanClose.count
        let sourceTag = skipSpaces(from: afterTarget)
        guard matches(Self.sourceOpen, at: sourceTag),
            matches(Self.sourceInnerOpen, at: sourceTag + Self.sourceOpen.count),
            let (sourceID, sourceStart) = attributeValue(
                after: sourceTag + Self.sourceOpen.count + Self.sourceInnerOpen.count),
            let (sourceEnd, _) = spans.close(ofSpanAt: sourceTag + Self.sourceOpen.count, contentStart: sourceStart),
            matches(Self.spanClose, at: skipSpaces(from: sourceEnd + Self.spanClose.count))
        else {
            return .orphanTarget(
                targetStart..<targetEnd, end: afterTarget,
                .error(
                    "docgen.segment.unpaired-target", at: location,
                    "segment '\(id)' has no English 'sxs-lookup' span after it, so the English page shows the translation",
                    fix:
                        "add <span class=\"sxs-lookup\"><span data-stu-id=\"\(id)\">English text</span></span> right after it"
                ))
        }
        if sourceID != id {
            diagnostics.append(
                .warning(
                    "docgen.segment.id-mismatch", at: self.location(sourceTag),
                    "segment '\(id)' is paired with English text whose data-stu-id is '\(sourceID)'",
                    fix: "use the same id in data-ttu-id and data-stu-id"))
        }
        let end = skipSpaces(from: sourceEnd + Self.spanClose.count) + Self.spanClose.count
        let segment = Segment(
            id: id, targetText: string(targetStart..<targetEnd), sourceText: string(sourceStart..<sourceEnd),
            location: location, targetRange: targetStart..<targetEnd, sourceRange: sourceStart..<sourceEnd)
        return .pair(segment, end: end, diagnostics)
    }

    /// The text and end of an `sxs-lookup` span with no target before it.
    private func orphanSource(at open: Int) -> (Range<Int>, Int) {
        var start = open + Self.sourceOpen.count
        var spanOpen = open
        if matches(Self.sourceInnerOpen, at: start),
            let (_, inner) = attributeValue(after: start + Self.sourceInnerOpen.count)
        {
            spanOpen = start
            start = inner
        }
        guard let (close, _) = spans.close(ofSpanAt: spanOpen, contentStart: start) else {
            return (start..<start, start)
        }
        var end = close + Self.spanClose.count
        if matches(Self.spanClose, at: skipSpaces(from: end)) { end = skipSpaces(from: end) + Self.spanClose.count }
        return (start..<close, end)
    }

    /// Reads `value">` and returns the value and the offset after `>`.
    private func attributeValue(after start: Int) -> (String, Int)? {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\n") {
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[index + 1] == UInt8(ascii: ">")
        else { return nil }
        return (string(start..<index), index + 2)
    }

    private func nextSpanTag(from start: Int) -> Int? {
        var index = start
        let limit = bytes.count - Self.spanOpen.count
        while index <= limit {
            // The next `<`, found with `memchr`.
            guard
                let found = bytes.withUnsafeBufferPointer({
                    ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: UnsafeBufferPointer(rebasing: $0[index...]))
                })
            else { return nil }
            index += found
            if index <= limit, matches(Self.spanOpen, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func skipSpaces(from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return index
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool { bytes.hasBytes(pattern, at: offset) }

    private func string(_ range: Range<Int>) -> String {
        // A piece cut from valid text on character boundaries is valid: copied without a check.
        if let text {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            if let piece = String(utf8[start..<utf8.index(start, offsetBy: range.count)]) { return piece }
        }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private func location(_ offset: Int) -> SourceLocation {
        let position = lines.position(ofOffset: offset)
        return SourceLocation(path: path, line: position.line, column: position.column)
    }
}
