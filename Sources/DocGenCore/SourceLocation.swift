/// A position in a source file, as printed in diagnostics (`path:line:column`).
///
/// Lines and columns are 1-based. Columns count UTF-8 bytes from the start of the line,
/// like cmark-gfm, clang and swiftc, so an editor's "go to byte column" lands on the spot.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The path of the file, relative to the content folder when the file belongs to it.
    public var path: String
    /// The 1-based line in the whole file (front matter included).
    public var line: Int
    /// The 1-based UTF-8 byte column in that line.
    public var column: Int

    /// Creates a location; `line` and `column` are 1-based.
    public init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// The location as `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// A line and column inside one text, before it is tied to a file path.
public struct TextPosition: Hashable, Sendable, Comparable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based UTF-8 byte column.
    public var column: Int

    /// Creates a position; both values are 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The position in a file whose text starts `lineOffset` lines further down.
    public func shifted(byLines lineOffset: Int) -> TextPosition {
        TextPosition(line: line + lineOffset, column: column)
    }
}
