import DocGenCore
import Foundation

/// Reads the Markdown articles of a folder at a git revision, through the `git` executable
/// (the only place docgen runs git: `build --since`, `diff --git` and `segments export --since`).
public enum GitRevision {
    /// Why git could not give the files: not a repository, an unknown revision, no git.
    public struct Failure: Error, CustomStringConvertible {
        /// What git said.
        public var description: String
    }

    /// Every `.md` file under `content` at `revision`, with paths relative to `content`.
    public static func readArticles(revision: String, content: String) throws -> [SourceFile] {
        let prefix = try String(decoding: git(["rev-parse", "--show-prefix"], in: content), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let listing = try git(["ls-tree", "-r", "-z", "--full-name", "--name-only", revision, "--", "."], in: content)
        let paths = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            .filter { $0.lowercased().hasSuffix(".md") && $0.hasPrefix(prefix) }.sorted()
        guard !paths.isEmpty else { return [] }
        // One `git cat-file --batch` for all files: "<sha> blob <size>\n<bytes>\n" per request.
        let requests = paths.map { "\(revision):\($0)\n" }.joined()
        let output = try git(["cat-file", "--batch"], in: content, input: Data(requests.utf8))
        var files: [SourceFile] = []
        var cursor = output.startIndex
        for path in paths {
            guard let newline = output[cursor...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Failure(description: "git cat-file ended early at \(path)")
            }
            let header = String(decoding: output[cursor..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else {
                throw Failure(description: "git cannot read \(revision):\(path)")
            }
            let start = newline + 1
            files.append(
                SourceFile(
                    path: String(path.dropFirst(prefix.count)),
                    text: String(decoding: output[start..<(start + size)], as: UTF8.self)))
            cursor = start + size + 1
        }
        return files
    }

    private static func git(_ arguments: [String], in directory: String, input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        // Feed and drain concurrently so neither pipe fills up.
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(input) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed: \(message)")
        }
        return output
    }
}
