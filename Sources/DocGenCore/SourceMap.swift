/// Maps byte offsets in a text that docgen produced (a per-language Markdown, a preprocessed
/// Markdown) back to byte offsets in the text it came from, so diagnostics found late in the
/// pipeline still point at the author's file, line and column.
///
/// The produced text is a sequence of chunks: verbatim chunks are copied byte for byte from the
/// input, inserted chunks (markup docgen wrote) map to one anchor offset in the input.
public struct SourceMap: Sendable, Hashable {
    private struct Chunk: Sendable, Hashable {
        var outputStart: Int
        var inputStart: Int
        var verbatim: Bool
    }

    private var chunks: [Chunk] = []

    /// An empty map.
    public init() {}

    /// The identity map: every output offset is the same input offset.
    public static let identity: SourceMap = {
        var map = SourceMap()
        map.chunks = [Chunk(outputStart: 0, inputStart: 0, verbatim: true)]
        return map
    }()

    /// Records that the output from `outputStart` on copies the input from `inputStart` on.
    public mutating func addVerbatim(outputStart: Int, inputStart: Int) {
        chunks.append(Chunk(outputStart: outputStart, inputStart: inputStart, verbatim: true))
    }

    /// Records that the output from `outputStart` on is inserted text standing for the input at `anchor`.
    public mutating func addInserted(outputStart: Int, anchor: Int) {
        chunks.append(Chunk(outputStart: outputStart, inputStart: anchor, verbatim: false))
    }

    /// The input offset that produced the output byte at `offset`.
    public func inputOffset(forOutput offset: Int) -> Int {
        var low = 0
        var high = chunks.count - 1
        guard high >= 0 else { return offset }
        while low < high {
            let mid = (low + high + 1) / 2
            if chunks[mid].outputStart <= offset { low = mid } else { high = mid - 1 }
        }
        let chunk = chunks[low]
        guard chunk.outputStart <= offset else { return chunk.inputStart }
        return chunk.verbatim ? chunk.inputStart + (offset - chunk.outputStart) : chunk.inputStart
    }

    /// A map from this map's output straight to `inner`'s input, when this map's input is `inner`'s output.
    public func composed(with inner: SourceMap) -> ComposedSourceMap {
        ComposedSourceMap(maps: [self, inner])
    }
}

/// Several source maps applied in turn, outermost first.
public struct ComposedSourceMap: Sendable {
    /// The maps, from the last produced text back to the original.
    public var maps: [SourceMap]

    /// Creates a chain of maps, outermost first.
    public init(maps: [SourceMap]) { self.maps = maps }

    /// The original offset of a byte of the outermost text.
    public func inputOffset(forOutput offset: Int) -> Int {
        maps.reduce(offset) { $1.inputOffset(forOutput: $0) }
    }
}

/// Builds a text and its `SourceMap` together, chunk by chunk.
public struct MappedTextBuilder: Sendable {
    /// The bytes produced so far.
    public private(set) var bytes: [UInt8] = []
    /// The map from the produced bytes to the input.
    public private(set) var map = SourceMap()

    /// An empty builder.
    public init() {}

    /// Appends bytes copied from the input, starting at input offset `inputStart`.
    public mutating func appendVerbatim<C: Collection>(_ input: C, from inputStart: Int) where C.Element == UInt8 {
        guard !input.isEmpty else { return }
        map.addVerbatim(outputStart: bytes.count, inputStart: inputStart)
        bytes.append(contentsOf: input)
    }

    /// Appends a string copied from the input: the same as the generic form, without going
    /// through `Collection` one byte at a time when called from another module.
    public mutating func appendVerbatim(_ input: String, from inputStart: Int) {
        var input = input
        input.withUTF8 { appendVerbatim($0, from: inputStart) }
    }

    /// Appends bytes copied from the input (the same as the generic form, for array slices).
    public mutating func appendVerbatim(_ input: ArraySlice<UInt8>, from inputStart: Int) {
        input.withUnsafeBufferPointer { appendVerbatim($0, from: inputStart) }
    }

    /// Makes room for `count` bytes in all, when the caller knows the size of the text.
    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    /// Appends text docgen wrote itself, standing for the input at `anchor`.
    public mutating func appendInserted(_ text: String, anchor: Int) {
        guard !text.isEmpty else { return }
        map.addInserted(outputStart: bytes.count, anchor: anchor)
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The produced text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Converts between byte offsets and 1-based line/column positions of one text.
public struct LineTable: Sendable {
    private let lineStarts: [Int]
    private let length: Int

    /// The size in bytes of the text indexed.
    public var byteCount: Int { length }

    /// Indexes the line starts of `bytes`.
    public init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        // Scan contiguous storage through a concrete buffer type, so the loop is fast even when
        // this generic initializer is called unspecialized from another module.
        if let indexed = bytes.withContiguousStorageIfAvailable({ Self.index($0) }) {
            (lineStarts, length) = indexed
        } else {
            (lineStarts, length) = Array(bytes).withUnsafeBufferPointer { Self.index($0) }
        }
    }

    private static func index(_ buffer: UnsafeBufferPointer<UInt8>) -> ([Int], Int) {
        var starts = [0]
        var start = 0
        // Each line end is found with `memchr` (a line of an article is often hundreds of bytes).
        while let found = ByteSearch.firstIndex(
            of: UInt8(ascii: "\n"), in: UnsafeBufferPointer(rebasing: buffer[start...]))
        {
            start += found + 1
            starts.append(start)
        }
        return (starts, buffer.count)
    }

    /// Indexes the line starts of a string.
    public init(_ text: String) {
        var copy = text
        (lineStarts, length) = copy.withUTF8 { Self.index($0) }
    }

    /// The 1-based line and UTF-8 column of a byte offset.
    public func position(ofOffset offset: Int) -> TextPosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return TextPosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// The byte offset of a 1-based line and UTF-8 column, clamped to the text.
    public func offset(of position: TextPosition) -> Int {
        let line = min(max(position.line, 1), lineStarts.count)
        return min(lineStarts[line - 1] + max(position.column, 1) - 1, length)
    }
}
