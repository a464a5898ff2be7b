import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the XLIFF 2.0, XLIFF 1.2 and TMX exports back, turning inline codes into the Markdown
/// they carry: `<pc>`/`<ph>` through `<originalData>` (XLIFF 2.0), the text of `<bpt>`/`<ept>`/`<ph>`
/// (XLIFF 1.2 and TMX).
final class XMLTranslationReader: NSObject, XMLParserDelegate {
    private let format: ExportFormat
    private var articlePath: String?
    private var units: [ImportedDocument.Unit] = []
    private var failure: String?

    // The unit being read.
    private var key: String?
    private var source = ""
    private var target = ""
    private var originalData: [String: String] = [:]
    private var pendingCodes: [(start: String?, end: String?)] = []
    private var sourceLanguage: String?

    // What the characters being read belong to.
    private enum Sink { case none, source, target, data(String), codeText, headerArticle }
    private var sink = Sink.none
    private var textSide = Sink.none
    private var collected = ""

    private init(format: ExportFormat) { self.format = format }

    static func read(_ text: String, format: ExportFormat) -> Result<
        (String, [ImportedDocument.Unit]), TranslationFileReader.ReadError
    > {
        let reader = XMLTranslationReader(format: format)
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        if !parser.parse() {
            let message = reader.failure ?? parser.parserError.map { "\($0)" } ?? "not well-formed XML"
            return .failure(.init(message: message, line: max(parser.lineNumber, 1)))
        }
        if let failure = reader.failure { return .failure(.init(message: failure)) }
        guard let path = reader.articlePath else { return .failure(.init(message: "the file names no article")) }
        return .success((path, reader.units))
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch (format, name) {
        case (.xliff2, "file"), (.xliff12, "file"):
            articlePath = attributes["original"]
        case (.tmx, "header"):
            sourceLanguage = attributes["srclang"]
        case (.tmx, "prop") where attributes["type"] == "x-docgen-article":
            sink = .headerArticle
            collected = ""
        case (.xliff2, "unit"), (.xliff12, "trans-unit"), (.tmx, "tu"):
            key = attributes["id"] ?? attributes["tuid"]
            source = ""
            target = ""
            originalData = [:]
        case (.xliff2, "data"):
            sink = .data(attributes["id"] ?? "")
            collected = ""
        case (_, "source"):
            sink = .source
        case (_, "target"):
            sink = .target
        case (.tmx, "tuv"):
            let language = attributes["xml:lang"] ?? attributes["lang"]
            textSide = language == sourceLanguage ? .source : .target
        case (.tmx, "seg"):
            sink = textSide
        case (.xliff2, "pc"):
            append(originalData[attributes["dataRefStart"] ?? ""], code: "pc")
            pendingCodes.append((attributes["dataRefStart"], attributes["dataRefEnd"]))
        case (.xliff2, "ph"):
            append(originalData[attributes["dataRef"] ?? ""], code: "ph")
        case (_, "bpt"), (_, "ept"), (_, "ph"):
            textSide = sink
            sink = .codeText
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch (format, name) {
        case (.tmx, "prop"):
            if case .headerArticle = sink { articlePath = collected }
            sink = .none
        case (.xliff2, "data"):
            if case .data(let id) = sink { originalData[id] = collected }
            sink = .none
        case (.xliff2, "pc"):
            let code = pendingCodes.popLast()
            append(originalData[code?.end ?? ""], code: "pc")
        case (.xliff12, "bpt"), (.xliff12, "ept"), (.xliff12, "ph"), (.tmx, "bpt"), (.tmx, "ept"), (.tmx, "ph"):
            sink = textSide
        case (_, "source"), (_, "target"), (.tmx, "seg"):
            sink = .none
        case (.xliff2, "unit"), (.xliff12, "trans-unit"), (.tmx, "tu"):
            guard let key else {
                failure = "a unit has no id"
                return
            }
            units.append(.init(key: key, sourceText: source, targetText: target))
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch sink {
        case .source: source += string
        case .target: target += string
        case .codeText:
            if case .source = textSide { source += string } else if case .target = textSide { target += string }
        case .data, .headerArticle: collected += string
        case .none: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = "not well-formed XML: \(parseError)" }
    }

    /// Appends the Markdown of an XLIFF 2.0 code to the current side.
    private func append(_ markdown: String?, code: String) {
        guard let markdown else {
            failure = "a <\(code)> refers to original data the unit does not have"
            return
        }
        if case .source = sink { source += markdown } else if case .target = sink { target += markdown }
    }
}
