/// The inline Markdown of one segment half, split into text a translator edits and inline codes
/// (bold, italic, code spans, links, HTML) that translation tools must protect.
///
/// Concatenating every part's `markdown` gives back the segment text byte for byte, which is
/// what lets an export-then-import round trip leave files unchanged.
public struct InlineMarkup: Hashable, Sendable {
    /// What an inline code stands for, so writers can pick a type (`fmt`, `link`, `code`).
    public enum CodeKind: String, Hashable, Sendable {
        /// `**…**` or `__…__`.
        case bold
        /// `*…*` or `_…_`.
        case italic
        /// `~~…~~`.
        case strikethrough
        /// `[…](destination)`.
        case link
        /// `` `code` `` (standalone: its content is not translated).
        case code
        /// Raw inline HTML such as `<br/>`.
        case html
        /// `![alt](source)`: `![` opens, `](source)` closes, and the alt text between is translated.
        case image
    }

    /// One piece of the text.
    public enum Part: Hashable, Sendable {
        /// Translatable text, exactly as written (escapes and entities included).
        case text(String)
        /// The opening markup of a paired code (`**`, `[`); `id` pairs it with its `close`.
        case open(id: Int, kind: CodeKind, data: String)
        /// The closing markup of a paired code (`**`, `](url)`).
        case close(id: Int, kind: CodeKind, data: String)
        /// Markup that stands alone (a code span, an HTML tag, an autolink).
        case standalone(id: Int, kind: CodeKind, data: String)

        /// The Markdown this part was cut from.
        public var markdown: String {
            switch self {
            case .text(let text): text
            case .open(_, _, let data), .close(_, _, let data), .standalone(_, _, let data): data
            }
        }
    }

    /// The parts in text order.
    public var parts: [Part]

    /// Creates an inline text from its parts.
    public init(parts: [Part]) { self.parts = parts }

    /// The Markdown the parts spell out (the original segment text for a parsed one).
    public var markdown: String { parts.map(\.markdown).joined() }

    /// Whether the text has any inline code.
    public var hasCodes: Bool {
        parts.contains { if case .text = $0 { false } else { true } }
    }

    /// The kinds and data of the codes, in order, for comparing two sides.
    public var codes: [(kind: CodeKind, data: String)] {
        parts.compactMap {
            switch $0 {
            case .text: nil
            case .open(_, let kind, let data), .close(_, let kind, let data), .standalone(_, let kind, let data):
                (kind, data)
            }
        }
    }

    /// The text parts only, joined: what a translator reads, without the markup.
    public var plainText: String {
        parts.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }
}
