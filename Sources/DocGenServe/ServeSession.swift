import DocGenCore
import DocGenSite
import FlyingFox
import Foundation

/// `docgen serve`: builds the site, serves it, watches the content and theme folders and, after
/// each edit, rebuilds what it affects (`LiveBuild`, which keeps the site's setup in memory
/// between edits) and tells the open pages to reload. With search, the index is made again in
/// the background after the reload and swapped in when done. A build that fails or has errors
/// is reported in the terminal and as an overlay in the pages; the server keeps running and the
/// next good build clears it.
public final class ServeSession: @unchecked Sendable {
    /// What to build and where to serve it.
    public struct Settings: Sendable {
        /// The build (content, output, theme, workers).
        public var build: BuildOptions
        /// The address to listen on.
        public var host: String
        /// The port (0: any free port).
        public var port: UInt16
        /// Print every diagnostic of each build (otherwise errors only, and counts).
        public var verbose: Bool

        /// Creates settings.
        public init(build: BuildOptions, host: String, port: UInt16, verbose: Bool) {
            self.build = build
            self.host = host
            self.port = port
            self.verbose = verbose
        }
    }

    private let settings: Settings
    private let hub = ReloadHub()
    /// Builds, and installs of search indexes, one at a time.
    private let queue = DispatchQueue(label: "docgen serve builds")
    /// Pagefind runs, off the build queue.
    private let indexQueue = DispatchQueue(label: "docgen serve search index")
    private let log: @Sendable (String) -> Void
    private let live: LiveBuild
    private var watcher: FileWatcher?
    /// A search index is being made (state of the build queue).
    private var indexing = false
    /// Pages changed while it was being made: make another when it is in.
    private var indexAgain = false

    /// Creates a session; `log` prints one line to the terminal.
    public init(settings: Settings, log: @escaping @Sendable (String) -> Void) {
        var settings = settings
        settings.build.cacheMemory = BuildCacheMemory()
        self.settings = settings
        self.log = log
        live = LiveBuild(options: settings.build)
    }

    /// Builds once, then serves until `stop` (or the server fails). `ready` gets the URL.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        queue.sync { rebuild(firstEvent: nil, changed: []) }
        let server = try await PreviewServer(root: settings.build.output, hub: hub)
            .makeServer(host: settings.host, port: settings.port)
        let watcher = FileWatcher(
            folders: [settings.build.content] + (settings.build.templates.map { [$0] } ?? []),
            excluding: [settings.build.output])
        try watcher.start { [self] first, paths in
            // On the watcher's thread when the queue is idle (no thread to wake up); the events
            // of the next edit wait in inotify's queue meanwhile.
            queue.sync { self.rebuild(firstEvent: first, changed: paths) }
        }
        self.watcher = watcher
        let serving = Task { try await server.run() }
        try await server.waitUntilListening()
        var port = settings.port
        if case .ip4(_, let bound)? = await server.listeningAddress { port = bound }
        ready("http://\(settings.host):\(port)/")
        do {
            try await withTaskCancellationHandler {
                try await serving.value
            } onCancel: {
                serving.cancel()
            }
        } catch {
            // Stopping (Ctrl-C) cancels the server, which may end with a socket error of its own.
            if !Task.isCancelled { throw error }
        }
        watcher.stop()
        // A search index still being made is left: the next build of this output removes it.
        queue.sync {}
        live.flush()
        await hub.closeAll()
        await server.stop(timeout: 1)
    }

    /// One build, reported in the terminal and to the pages.
    private func rebuild(firstEvent: UInt64?, changed: [String]) {
        let start = DispatchTime.now().uptimeNanoseconds
        let problems: [String]
        var outcome: LiveBuild.Outcome?
        do {
            outcome = try live.update(changed: firstEvent == nil ? nil : changed)
            problems = outcome?.errors.map(\.description) ?? []
        } catch {
            problems = ["\(error)"]
            log("error: \(error)")
        }
        let hub = self.hub
        let message =
            firstEvent == nil ? nil : ReloadMessage.reload(pages: [], problems: problems)
        let state = ReloadMessage.state(problems: problems)
        let sent = DispatchSemaphoreBox()
        Task {
            await hub.setState(state)
            if let message { await hub.broadcast(message, keepAsState: false) }
            sent.signal()
        }
        sent.wait()
        let now = DispatchTime.now().uptimeNanoseconds
        // After the reload: the full report (every diagnostic, sorted), for the terminal.
        var summary: String
        if let outcome {
            // Every diagnostic, sorted, with --verbose; else the errors and a count of warnings.
            let report = settings.verbose ? outcome.report() : nil
            for diagnostic in report?.diagnostics ?? outcome.errors {
                log(diagnostic.description)
            }
            let errors = outcome.errors.count
            let warnings = report?.diagnostics.count(of: .warning) ?? outcome.warningCount()
            let articles = outcome.articleCount
            summary =
                "\(outcome.incremental ? "rebuilt \(outcome.renderedArticles) of \(articles) articles" : "built \(articles) articles"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        } else {
            summary = "build failed, still serving the last good site"
        }
        let build = Double(now - start) / 1e6
        if let firstEvent {
            let names = changed.map { ($0 as NSString).lastPathComponent }.prefix(3).joined(separator: ", ")
            summary += String(
                format: "; %@: reload sent %.1f ms after the file event (build %.1f ms)", names,
                Double(now - firstEvent) / 1e6, build)
        } else {
            summary += String(format: " in %.0f ms", build)
        }
        log(summary)
        // Then what the next edit needs, and the search index (which may lag the pages).
        live.prepare()
        if let outcome, outcome.incremental, outcome.renderedArticles > 0, live.hasSearch { indexSearch() }
    }

    /// Makes a new search index of the output off the build queue, then installs it on the
    /// queue; edits meanwhile ask for one more run once it is in. Called on the build queue.
    private func indexSearch() {
        guard !indexing else {
            indexAgain = true
            return
        }
        indexing = true
        indexQueue.async { [self] in
            let pending = live.makeSearchIndex()
            queue.async { [self] in
                indexing = false
                if let pending {
                    do {
                        if let problems = try live.installSearchIndex(pending) {
                            for problem in problems { log(problem.description) }
                            log(
                                String(format: "search index updated (Pagefind %.1f s)", pending.seconds)
                                    + (indexAgain ? "; indexing again for later edits" : ", up to date"))
                        } else {
                            log("search index dropped: the site was built again meanwhile")
                        }
                    } catch {
                        log("error: search index not updated: \(error)")
                    }
                }
                if indexAgain {
                    indexAgain = false
                    indexSearch()
                }
            }
        }
    }
}

/// Waits for the hub to have sent a message, so the logged time includes it.
private final class DispatchSemaphoreBox: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func signal() { semaphore.signal() }
    func wait() { semaphore.wait() }
}
