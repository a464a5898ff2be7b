import DocGenCompile
import DocGenCore
import Foundation

/// The search stage: runs Pagefind (a static search indexer, PyPI `pagefind-bin-extended`) over
/// the staged site, before it is swapped in, so a published site never has a stale or partial
/// index. Pagefind makes one index per `<html lang>` and indexes only what pages mark with
/// `data-pagefind-body` (the article text). It is an outside program: when it is missing or
/// fails, the build says so as a diagnostic and the site is published without an index.
public enum SearchIndexer {
    /// The command that installs Pagefind (the extended build segments Chinese and Japanese words).
    public static let installCommand = "python3 -m pip install pagefind-bin-extended"

    /// The environment variable naming the Pagefind executable, which overrides the search below.
    public static let environmentVariable = "DOCGEN_PAGEFIND"

    /// Pagefind's browser bundles that docgen's theme does not use (it talks to `pagefind.js`
    /// directly); removed to keep the output small.
    static let unusedBundles = [
        "pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
        "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js",
    ]

    /// Parts of the article text that are not the reader's words: heading permalinks ("#") and
    /// the English shown in a stale translation's note.
    static let excludedSelectors = ".heading-anchor, .stale-note"

    /// The HTML files Pagefind reads: every page but the translator views (`a.translation.html`),
    /// which it would parse only to find no `data-pagefind-body` (they are a third of the HTML;
    /// skipping them saves about 30% of its time on the corpus). Pagefind's glob syntax (wax) has
    /// no negation, so "a name whose stem does not end in `.translation`" is spelled as the usual
    /// complement of a suffix: the stem differs from it at the last letter, or the one before, …,
    /// or is shorter than it.
    public static let glob: String = {
        let suffix = Array(".translation")
        var alternatives: [String] = []
        for length in 0..<suffix.count {
            alternatives.append("*[!\(suffix[suffix.count - 1 - length])]" + String(suffix.suffix(length)))
        }
        alternatives += (1..<suffix.count).map { String(suffix.suffix($0)) }
        return "**/{" + alternatives.joined(separator: ",") + "}.html"
    }()

    /// Finds Pagefind: `explicit` or `DOCGEN_PAGEFIND` when given (and nothing else), else
    /// `pagefind_extended` or `pagefind` on the `PATH`, else the binary inside the
    /// `pagefind_bin_extended` or `pagefind_bin` Python package (which `pip install` puts there
    /// without adding it to the `PATH`). `nil` when none is an executable file.
    public static func locate(
        explicit: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        let manager = FileManager.default
        if let explicit { return manager.isExecutableFile(atPath: explicit.path) ? explicit : nil }
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            return manager.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["pagefind_extended", "pagefind"] {
            for folder in folders where manager.isExecutableFile(atPath: "\(folder)/\(name)") {
                return URL(fileURLWithPath: "\(folder)/\(name)")
            }
        }
        return pythonPackageBinary()
    }

    /// Indexes the site in `staging` with the Pagefind at `executable` and records the files it
    /// wrote, so the manifest owns them. On failure the partial index is removed and the problem
    /// is returned as a `docgen.search.failed` error.
    static func index(_ staging: OutputStaging, with executable: URL) -> [Diagnostic] {
        let folder = staging.root.appendingPathComponent(PagePaths.searchIndexFolder)
        let (files, problems) = index(site: staging.root, into: folder, with: executable)
        staging.record(files.map { PagePaths.searchIndexFolder + "/" + $0 })
        return problems
    }

    /// Indexes the site in `site` with the Pagefind at `executable` into `folder` (the output's
    /// `pagefind/` folder, or one beside the output to be exchanged with it: the index is the
    /// same bytes either way); `lowPriority` runs it under `nice -n 19`. Returns the files
    /// written, relative to `folder`, sorted; on failure none (the partial index is removed)
    /// and a `docgen.search.failed` error.
    static func index(
        site: URL, into folder: URL, with executable: URL, lowPriority: Bool = false
    ) -> (files: [String], problems: [Diagnostic]) {
        let arguments = [
            "--site", site.path, "--output-path", folder.path, "--quiet",
            "--exclude-selectors", excludedSelectors, "--glob", glob,
        ]
        let nice = "/usr/bin/nice"
        let (status, output) =
            lowPriority && FileManager.default.isExecutableFile(atPath: nice)
            ? run(URL(fileURLWithPath: nice), ["-n", "19", executable.path] + arguments, in: site)
            : run(executable, arguments, in: site)
        let manager = FileManager.default
        let entry = folder.appendingPathComponent("pagefind-entry.json").path
        guard status == 0, manager.fileExists(atPath: folder.appendingPathComponent("pagefind.js").path),
            manager.fileExists(atPath: entry)
        else {
            try? manager.removeItem(at: folder)
            let said = output.split(separator: "\n").suffix(3).joined(separator: " / ")
            return (
                [],
                [
                    .error(
                        "docgen.search.failed", at: nil,
                        "Pagefind (\(executable.path)) could not index the site"
                            + (status == 0 ? ": it wrote no index" : ", exit status \(status)")
                            + (said.isEmpty ? "" : ": \(said)") + "; the site is published without search",
                        fix: "run it by hand to see why (\(executable.lastPathComponent) --site OUTPUT), "
                            + "reinstall it with `\(installCommand)`, or build with --no-search")
                ]
            )
        }
        for name in unusedBundles { try? manager.removeItem(at: folder.appendingPathComponent(name)) }
        sortKeys(ofJSONAt: URL(fileURLWithPath: entry))
        let written = (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { relative in
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(
                atPath: folder.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }
        return (written.sorted(), [])
    }

    /// Pagefind lists the languages of `pagefind-entry.json` in the order of a Rust hash map, which
    /// changes from run to run; written again with sorted keys, the same site gives the same bytes.
    /// (`pagefind.js` looks languages up by name, so their order means nothing to it.)
    public static func sortKeys(ofJSONAt url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path),
            let value = try? JSONSerialization.jsonObject(with: data),
            let sorted = try? JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        FileManager.default.createFile(atPath: url.path, contents: sorted)
    }

    /// The one note of a build without Pagefind.
    static var missingNote: Diagnostic {
        Diagnostic(
            "docgen.search.unavailable", .note, at: nil,
            "Pagefind is not installed, so the site has no search box or index",
            fix:
                "install it with `\(installCommand)` (or set \(environmentVariable) to its path); --no-search skips search"
        )
    }

    /// Runs a program to its end; returns its exit status and what it printed (both streams).
    private static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil) -> (Int32, String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Pagefind reads a pagefind.yml of its working folder: the staged site has none.
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "\(error.localizedDescription)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Asks Python where the PyPI wheel put the binary (`pagefind_bin*.get_executable()`).
    private static func pythonPackageBinary() -> URL? {
        let script = """
            import importlib
            for name in ("pagefind_bin_extended", "pagefind_bin"):
                try:
                    print(importlib.import_module(name).get_executable()); break
                except Exception:
                    pass
            """
        let (status, output) = run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script])
        let found = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0, !found.isEmpty, !found.contains("\n"), FileManager.default.isExecutableFile(atPath: found)
        else { return nil }
        return URL(fileURLWithPath: found)
    }
}
