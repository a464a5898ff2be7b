import ArgumentParser
import DocGenServe
import DocGenSite
import Foundation

/// `docgen serve`: build, serve on localhost, rebuild and reload the open pages on every edit.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on localhost, and rebuild and reload the open pages after every edit.",
        discussion: """
            Builds into --output (default: a folder in the system's temporary folder, so your \
            own Output/ is left alone), serves it on http://HOST:PORT/ and watches the content \
            folder and the theme folder (Linux inotify, no polling). An edit rebuilds only what \
            it affects (edits to article bodies are rendered from what the server keeps in memory; \
            anything else goes through the build cache) and every open page reloads at the \
            reader's place (the \
            segment at the top of the window). Served pages are byte for byte what 'docgen build' \
            writes, plus one <script> tag (the reload client). Errors are printed here and shown \
            as an overlay in the pages; the server keeps serving the last site, and the next good \
            build clears them. Each rebuild logs the time from the file event to the reload message. \
            With Pagefind installed the site has its search box and index, as with 'docgen build'; \
            after an edit the index is made again in the background and may lag the page a moment \
            (--no-search: neither).

            Ctrl-C stops the server. Exit status: 0 when stopped, 1 when the server cannot start \
            (port in use, content folder missing).
            """)

    @Option(name: .long, help: ArgumentHelp("The folder of Markdown articles.", valueName: "DIR"))
    var content = "Content"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where to build the site (default: a folder in the temporary folder named after the content folder).",
            valueName: "DIR"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A theme folder whose files replace the built-in theme's (default: a Templates/ folder beside the content folder, if any).",
            valueName: "DIR"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "N"))
    var port: UInt16 = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "ADDR"))
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the default browser once it is served.")
    var open = false

    @Flag(name: .long, help: "Print every warning of each build, not only errors and counts.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Threads for the page stage (default: one per core).", valueName: "N"))
    var jobs: Int?

    @Flag(
        name: .customLong("no-search"),
        help:
            "Serve without search: no Pagefind index, no search box. (With search, an edit reloads the pages first; the index is made again in the background and swapped in when done.)"
    )
    var noSearch = false

    func run() async throws {
        let contentURL = URL(fileURLWithPath: content).standardizedFileURL
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? Self.defaultOutput(for: contentURL)
        let build = BuildOptions(
            content: contentURL, output: outputURL,
            templates: TemplateLocator.locate(explicit: templates, content: content),
            force: output == nil, workers: jobs.map { max(1, $0) }, search: !noSearch)
        let session = ServeSession(
            settings: .init(build: build, host: host, port: port, verbose: verbose),
            log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
        let shouldOpen = open
        let task = Task {
            try await session.run { url in
                FileHandle.standardError.write(Data("Serving \(outputURL.path) at \(url) (Ctrl-C to stop)\n".utf8))
                if shouldOpen { Self.openInBrowser(url) }
            }
        }
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        do {
            try await task.value
        } catch is CancellationError {
        } catch  where !task.isCancelled {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch {}
        signals.forEach { $0.cancel() }
        FileHandle.standardError.write(Data("Stopped.\n".utf8))
    }

    /// `$TMPDIR/docgen-serve/<content folder name>-<digest of its path>/site`.
    static func defaultOutput(for content: URL) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in content.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return FileManager.default.temporaryDirectory.appendingPathComponent("docgen-serve")
            .appendingPathComponent("\(content.lastPathComponent)-\(String(hash, radix: 16))")
            .appendingPathComponent("site")
    }

    static func openInBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #endif
        process.arguments = (process.executableURL?.path == "/usr/bin/env" ? ["xdg-open"] : []) + [url]
        try? process.run()
    }
}
