import DocGenCore
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads XLIFF 2.0, XLIFF 1.0–1.2 and TMX files, whichever tool saved them, turning inline codes
/// back into the Markdown they carry.
///
/// The dialect comes from the root element (its name, `version` and namespace), never from the
/// file name. Elements are matched by local name, so namespace prefixes (`<x:unit>`) read the
/// same. Text comes from character data, character references and CDATA alike. XLIFF 2.0 units
/// split into several `<segment>`s are joined back with their `<ignorable>` text. Codes whose
/// Markdown is in the file (`<originalData>`, the text of `<bpt>`/`<ept>`/`<ph>`) are put back
/// directly; codes without it (`<g>`, `<x>`, `<pc>` without data references, `<sc>`/`<ec>`) become
/// `CodePlaceholder`s that the importer resolves against the article.
final class XMLTranslationReader: NSObject, XMLParserDelegate {
    enum Dialect { case xliff2, xliff12, tmx }

    private let path: String
    private var dialect: Dialect?
    private var parser: XMLParser?
    private(set) var articlePath: String?
    private var units: [ImportedDocument.Unit] = []
    private var diagnostics: [Diagnostic] = []
    private var fatal: String?
    private var fatalLine: Int?

    // The unit being read.
    private var unitKey: String?
    private var unitLine = 1
    private var unitSegmentID: String?
    private var unitSourceFile: String?
    private var unitIsHeader = false
    private var pieces: [(source: String, target: String?, ignorable: Bool)] = []
    private var pieceSource = ""
    private var pieceTarget: String?
    private var pieceIgnorable = false
    private var originalData: [String: String] = [:]
    private var openCodes: [(id: String, end: String?)] = []
    private var unitProblems: [String] = []
    private var tmxSourceLanguage: String?
    /// docgen's own exports decode the text between codes; other tools' files hold Markdown as written.
    private var decodedText = false
    private var pendingText = ""
    private var tmxSide: Side?

    private enum Side { case source, target }
    private var side: Side?
    private var skipDepth = 0  // inside <alt-trans>, <seg-source>, notes: nothing is unit text
    private var codeText: String?  // the text of a <bpt>/<ept>/<ph>/<it> being read
    private var collecting: String?  // a <data>, <prop>, <context> or <note> being read
    private var collectingName = ""

    private init(path: String) { self.path = path }

    /// Reads one file's bytes (any encoding the XML declaration or a BOM names).
    static func read(_ data: Data, path: String) -> (ReadDocument?, [Diagnostic]) {
        let reader = XMLTranslationReader(path: path)
        let parser = XMLParser(data: data)
        reader.parser = parser
        parser.delegate = reader
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if !ok || reader.fatal != nil {
            let message =
                reader.fatal ?? parser.parserError.map {
                    "not well-formed XML: \(TranslationFileReader.describeXMLError($0))"
                }
                ?? "not well-formed XML"
            let line = reader.fatalLine ?? parser.lineNumber
            return (
                nil,
                reader.diagnostics + [
                    .error(
                        "docgen.import.unreadable", at: SourceLocation(path: path, line: max(line, 1)),
                        "cannot read '\(path)': \(message)")
                ]
            )
        }
        return (ReadDocument(articlePath: reader.articlePath, units: reader.units), reader.diagnostics)
    }

