import ArgumentParser
import DocGenContent
import DocGenCore
import DocGenSite
import DocGenTranslation
import Foundation

/// `docgen segments`: exchanges segments with translators' tools (OmegaT, Weblate, Trados, Poedit).
struct SegmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Export segments for translation tools and import edited translations back.",
        subcommands: [SegmentsExportCommand.self, SegmentsImportCommand.self])
}

/// `docgen segments export`: one XLIFF 2.0, XLIFF 1.2, PO, TMX or JSON Lines file per article.
struct SegmentsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one translation file per article, mirroring the content tree.",
        discussion: """
            Inline Markdown becomes inline codes (XLIFF, TMX) that tools protect; alt text and link
            titles stay translatable; the same code has the same id on both sides. Text between codes
            has its entities and escapes decoded (the import encodes them back). Each unit carries its
            context: article, headings, block, neighbouring sentences. Empty translations are 'initial',
            machine translations marked for review, human translations approved; with --since REV
            only the segments whose English changed since the git revision are exported, the stale
            ones with their previous English. A file a translator edited since the last export is
            not overwritten without --force. Each file is written to a temporary name and renamed
            into place. Exit status: 0, or 1 on errors.
            """)

    @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "DIR"))
    var content = "Content"

    @Option(name: .long, help: "xliff2 (.xlf), xliff12 (.xliff), po, tmx or jsonl.")
    var format: String

    @Option(name: .long, help: ArgumentHelp("The folder to write the files to.", valueName: "DIR"))
    var output: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Export only segments whose English changed since this git revision of the content folder.",
            valueName: "REV"))
    var since: String?

    @Flag(name: .long, help: "Overwrite files edited since the last export.")
    var force = false

    func run() throws {
        guard let exportFormat = ExportFormat(rawValue: format) else {
            throw ValidationError("unknown format '\(format)'; use xliff2, xliff12, po, tmx or jsonl")
        }
        let files = try ContentFolder.readArticles(content)
        let diff = try since.map {
            RevisionDiff.compare(old: try GitRevision.readArticles(revision: $0, content: content), new: files)
        }
        // The source language as docgen.yml names it (`sourceLanguage`); English (en-US) by default.
        let configFile = URL(fileURLWithPath: content).appendingPathComponent("docgen.yml")
        let sourceLanguage =
            (try? String(contentsOf: configFile, encoding: .utf8)).flatMap {
                DocsetConfiguration.parse(docfx: nil, docgen: SourceFile(path: "docgen.yml", text: $0)).0.sourceLanguage
            } ?? "en-US"
        let (outputs, diagnostics) = SegmentExporter.export(
            files, format: exportFormat, since: diff, sourceLanguage: sourceLanguage)
        let root = URL(fileURLWithPath: output)
        let manifestURL = root.appendingPathComponent(ExportManifest.fileName)
        var manifest = ExportManifest(
            text: (try? String(contentsOf: manifestURL, encoding: .utf8)) ?? "")
        let edited = outputs.filter { file in
            guard let existing = try? Data(contentsOf: root.appendingPathComponent(file.path)) else { return false }
            return Array(existing) != file.contents && !manifest.mayReplace(file.path, existing: Array(existing))
        }
        if !edited.isEmpty && !force {
            Console.printDiagnostics(
                edited.map {
                    .error(
                        "docgen.export.edited-output", at: SourceLocation(path: output + "/" + $0.path, line: 1),
                        "'\($0.path)' changed since docgen last exported it (a translator's work not imported yet?)",
                        fix: "import it first, or export with --force to overwrite it")
                })
            Console.error("Export refused: nothing was written.")
            throw ExitCode(1)
        }
        for file in outputs {
            try AtomicFile.write(file.contents, to: file.path, in: root)
            manifest.hashes[file.path] = ExportManifest.hash(file.contents)
        }
        try AtomicFile.write(Array(manifest.text.utf8), to: manifestURL)
        Console.printDiagnostics(diagnostics.filter { $0.severity == .error })
        Console.error(
            "Exported \(outputs.count) files (\(exportFormat.rawValue)) from \(files.count) articles to \(output).")
    }
}

