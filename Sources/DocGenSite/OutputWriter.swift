import DocGenCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a built site so that a reader never sees half of it: everything goes into a sibling
/// staging folder, which is then exchanged with the output folder in one step. A build that
/// fails, is interrupted or is killed leaves the previous site as it was. docgen only ever
/// replaces a folder it wrote itself (it keeps a manifest), unless told to with `force`.
public struct OutputWriter {
    /// The name of the manifest docgen leaves in the output folder to recognise it later.
    public static let manifestName = ".docgen-manifest"

    /// The output folder.
    public let output: URL
    /// Whether to replace a folder docgen did not write.
    public let force: Bool

    /// Creates a writer for `output`.
    public init(output: URL, force: Bool) {
        self.output = output.standardizedFileURL
        self.force = force
    }

    /// Refuses an output folder that is or contains `content`, or that holds files docgen did not write.
    public func checkSafe(content: URL) throws {
        try checkLocation(content: content)
        let manager = FileManager.default
        guard !force else { return }
        guard let entries = try? manager.contentsOfDirectory(atPath: output.path), !entries.isEmpty else { return }
        let owned = Set(readManifest())
        var foreign: [String] = []
        let files = (manager.enumerator(atPath: output.path)?.allObjects as? [String] ?? []).sorted()
        for relative in files where relative != Self.manifestName {
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: output.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, !owned.contains(relative), relative != ".gitkeep" { foreign.append(relative) }
            if foreign.count >= 3 { break }
        }
        if !foreign.isEmpty { throw BuildFailure.outputNotOwned(output.path, examples: foreign) }
    }

    /// The output's place only, without reading its files: not the content folder or one of its
    /// parents, not `/`, not a file.
    public func checkLocation(content: URL) throws {
        let outputPath = resolved(output)
        let contentPath = resolved(content)
        if contentPath == outputPath || contentPath.hasPrefix(outputPath + "/") || outputPath == "/" {
            throw BuildFailure.outputContainsContent(output: output.path, content: content.path)
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw BuildFailure.outputNotOwned(output.path, examples: ["it is a file, not a folder"])
        }
    }

    /// Writes the whole site at once: takes the lock, stages every file, then publishes (see
    /// `lock`, `stage` and `publish`).
    public func write(files: [OutputFile], copies: [(output: String, source: URL)]) throws {
        let held = try lock()
        defer { withExtendedLifetime(held) {} }
        let staging = try stage()
        do {
            for file in files { try staging.write(file) }
            for copy in copies { try staging.copy(copy.source, to: copy.output) }
            try publish(staging)
        } catch {
            discard(staging)
            throw error
        }
    }

