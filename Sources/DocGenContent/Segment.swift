import DocGenCore

/// One translated sentence: the target (translated) Markdown and the source (English) Markdown
/// it was translated from, as written in a `data-ttu-id` / `sxs-lookup` span pair.
public struct Segment: Hashable, Sendable {
    /// The id shared by both halves (`0aaa1-104`); unique within an article, not across revisions.
    public var id: String
    /// The translated Markdown (French in the corpus).
    public var targetText: String
    /// The original English Markdown.
    public var sourceText: String
    /// Where the pair starts in the file (the `<` of `<span data-ttu-id`).
    public var location: SourceLocation {
        get { SourceLocation(path: path, line: Int(line), column: Int(column)) }
        set { (path, line, column) = (newValue.path, Int32(clamping: newValue.line), Int32(clamping: newValue.column)) }
    }
    /// The UTF-8 byte range of `targetText` in the whole file, so a translation can be written back.
    public var targetRange: Range<Int> {
        get { Int(targetStart)..<Int(targetEnd) }
        set { (targetStart, targetEnd) = (Int32(clamping: newValue.lowerBound), Int32(clamping: newValue.upperBound)) }
    }
    /// The UTF-8 byte range of `sourceText` in the whole file.
    public var sourceRange: Range<Int> {
        get { Int(sourceStart)..<Int(sourceEnd) }
        set { (sourceStart, sourceEnd) = (Int32(clamping: newValue.lowerBound), Int32(clamping: newValue.upperBound)) }
    }

    // Kept in 32 bits (a parsed docset holds every segment of every article, each in an array
    // slot as wide as a segment): the location and ranges above are made from them.
    private var path: String
    private var line: Int32
    private var column: Int32
    private var targetStart: Int32
    private var targetEnd: Int32
    private var sourceStart: Int32
    private var sourceEnd: Int32

    /// Creates a segment.
    public init(
        id: String, targetText: String, sourceText: String, location: SourceLocation,
        targetRange: Range<Int>, sourceRange: Range<Int>
    ) {
        self.id = id
        self.targetText = targetText
        self.sourceText = sourceText
        (path, line, column) = (location.path, Int32(clamping: location.line), Int32(clamping: location.column))
        (targetStart, targetEnd) = (Int32(clamping: targetRange.lowerBound), Int32(clamping: targetRange.upperBound))
        (sourceStart, sourceEnd) = (Int32(clamping: sourceRange.lowerBound), Int32(clamping: sourceRange.upperBound))
    }

    /// The text of one side.
    public func text(_ side: TextSide) -> String { side == .target ? targetText : sourceText }
}

/// The body of an article as a sequence of plain Markdown and translated segments.
public struct BilingualText: Hashable, Sendable {
    /// One part of the body.
    public enum Piece: Hashable, Sendable {
        /// Markdown outside any segment, the same in both languages; `offset` is its byte offset in the file.
        case markdown(String, offset: Int)
        /// A complete target/source pair.
        case segment(Segment)
        /// Half a pair whose other half is missing; it is shown in both languages. `offset` is in the file.
        case orphan(text: String, side: TextSide, offset: Int)
    }

    /// The pieces in body order.
    public var pieces: [Piece]

    /// Creates a bilingual text from its pieces.
    public init(pieces: [Piece]) { self.pieces = pieces }

    /// Every complete segment, in body order.
    public var segments: [Segment] {
        pieces.compactMap { if case .segment(let segment) = $0 { segment } else { nil } }
    }

    /// Whether the body has no segment at all (a target-only article, with no English).
    public var isTargetOnly: Bool {
        !pieces.contains { if case .segment = $0 { true } else { false } }
    }

    /// The Markdown of one side, each segment's text passed through `wrap` (which adds the markup
    /// that carries the segment id into HTML), with a map back to byte offsets in the file.
    public func markdown(
        for side: TextSide, wrap: (Segment, TextSide) -> (prefix: String, suffix: String) = { _, _ in ("", "") }
    ) -> (text: String, map: SourceMap) {
        // Built as a String, not bytes: appending valid text needs no UTF-8 check of the whole
        // result, which decoding a byte buffer would make.
        var text = ""
        var map = SourceMap()
        var size = 0
        for piece in pieces {
            switch piece {
            case .markdown(let plain, _), .orphan(let plain, _, _): size += plain.utf8.count
            case .segment(let segment): size += segment.text(side).utf8.count + 64
            }
        }
        text.reserveCapacity(size)
        func verbatim(_ piece: String, from offset: Int) {
            guard !piece.isEmpty else { return }
            map.addVerbatim(outputStart: text.utf8.count, inputStart: offset)
            text += piece
        }
        func inserted(_ piece: String, anchor: Int) {
            guard !piece.isEmpty else { return }
            map.addInserted(outputStart: text.utf8.count, anchor: anchor)
            text += piece
        }
        for piece in pieces {
            switch piece {
            case .markdown(let markdown, let offset):
                verbatim(markdown, from: offset)
            case .segment(let segment):
                let (prefix, suffix) = wrap(segment, side)
                let start = (side == .target ? segment.targetRange : segment.sourceRange).lowerBound
                inserted(prefix, anchor: start)
                verbatim(segment.text(side), from: start)
                inserted(suffix, anchor: start)
            case .orphan(let orphan, _, let offset):
                verbatim(orphan, from: offset)
            }
        }
        return (text, map)
    }
}
