import DocGenCore
import Foundation

/// Writes a built site so that a reader never sees half of it: everything goes into a sibling
/// temporary folder, which then replaces the output folder in two renames. A failed or
/// interrupted build leaves the previous site as it was. docgen only ever replaces a folder it
/// wrote itself (it keeps a manifest), unless told to with `force`.
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

    /// Writes the whole site at once: stages every file, then publishes (see `stage` and `publish`).
    public func write(files: [OutputFile], copies: [(output: String, source: URL)]) throws {
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

    /// Starts a build's output: a new, empty staging folder beside the output (left over staging
    /// folders of interrupted builds are removed first). Pages are written into it as they are
    /// rendered, so the build never holds the whole site in memory.
    public func stage() throws -> OutputStaging {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).docgen-new-\(pid)")
        removeLeftovers(in: parent, name: name)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure.writeFailed("\(error.localizedDescription)")
        }
        return OutputStaging(root: staging)
    }

    /// Writes the manifest of everything staged and swaps the staging folder in for the output.
    public func publish(_ staging: OutputStaging) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let previous = parent.appendingPathComponent(
            ".\(output.lastPathComponent).docgen-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            let manifest = staging.writtenPaths.sorted().joined(separator: "\n") + "\n"
            manager.createFile(
                atPath: staging.root.appendingPathComponent(Self.manifestName).path, contents: Data(manifest.utf8))
            if manager.fileExists(atPath: output.path) {
                try? manager.removeItem(at: previous)
                try manager.moveItem(at: output, to: previous)
                do {
                    try manager.moveItem(at: staging.root, to: output)
                } catch {
                    try? manager.moveItem(at: previous, to: output)
                    throw error
                }
                try? manager.removeItem(at: previous)
            } else {
                try manager.createDirectory(at: parent, withIntermediateDirectories: true)
                try manager.moveItem(at: staging.root, to: output)
            }
        } catch let failure as BuildFailure {
            discard(staging)
            throw failure
        } catch {
            discard(staging)
            throw BuildFailure.writeFailed("\(error.localizedDescription)")
        }
    }

    /// Removes a staging folder whose build failed; the output is untouched.
    public func discard(_ staging: OutputStaging) {
        try? FileManager.default.removeItem(at: staging.root)
    }

    private func removeLeftovers(in parent: URL, name: String) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for kind in ["new", "old"] {
                let prefix = ".\(name).docgen-\(kind)-"
                if entry.hasPrefix(prefix), !entry.dropFirst(prefix.count).isEmpty,
                    entry.dropFirst(prefix.count).allSatisfy(\.isNumber)
                {
                    try? manager.removeItem(at: parent.appendingPathComponent(entry))
                }
            }
        }
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
/// `OutputWriter.publish` then swaps it in for the output as a whole.
public final class OutputStaging: @unchecked Sendable {
    /// The staging folder.
    public let root: URL
    private let lock = NSLock()
    private var directories: Set<String> = []
    private var paths: [String] = []

    init(root: URL) { self.root = root }

    /// Every path written so far, relative to the output.
    public var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }

    /// Writes one file (creating its folder the first time).
    public func write(_ file: OutputFile) throws {
        let url = try prepare(file.path)
        let written = file.contents.withUnsafeBytes { bytes in
            FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        }
        guard written else { throw BuildFailure.writeFailed("cannot write \(file.path)") }
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
        let url = try prepare(relative)
        do {
            try FileManager.default.copyItem(at: source, to: url)
        } catch {
            throw BuildFailure.writeFailed("cannot copy \(relative): \(error.localizedDescription)")
        }
    }

    private func prepare(_ relative: String) throws -> URL {
        let directory = SitePath.directory(of: relative)
        // Folders are made under the lock, so no thread writes into one another is still making.
        lock.lock()
        defer { lock.unlock() }
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
        return root.appendingPathComponent(relative)
    }
}
