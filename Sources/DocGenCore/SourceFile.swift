/// A text file read from the content folder, handed to the pipeline as a value.
public struct SourceFile: Hashable, Sendable {
    /// The path relative to the content folder, with `/` separators (for example `billing/invoice.md`).
    public var path: String
    /// The whole text of the file.
    public var text: String

    /// Creates a source file value.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// A file the build produces, before it is written anywhere.
public struct OutputFile: Hashable, Sendable {
    /// The path relative to the output folder, with `/` separators.
    public var path: String
    /// The bytes to write.
    public var contents: [UInt8]

    /// Creates an output file from bytes.
    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// Creates an output file from UTF-8 text.
    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
