import DocGenCompile
import DocGenCore
import Foundation

/// A new search index for a site updated in place (an incremental build, an edit in `docgen
/// serve`): Pagefind indexes the output as it is into a folder beside it
/// (`.NAME.docgen-search-PID`), which is then exchanged with the output's `pagefind/` folder in
/// one step (`OutputSwap`), so a reader's search sees the old index or the new one, never a
/// mix. Indexing reads the output only, so `docgen serve` runs it in the background while it
/// goes on serving and rebuilding; installing must hold the build's turn (it changes the cache).
struct SearchRefresh {
    /// The output folder (standardized).
    let output: URL

    init(output: URL) { self.output = output.standardizedFileURL }

    /// A made index, not yet in place.
    struct Made {
        /// Its files relative to its folder, sorted; empty when Pagefind failed.
        var files: [String]
        /// `docgen.search.failed` when Pagefind failed.
        var problems: [Diagnostic]
    }

    /// Where the index is made, beside the output (same filesystem, so it can be exchanged).
    var side: URL { OutputWriter(output: output, force: false).sibling("search") }

    private var installed: URL { output.appendingPathComponent(PagePaths.searchIndexFolder) }

    /// Runs Pagefind over the output into `side`; `lowPriority` runs it under `nice`, so that in
    /// `docgen serve` the next edit's rebuild takes the processors first.
    func make(with pagefind: URL, lowPriority: Bool = false) -> Made {
        try? FileManager.default.removeItem(at: side)
        let (files, problems) = SearchIndexer.index(
            site: output, into: side, with: pagefind, lowPriority: lowPriority)
        return Made(files: files, problems: problems)
    }

    /// Puts the made index in place of the output's (or removes the output's when Pagefind
    /// failed, as a full build publishes no index then), and records its files and problems in
    /// the cache. The caller rewrites the manifest.
    func install(_ made: Made, into cache: inout BuildCache) throws {
        let manager = FileManager.default
        let prefix = PagePaths.searchIndexFolder + "/"
        if made.files.isEmpty {
            if manager.fileExists(atPath: installed.path) {
                let trash = OutputWriter(output: output, force: false).sibling("trash")
                try? manager.removeItem(at: trash)
                try OutputSwap.move(installed, trash)
                try? manager.removeItem(at: trash)
            }
        } else if !manager.fileExists(atPath: installed.path) {
            try OutputSwap.move(side, installed)
        } else if try OutputSwap.exchange(side, installed) {
            try? manager.removeItem(at: side)
        } else {
            // A filesystem without the exchange: the old index is renamed aside, the new one in.
            let trash = OutputWriter(output: output, force: false).sibling("trash")
            try? manager.removeItem(at: trash)
            try OutputSwap.move(installed, trash)
            try OutputSwap.move(side, installed)
            try? manager.removeItem(at: trash)
        }
        cache.siteOutputs = cache.siteOutputs.filter { !$0.hasPrefix(prefix) } + made.files.map { prefix + $0 }
        cache.siteDiagnostics =
            cache.siteDiagnostics.filter { $0.identifier != "docgen.search.failed" } + made.problems
    }

    /// Removes an index made but not installed (a full build replaced the output meanwhile).
    func discard() {
        try? FileManager.default.removeItem(at: side)
    }
}
