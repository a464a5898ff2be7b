/// Numbers the inline codes of a segment pair so that one id means one code on both sides.
///
/// XLIFF 2.0 says codes with the same id in source and target are the same code, and CAT tools
/// check tags by id: numbering each side in its own order would tell them that the English's
/// first link is the translation's first code even when the translation reorders them. The
/// source keeps its reading order (1, 2, 3…); each target code takes the id of the source code
/// it stands for (same kind and Markdown first, then same kind in order) and codes found only
/// in the target get ids after the source's.
public enum CodeCorrespondence {
    /// The two sides of a segment with corresponding ids.
    public static func number(source: InlineMarkup, target: InlineMarkup) -> (
        source: InlineMarkup, target: InlineMarkup
    ) {
        let sourceCodes = codes(of: source)
        let targetCodes = codes(of: target)
        var assigned: [Int: Int] = [:]  // target id -> source id
        var used = Set<Int>()
        // Exact first (same kind and Markdown), then the same kind in order.
        for exact in [true, false] {
            for code in targetCodes where assigned[code.id] == nil {
                if let match = sourceCodes.first(where: {
                    !used.contains($0.id) && $0.kind == code.kind && $0.shape == code.shape
                        && (!exact || $0.data == code.data)
                }) {
                    assigned[code.id] = match.id
                    used.insert(match.id)
                }
            }
        }
        var next = (sourceCodes.map(\.id).max() ?? 0) + 1
        for code in targetCodes where assigned[code.id] == nil {
            assigned[code.id] = next
            next += 1
        }
        return (source, renumbered(target, assigned))
    }

    /// The Markdown of every code of numbered sides, by id: what `<pc>`, `<ph>`, `<g>` or `<x>`
    /// written by a tool without the original data stand for. Earlier sides win: pass the target
    /// first to resolve a translation (its link keeps its localised URL), the source first for the English.
    public static func table(_ sides: [InlineMarkup]) -> [CodeReference: String] {
        var table: [CodeReference: String] = [:]
        for markup in sides {
            for part in markup.parts {
                switch part {
                case .text: break
                case .open(let id, _, let data):
                    if table[CodeReference(.open, id)] == nil { table[CodeReference(.open, id)] = data }
                case .close(let id, _, let data):
                    if table[CodeReference(.close, id)] == nil { table[CodeReference(.close, id)] = data }
                case .standalone(let id, _, let data):
                    if table[CodeReference(.standalone, id)] == nil { table[CodeReference(.standalone, id)] = data }
                }
            }
        }
        return table
    }

    /// A code as a tool names it: its role and its id.
    public struct CodeReference: Hashable, Sendable {
        /// Opening, closing or standalone.
        public enum Role: String, Hashable, Sendable {
            case open = "o"
            case close = "c"
            case standalone = "s"
        }

        /// The role of the code.
        public var role: Role
        /// The id the export gave it.
        public var id: String

        /// Creates a reference.
        public init(_ role: Role, _ id: Int) { self.init(role, String(id)) }

        /// Creates a reference from an id as read from a file.
        public init(_ role: Role, _ id: String) {
            self.role = role
            self.id = id
        }
    }

    private struct Code {
        var id: Int
        var kind: InlineMarkup.CodeKind
        var shape: String  // "pair" or "standalone"
        var data: String  // opening + closing Markdown for a pair
    }

    private static func codes(of markup: InlineMarkup) -> [Code] {
        var closing: [Int: String] = [:]
        for case .close(let id, _, let data) in markup.parts { closing[id] = data }
        return markup.parts.compactMap { part in
            switch part {
            case .open(let id, let kind, let data):
                Code(id: id, kind: kind, shape: "pair", data: data + (closing[id] ?? ""))
            case .standalone(let id, let kind, let data): Code(id: id, kind: kind, shape: "standalone", data: data)
            case .text, .close: nil
            }
        }
    }

    private static func renumbered(_ markup: InlineMarkup, _ ids: [Int: Int]) -> InlineMarkup {
        InlineMarkup(
            parts: markup.parts.map { part in
                switch part {
                case .text: part
                case .open(let id, let kind, let data): .open(id: ids[id] ?? id, kind: kind, data: data)
                case .close(let id, let kind, let data): .close(id: ids[id] ?? id, kind: kind, data: data)
                case .standalone(let id, let kind, let data): .standalone(id: ids[id] ?? id, kind: kind, data: data)
                }
            })
    }
}