    /// Starts a build's output: a new, empty staging folder beside the output, named after this
    /// process (`.NAME.docgen-new-PID`). Pages are written into it as they are rendered, so the
    /// build never holds the whole site in memory. Call it while holding the output's lock
    /// (`lock`), which also cleared what interrupted builds left.
    public func stage() throws -> OutputStaging {
        let staging = sibling("new")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure.writeFailed("\(error.localizedDescription)")
        }
        let result = OutputStaging(root: staging)
        ActiveStaging.register(result)
        return result
    }

    /// Writes the manifest of everything staged and swaps the staging folder in for the output
    /// in one step (`renameat2` `RENAME_EXCHANGE`), then deletes the previous site. Where the
    /// filesystem cannot exchange, the previous site is renamed aside first and the staging
    /// folder renamed in; a build killed between the two leaves the previous site beside the
    /// output, and the next build puts it back before doing anything else.
    public func publish(_ staging: OutputStaging) throws {
        let manager = FileManager.default
        do {
            let manifest = staging.writtenPaths.sorted().joined(separator: "\n") + "\n"
            guard
                manager.createFile(
                    atPath: staging.root.appendingPathComponent(Self.manifestName).path, contents: Data(manifest.utf8))
            else { throw BuildFailure.writeFailed("cannot write \(Self.manifestName)") }
            Self.checkpoint("swap")
            let replaced = try ActiveStaging.swapping(staging) { () throws -> URL? in
                guard manager.fileExists(atPath: output.path) else {
                    try OutputSwap.move(staging.root, output)
                    return nil
                }
                if try OutputSwap.exchange(staging.root, output) { return staging.root }
                let previous = sibling("old")
                try OutputSwap.move(output, previous)
                Self.checkpoint("between-renames")
                do {
                    try OutputSwap.move(staging.root, output)
                } catch {
                    try? OutputSwap.move(previous, output)
                    throw error
                }
                return previous
            }
            // The new site is in place; what remains at `replaced` is the previous one.
            Self.checkpoint("swapped")
            if let replaced { try? manager.removeItem(at: replaced) }
        } catch let failure as BuildFailure {
            discard(staging)
            throw failure
        } catch {
            discard(staging)
            throw BuildFailure.writeFailed("\(error.localizedDescription)")
        }
    }

    /// Removes a staging folder that will not be published; the output is untouched.
    public func discard(_ staging: OutputStaging) {
        ActiveStaging.abandon(staging)
    }

    /// `.NAME.docgen-KIND-PID` beside the output: this process's staging (`new`) or set-aside (`old`) folder.
    func sibling(_ kind: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).docgen-\(kind)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Fault injection for the process-level tests (`swap`, `between-renames`, `swapped`): with
    /// `DOCGEN_TEST_STOP_AT=NAME` the build stops itself (SIGSTOP) at that step, so a test can
    /// kill it exactly there; with `DOCGEN_TEST_WAIT_AT=NAME` it waits there for a signal. Both
    /// print `docgen: test checkpoint NAME` first.
    static func checkpoint(_ name: String) {
        let environment = ProcessInfo.processInfo.environment
        let stop = environment["DOCGEN_TEST_STOP_AT"] == name
        let wait = environment["DOCGEN_TEST_WAIT_AT"] == name
        guard stop || wait else { return }
        FileHandle.standardError.write(Data("docgen: test checkpoint \(name)\n".utf8))
        if stop { raise(SIGSTOP) }
        while wait { sleep(60) }
    }

    private func readManifest() -> [String] {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(Self.manifestName).path)
        else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private func resolved(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// A build's staging folder: files are written into it from any thread as pages are rendered;
/// `OutputWriter.publish` then swaps it in for the output as a whole. Every write passes
/// `OutputPath.refusal` here, whoever asks: a path that would leave the output, or that another
/// file already took (compared as case-insensitive hosts do), is not written and is reported.
public final class OutputStaging: @unchecked Sendable {
    /// The staging folder.
    public let root: URL
    private let lock = NSLock()
    private var directories: Set<String> = []
    private var paths: [String] = []
    private var taken: Set<String> = []
    private var refusals: [Diagnostic] = []
    private var quiet: Set<String> = []
    private var closed = false

    /// The staging folder's file-system path, without a trailing `/`, for the files written into it.
    private let rootPath: String

    init(root: URL) {
        self.root = root
        var path = root.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.rootPath = path
    }

    /// Every path written so far, relative to the output.
    public var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }

    /// The writes refused so far (paths outside the output, second writes of one path), except
    /// those `expectRefusals` was told of because they were reported where they came from.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return refusals
    }

    /// Paths (by collision key) already reported at their source: refusing them again is silent.
    func expectRefusals(_ keys: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        quiet.formUnion(keys)
    }

    /// Writes one file (creating its folder the first time); a refused path is skipped and reported.
    public func write(_ file: OutputFile) throws {
        guard try prepare(file.path) else { return }
        // The path is put together as a string: the refusal check lets through only paths of
        // plain non-empty components, which a file URL would encode and decode back the same.
        guard Self.writeNew(rootPath + "/" + file.path, file.contents) else {
            throw BuildFailure.writeFailed("cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates a new file in the staging folder and writes `bytes` into it with plain POSIX
    /// calls. No `fsync` and no temporary name per file: nothing reads the staging folder
    /// before `publish` swaps it in as a whole, and a build that dies first leaves only the
    /// staging folder, which the next build removes. (`FileManager.createFile` wrote a
    /// temporary file, synced it to disk and renamed it, for every page: 8% of a build.)
    static func writeNew(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { _ = Glibc.close(descriptor) }
        return bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }

    /// Records files another program wrote into the staging folder (the search index), so the
    /// manifest owns them.
    public func record(_ relativePaths: [String]) {
        lock.lock()
        defer { lock.unlock() }
        paths += relativePaths
    }

    /// Copies a file of the content folder (an image) to `relative`.
    public func copy(_ source: URL, to relative: String) throws {
        guard try prepare(relative) else { return }
        do {
            try FileManager.default.copyItem(at: source, to: root.appendingPathComponent(relative))
        } catch {
            throw BuildFailure.writeFailed("cannot copy \(relative): \(error.localizedDescription)")
        }
    }

    /// Stops every later write (they fail) before the folder is removed, so that no worker
    /// re-creates part of it while a signal handler deletes it.
    func close() {
        lock.lock()
        closed = true
        lock.unlock()
    }

    private func prepare(_ relative: String) throws -> Bool {
        let directory = SitePath.directory(of: relative)
        // Folders are made under the lock, so no thread writes into one another is still making.
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw BuildFailure.writeFailed("the build was stopped") }
        let key = OutputPlan.collisionKey(relative)
        if let refusal = OutputPath.refusal(relative) {
            if !quiet.contains(key) { refusals.append(OutputPath.refusedDiagnostic(relative, refusal, at: nil)) }
            return false
        }
        guard taken.insert(key).inserted else {
            if !quiet.contains(key) { refusals.append(OutputPlan.secondWriteDiagnostic(relative)) }
            return false
        }
        paths.append(relative)
        if !directory.isEmpty, !directories.contains(directory) {
            do {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
            } catch {
                throw BuildFailure.writeFailed("cannot create \(directory): \(error.localizedDescription)")
            }
            directories.insert(directory)
        }
        return true
    }
}
