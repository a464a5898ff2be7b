/// What an export wrote, so that the next export can tell a file it may replace from one a
/// translator has edited since (and not imported yet).
///
/// Stored as `.docgen-export` in the output folder: one `hash  path` line per file, the hash a
/// 64-bit FNV-1a of the bytes in hexadecimal (a guard against losing work, not a security measure).
public struct ExportManifest: Hashable, Sendable {
    /// The manifest's file name in the output folder.
    public static let fileName = ".docgen-export"

    /// The hash of each written file, by path relative to the output folder.
    public var hashes: [String: String]

    /// Creates a manifest.
    public init(hashes: [String: String] = [:]) { self.hashes = hashes }

    /// Reads a manifest's text (lines it cannot read are ignored: their files count as edited).
    public init(text: String) {
        var hashes: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            if parts.count == 2 { hashes[String(parts[1].drop { $0 == " " })] = String(parts[0]) }
        }
        self.hashes = hashes
    }

    /// The manifest as text, sorted by path.
    public var text: String {
        hashes.keys.sorted().map { "\(hashes[$0]!)  \($0)\n" }.joined()
    }

    /// The hash of some bytes.
    public static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether a file found in the output folder may be replaced: it is what the last export wrote.
    public func mayReplace(_ path: String, existing bytes: [UInt8]) -> Bool {
        hashes[path] == Self.hash(bytes)
    }
}
