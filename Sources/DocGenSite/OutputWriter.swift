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

    /// Writes `files` (and the copies of `copies`: output path → source file) into a fresh
    /// temporary folder, then swaps it in place of the output folder.
    public func write(files: [OutputFile], copies: [(output: String, source: URL)]) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).docgen-new-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).docgen-old-\(pid)")
        removeLeftovers(in: parent, name: name)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var createdDirectories = Set<String>()
            func ensureDirectory(for relative: String) throws {
                let directory = SitePath.directory(of: relative)
                guard !directory.isEmpty, createdDirectories.insert(directory).inserted else { return }
                try manager.createDirectory(
                    at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
            }
            for file in files {
                try ensureDirectory(for: file.path)
                let url = staging.appendingPathComponent(file.path)
                guard manager.createFile(atPath: url.path, contents: Data(file.contents)) else {
                    throw BuildFailure.writeFailed("cannot write \(file.path)")
                }
            }
            for copy in copies {
                try ensureDirectory(for: copy.output)
                try manager.copyItem(at: copy.source, to: staging.appendingPathComponent(copy.output))
            }
            let manifest = (files.map(\.path) + copies.map(\.output)).sorted().joined(separator: "\n") + "\n"
            manager.createFile(
                atPath: staging.appendingPathComponent(Self.manifestName).path, contents: Data(manifest.utf8))
            if manager.fileExists(atPath: output.path) {
                try? manager.removeItem(at: previous)
                try manager.moveItem(at: output, to: previous)
                do {
                    try manager.moveItem(at: staging, to: output)
                } catch {
                    try? manager.moveItem(at: previous, to: output)
                    throw error
                }
                try? manager.removeItem(at: previous)
            } else {
                try manager.createDirectory(at: parent, withIntermediateDirectories: true)
                try manager.moveItem(at: staging, to: output)
            }
        } catch let failure as BuildFailure {
            try? manager.removeItem(at: staging)
            throw failure
        } catch {
            try? manager.removeItem(at: staging)
            throw BuildFailure.writeFailed("\(error.localizedDescription)")
        }
    }

    /// Removes staging and previous-site folders that an interrupted build of this output left
    /// beside it (`.<name>.docgen-new-<pid>`, `.<name>.docgen-old-<pid>`): only names docgen makes.
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