/// Reads the Markdown articles of a content folder as values (the one place the CLI reads them).
enum ContentFolder {
    /// Every `.md` file under `path`, with paths relative to it, sorted.
    static func readArticles(_ path: String) throws -> [SourceFile] {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("content folder '\(path)' does not exist")
        }
        var files: [SourceFile] = []
        for relative in try markdownPaths(under: root) {
            let data = try Data(contentsOf: root.appendingPathComponent(relative))
            files.append(SourceFile(path: relative, text: String(decoding: data, as: UTF8.self)))
        }
        return files
    }

    private static func markdownPaths(under root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.lowercased().hasSuffix(".md") { paths.append(relative) }
        }
        return paths.sorted()
    }
}

/// Writes a file by writing a temporary file next to it and renaming it into place,
/// so a reader never sees half a file.
enum AtomicFile {
    /// Writes `relative` under `root`, refusing a path that would leave it (`OutputPath.refusal`).
    static func write(_ bytes: [UInt8], to relative: String, in root: URL) throws {
        if let refusal = OutputPath.refusal(relative) {
            throw ValidationError(OutputPath.refusedDiagnostic(relative, refusal, at: nil).description)
        }
        try write(bytes, to: root.appendingPathComponent(relative))
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).docgen-\(ProcessInfo.processInfo.processIdentifier).tmp")
        try Data(bytes).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? manager.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}

/// Prints to standard output and standard error.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let text = diagnostics.sortedForOutput().map { $0.description + "\n" }.joined()
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

/// `docgen segments import`: writes edited translations back into the articles.
struct SegmentsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write edited translations from translation files back into the bilingual Markdown.",
        discussion: """
            Reads XLIFF 2.0, XLIFF 1.0-1.2, TMX, PO and JSON Lines files, whatever their names, as docgen
            exported them or as a CAT tool or translate-toolkit saved them. Units are matched by key, by
            the segment id kept in their context, then by their English. A unit without a translation
            keeps the French (unless --allow-empty). Only the translated halves whose text changed are
            rewritten; every other byte stays. If any unit does not fit (changed English, unknown
            segment, a translation that would change the block structure, two files disagreeing),
            nothing is written at all, unless --skip-mismatched.
            Exit status: 0 on success, 1 when the import was refused.
            """)

    @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "DIR"))
    var content = "Content"

    @Flag(name: .long, help: "Let an empty or missing translation clear the translated text.")
    var allowEmpty = false

    @Flag(name: .long, help: "Import the units that match and report the others as warnings.")
    var skipMismatched = false

    @Argument(help: "Translation files (XLIFF, TMX, PO, JSON Lines), or folders of them.")
    var files: [String]

    /// The files given, with each folder replaced by the files under it (hidden ones left out), sorted.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .map { (path as NSString).appendingPathComponent($0) }
                .filter {
                    var folder: ObjCBool = false
                    return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue
                }
            result += found.sorted()
        }
        return result
    }

    func run() throws {
        var documents: [ImportedDocument] = []
        var diagnostics: [Diagnostic] = []
        // The export's manifest is not a translation file; a shell glob over the folder picks it up.
        for path in try Self.expand(files) where URL(fileURLWithPath: path).lastPathComponent != ExportManifest.fileName
        {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let (document, readDiagnostics) = TranslationFileReader.read(path: path, bytes: Array(data))
            diagnostics += readDiagnostics
            if let document { documents.append(document) }
        }
        let articles = try ContentFolder.readArticles(content)
        let result = SegmentImporter.apply(
            documents, to: articles, options: .init(allowEmpty: allowEmpty, skipMismatched: skipMismatched))
        diagnostics += result.diagnostics
        Console.printDiagnostics(diagnostics)
        guard !diagnostics.hasErrors else {
            Console.error("Import refused: nothing was written.")
            throw ExitCode(1)
        }
        let root = URL(fileURLWithPath: content)
        for file in result.changedFiles {
            try AtomicFile.write(Array(file.text.utf8), to: file.path, in: root)
        }
        Console.error(
            "Imported \(result.importedSegments) units: \(result.changedSegments) segments changed in "
                + "\(result.changedFiles.count) articles, \(result.untranslatedSegments) untranslated kept, "
                + "\(result.skippedSegments) skipped.")
    }
}
