import Foundation

/// A theme template parsed by docgen itself, for the Mustache that themes use: text, variables
/// (`{{name}}`, `{{{name}}}`, `{{&name}}`), sections, inverted sections, partials and comments.
///
/// swift-mustache looks each tag's name up anew at every render (it splits `page.title` each
/// time and casts every object of the context stack to its protocols), which was a sixth of a
/// build. Here each name is split once, when the theme is compiled, and `CompiledRenderer`
/// walks the page's data directly. The parse is a line-by-line port of swift-mustache's own
/// (`MustacheTemplate.parse`, over `Character`s as it reads them), so the same template gives
/// the same text, standalone lines and partial indentation included. A template with anything
/// else (set delimiters, pragmas, blocks and inheritance, dynamic partials, transforms) does
/// not compile here, and the theme is rendered by swift-mustache instead.
struct CompiledTemplate: Sendable {
    /// One token of a template, as swift-mustache tokenizes it.
    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// A partial by name; `indentation` is set when the tag stands alone on its line.
        case partial(String, indentation: String?)
    }

    /// A tag's name, split at its dots once.
    struct Name: Sendable {
        /// The dotted parts; empty for `.` (the object in scope).
        let parts: [String]
        /// Whether the first part is looked for down the whole context stack (no leading dot).
        let climbs: Bool
        /// The first part's number among all names compiled (`NameSlots`), -1 for `.`: what the
        /// page's top object holds under it is looked up once per render.
        let slot: Int

        init(_ name: String) {
            parts = name.split(separator: ".").map(String.init)
            climbs = name.first != "."
            slot = parts.first.map(NameSlots.shared.slot) ?? -1
        }
    }

    /// The template's tokens.
    let nodes: [Node]

    /// Why a template is left to swift-mustache.
    struct Unsupported: Error {}

    /// Parses `text` (without docgen's escaping pragma); throws `Unsupported` for anything
    /// outside the subset, or for text swift-mustache would not parse either.
    init(_ text: String) throws {
        var parser = Parser(Array(text))
        nodes = try parser.parse(section: nil, newLine: true)
    }
}

/// A number for each distinct first part of a tag's name, process-wide (templates compile once
/// per theme and language): the renderer keeps the top object's values in an array by it.
final class NameSlots: @unchecked Sendable {
    static let shared = NameSlots()
    private let lock = NSLock()
    private var slots: [String: Int] = [:]

    func slot(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let slot = slots[name] { return slot }
        slots[name] = slots.count
        return slots.count - 1
    }
}

/// swift-mustache's `MustacheTemplate.parse`, with the default delimiters and the subset's tags.
private struct Parser {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    var atEnd: Bool { position == characters.count }
    /// The character at the position, `"\0"` at the end (as swift-mustache's `current()`).
    var current: Character { atEnd ? "\0" : characters[position] }

    typealias Node = CompiledTemplate.Node

    mutating func parse(section: String?, newLine startsOnNewLine: Bool) throws -> [Node] {
        var nodes: [Node] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        while !atEnd {
            if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
            let text = try readUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName()
                if isStandalone(newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let inner = try parse(section: name, newLine: setNewLine)
                nodes.append(.section(.init(name), inner, inverted: inverted))
            case "/":
                position += 1
                guard try parseName() == section else { throw CompiledTemplate.Unsupported() }
                if !isStandalone(newLine), !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                return nodes
            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(newLine)
            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName()
                if triple {
                    guard current == "}" else { throw CompiledTemplate.Unsupported() }
                    position += 1
                }
                nodes.append(.variable(.init(name), escaped: false))
            case ">":
                position += 1
                read { $0.isWhitespace }
                guard current != "*" else { throw CompiledTemplate.Unsupported() }
                let name = try parseTagEnd(read { Self.partialNameCharacters.contains($0) })
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(newLine) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "<", "$", "=", "%":
                throw CompiledTemplate.Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                nodes.append(.variable(.init(try parseName()), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw CompiledTemplate.Unsupported() }
        return nodes
    }

    /// Text up to a newline (not read) or past the next `{{`.
    private mutating func readUntilTagOrNewline() throws -> String {
        var text = ""
        while !atEnd {
            while !atEnd, current != "\n", current != "\r\n", current != "{" {
                text.append(current)
                position += 1
            }
            if current.isNewline { break }
            if current == "{" {
                // swift-mustache reads two characters here, and fails when there are not two.
                guard characters.count - position >= 2 else { throw CompiledTemplate.Unsupported() }
                if characters[position + 1] == "{" {
                    position += 2
                    break
                }
                text.append("{")
                position += 1
            }
        }
        return text
    }

    /// A variable or section name; names with transforms (`name(transform)`) are not in the subset.
    private mutating func parseName() throws -> String {
        read { $0.isWhitespace }
        let name = try parseTagEnd(read { Self.nameCharacters.contains($0) })
        guard !name.contains("("), !name.contains(")") else { throw CompiledTemplate.Unsupported() }
        return name
    }

    /// `name` followed by optional whitespace and `}}`.
    private mutating func parseTagEnd(_ name: String) throws -> String {
        read { $0.isWhitespace }
        guard characters.count - position >= 2, characters[position] == "}", characters[position + 1] == "}" else {
            throw CompiledTemplate.Unsupported()
        }
        position += 2
        return name
    }

    private mutating func skipComment() throws {
        var index = position
        while index + 1 < characters.count {
            if characters[index] == "}", characters[index + 1] == "}" {
                position = index + 2
                return
            }
            index += 1
        }
        throw CompiledTemplate.Unsupported()
    }

    /// Whether a tag that began a line ends it too; if so the line's end is read.
    private mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var index = position
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        guard index < characters.count, characters[index].isNewline else { return false }
        position = index + 1
        return true
    }

    @discardableResult
    private mutating func read(while condition: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, condition(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
