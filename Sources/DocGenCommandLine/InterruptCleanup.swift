import Dispatch
import DocGenSite
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT (Ctrl-C) and SIGTERM during a build: the staging folder is removed (after a swap in
/// progress, if any, completes), a line says so, and docgen exits with 128 + the signal number,
/// as shells expect. The output is the previous site, or the new one if it was already in place.
enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers once for the process.
    static func install() {
        guard sources.isEmpty else { return }
        for signal in [SIGINT, SIGTERM] {
            // The default action would end the process at once; the dispatch source sees it instead.
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                ActiveStaging.abandonAll()
                FileHandle.standardError.write(Data((BuildFailure.interrupted(signal: signal).description + "\n").utf8))
                _exit(128 + signal)
            }
            source.resume()
            sources.append(source)
        }
    }
}