    private var line: Int { max(parser?.lineNumber ?? 1, 1) }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard let dialect else {
            startDocument(name, namespace: namespaceURI ?? "", version: attributes["version"] ?? "")
            return
        }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if codeText != nil {
            return  // <sub> and the like inside a code: its text stays part of the code
        }
        switch dialect {
        case .xliff2: startXLIFF2(name, attributes)
        case .xliff12: startXLIFF12(name, attributes)
        case .tmx: startTMX(name, attributes)
        }
    }

    private func startDocument(_ name: String, namespace: String, version: String) {
        switch name {
        case "xliff" where version.hasPrefix("2") || namespace.contains("xliff:document:2"):
            dialect = .xliff2
        case "xliff" where version.hasPrefix("1") || namespace.contains("xliff:document:1") || version.isEmpty:
            dialect = .xliff12
        case "tmx":
            dialect = .tmx
        default:
            fatal = "the root element <\(name)> (version '\(version)') is not XLIFF 1.x, XLIFF 2.0 or TMX"
            parser?.abortParsing()
        }
    }

    private func startUnit(_ attributes: [String: String]) {
        unitKey = attributes["id"] ?? attributes["tuid"]
        unitLine = line
        unitSegmentID = nil
        unitSourceFile = nil
        // translate-toolkit keeps a PO header as a unit; units marked translate="no" are not ours to change.
        unitIsHeader = attributes["restype"] == "x-gettext-domain-header" || attributes["translate"] == "no"
        pieces = []
        pieceSource = ""
        pieceTarget = nil
        originalData = [:]
        openCodes = []
        unitProblems = []
    }

    private func startXLIFF2(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "file":
            if articlePath == nil { articlePath = attributes["original"] }
            decodedText = (attributes["docgen:text"] ?? attributes["text"]) == "decoded"
        case "unit": startUnit(attributes)
        case "notes", "mtc:matches", "matches", "metadata": skipDepth = 1
        case "data":
            collecting = ""
            collectingName = attributes["id"] ?? ""
        case "segment", "ignorable":
            pieceSource = ""
            pieceTarget = nil
            pieceIgnorable = name == "ignorable"
        case "source": side = .source
        case "target":
            side = .target
            pieceTarget = ""
        case "pc":
            append(code: .open, id: attributes["id"], data: attributes["dataRefStart"])
            openCodes.append((attributes["id"] ?? "", attributes["dataRefEnd"]))
        case "sc": append(code: .open, id: attributes["id"], data: attributes["dataRef"])
        case "ec": append(code: .close, id: attributes["startRef"] ?? attributes["id"], data: attributes["dataRef"])
        case "ph": append(code: .standalone, id: attributes["id"], data: attributes["dataRef"])
        case "cp":
            if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                appendText(String(Character(scalar)))  // encoded like any text
            }
        default: break  // <mrk>, <sm>, <em>: annotations around text that stays
        }
    }

    private func startXLIFF12(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "file":
            if articlePath == nil { articlePath = attributes["original"] }
            decodedText = attributes["datatype"] == XLIFF12Writer.decodedDatatype
        case "trans-unit": startUnit(attributes)
        case "alt-trans", "seg-source", "note": skipDepth = 1
        case "context":
            collecting = ""
            collectingName = attributes["context-type"] ?? ""
        case "source":
            side = .source
        case "target":
            side = .target
            pieceTarget = ""
        case "bpt", "ept", "ph", "it":
            codeText = ""
            collectingName = name == "bpt" ? "o" : name == "ept" ? "c" : "s"
            openCodes.append((attributes["id"] ?? attributes["rid"] ?? "", nil))
        case "g":
            appendPlaceholder(.open, attributes["id"])
            openCodes.append((attributes["id"] ?? "", nil))
        case "x": appendPlaceholder(.standalone, attributes["id"])
        case "bx": appendPlaceholder(.open, attributes["rid"] ?? attributes["id"])
        case "ex": appendPlaceholder(.close, attributes["rid"] ?? attributes["id"])
        default: break  // <mrk>: an annotation around text that stays
        }
    }

    private func startTMX(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "header":
            tmxSourceLanguage = attributes["srclang"]
            decodedText = attributes["datatype"] == XLIFF12Writer.decodedDatatype
        case "prop":
            collecting = ""
            collectingName = attributes["type"] ?? ""
        case "note": skipDepth = 1
        case "tu": startUnit(attributes)
        case "tuv":
            let language = (attributes["xml:lang"] ?? attributes["lang"] ?? "").lowercased()
            let source = (tmxSourceLanguage ?? "").lowercased()
            let isSource = !language.isEmpty && (language == source || source.hasPrefix(language + "-"))
            if isSource {
                tmxSide = .source
            } else if pieceTarget == nil {
                tmxSide = .target
                pieceTarget = ""
            } else {
                tmxSide = nil  // a third language: not ours to import
            }
        case "seg": side = tmxSide
        case "bpt", "ept", "ph", "it":
            codeText = ""
            collectingName = name == "bpt" ? "o" : name == "ept" ? "c" : "s"
            openCodes.append((attributes["i"] ?? attributes["x"] ?? "", nil))
        default: break  // <hi>, <ut>: text stays
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if let text = codeText {
            guard ["bpt", "ept", "ph", "it"].contains(name) else { return }
            codeText = nil
            let code = openCodes.popLast()
            let role = CodeCorrespondence.CodeReference.Role(rawValue: collectingName) ?? .standalone
            if text.isEmpty { appendPlaceholder(role, code?.id) } else { appendMarkdown(text) }
            return
        }
        if let collected = collecting {
            finishCollecting(name, collected)
            return
        }
        flushText()
        switch name {
        case "source", "seg":
            side = nil
        case "target":
            side = nil
        case "segment", "ignorable":
            pieces.append((pieceSource, pieceTarget, pieceIgnorable))
            pieceSource = ""
            pieceTarget = nil
        case "pc":
            let code = openCodes.popLast()
            append(code: .close, id: code?.id, data: code?.end)
        case "g":
            appendPlaceholder(.close, openCodes.popLast()?.id)
        case "tuv":
            tmxSide = nil
        case "unit", "trans-unit", "tu":
            finishUnit()
        default:
            break
        }
    }

    private func finishCollecting(_ name: String, _ collected: String) {
        guard ["data", "context", "prop"].contains(name) else { return }
        collecting = nil
        switch (dialect, name) {
        case (.xliff2, "data"): originalData[collectingName] = collected
        case (.xliff12, "context"):
            switch collectingName {
            case "x-po-msgctxt": unitSegmentID = collected
            case "x-po-autocomment" where collected.hasPrefix("segment "):
                if unitSegmentID == nil { unitSegmentID = String(collected.dropFirst("segment ".count)) }
            case "sourcefile": unitSourceFile = collected
            default: break
            }
        case (.tmx, "prop"):
            if collectingName == "x-docgen-article" { articlePath = collected }
            if collectingName == "x-docgen-segment-id" { unitSegmentID = collected }
        default: break
        }
    }

    private func finishUnit() {
        // XLIFF 1.2 and TMX have one implicit piece: what was read since the unit started.
        if dialect != .xliff2 { pieces = [(pieceSource, pieceTarget, false)] }
        if unitIsHeader { return }
        // A unit without an id (TMX from other tools has no `tuid`) is matched by context or English.
        let key = unitKey ?? ""
        if !unitProblems.isEmpty {
            diagnostics.append(
                .error(
                    "docgen.import.unreadable-unit", at: .init(path: path, line: unitLine),
                    "unit '\(key)': " + unitProblems.joined(separator: "; ")))
            return
        }
        let source = pieces.map(\.source).joined()
        let segments = pieces.filter { !$0.ignorable }
        let translated = segments.filter { !($0.target ?? "").isEmpty }.count
        var target = ""
        if translated == segments.count, !segments.isEmpty {
            target = pieces.map { $0.target ?? ($0.ignorable ? $0.source : "") }.joined()
        } else if translated > 0 {
            diagnostics.append(
                .warning(
                    "docgen.import.partly-translated", at: .init(path: path, line: unitLine),
                    "unit '\(key)': \(translated) of \(segments.count) segments have a translation; the current translation is kept",
                    fix: "translate every segment of the unit"))
        }
        if articlePath.map({ $0.hasSuffix(".md") }) != true, let file = unitSourceFile { articlePath = file }
        units.append(
            .init(key: key, sourceText: source, targetText: target, line: unitLine, segmentID: unitSegmentID))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { characters(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { characters(String(decoding: block, as: UTF8.self)) }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespace: String) { characters(whitespace) }

    private func characters(_ string: String) {
        if skipDepth > 0 { return }
        if codeText != nil {
            codeText! += string
        } else if collecting != nil {
            collecting! += string
        } else {
            appendText(string)
        }
    }

    /// Text a translator typed: Markdown-encoded when the file holds decoded text.
    private func appendText(_ text: String) {
        // The parser hands text over in pieces (`&`, then `nbsp;`): encode whole runs.
        guard side != nil else { return }
        if decodedText { pendingText += text } else { appendMarkdown(text) }
    }

    /// Encodes and appends the text run read so far (before a code, at the end of a side).
    private func flushText() {
        guard !pendingText.isEmpty else { return }
        let run = MarkdownText.encode(pendingText)
        pendingText = ""
        appendMarkdown(run)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if fatal == nil {
            fatal = "not well-formed XML: \(TranslationFileReader.describeXMLError(parseError))"
            fatalLine = parser.lineNumber
        }
    }

    private func appendMarkdown(_ text: String) {
        if !pendingText.isEmpty { flushText() }
        switch side {
        case .source: pieceSource += text
        case .target: pieceTarget = (pieceTarget ?? "") + text
        case nil: break
        }
    }

    /// An XLIFF 2.0 code: its Markdown from `<originalData>`, or a placeholder when it has no data reference.
    private func append(code role: CodeCorrespondence.CodeReference.Role, id: String?, data: String?) {
        guard let data else {
            appendPlaceholder(role, id)
            return
        }
        guard let markdown = originalData[data] else {
            unitProblems.append("a code refers to original data '\(data)' that the unit does not have")
            return
        }
        appendMarkdown(markdown)
    }

    private func appendPlaceholder(_ role: CodeCorrespondence.CodeReference.Role, _ id: String?) {
        guard let id, !id.isEmpty else {
            unitProblems.append("an inline code has no id")
            return
        }
        appendMarkdown(CodePlaceholder.text(.init(role, id)))
    }
}
