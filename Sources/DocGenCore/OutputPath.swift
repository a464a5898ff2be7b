/// The one gate every path written into a site passes: a path relative to the output folder,
/// `/`-separated, that cannot name anything outside it. Checked where a path comes from (a
/// redirect's `source_path`, a flow's node id) to report it at its line, and again where every
/// file is written, so that nothing climbs out even when a new writer forgets to check.
public enum OutputPath {
    /// Why a path was refused.
    public enum Refusal: String, Sendable, Hashable {
        /// The path is empty.
        case empty = "it is empty"
        /// The path starts with `/` (or a Windows drive or `\`), so it names a place outside the output.
        case absolute = "it is absolute"
        /// The path has a `..` component, so it can climb out of the output.
        case climbs = "it climbs out of the output folder with '..'"
        /// The path has an empty or `.` component, or a backslash, which hosts read differently.
        case malformed = "it has an empty or '.' component or a backslash"
        /// The path holds a control character (a line break would also split the manifest).
        case controlCharacter = "it holds a control character"
    }

    /// Why `path` may not be written into the output, or `nil` when it may.
    public static func refusal(_ path: String) -> Refusal? {
        if path.isEmpty { return .empty }
        if path.hasPrefix("/") || path.hasPrefix("\\") { return .absolute }
        let first = path.utf8.prefix(3)
        if first.count >= 2, Array(first)[1] == UInt8(ascii: ":"), isLetter(Array(first)[0]) { return .absolute }
        // On the UTF-8 bytes: every character tested here is ASCII, and no byte of a multi-byte
        // character is below 0x80.
        let bytes = path.utf8
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .controlCharacter }
        var malformed = bytes.contains(UInt8(ascii: "\\"))
        for component in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let dots = component.allSatisfy { $0 == UInt8(ascii: ".") }
            if dots && component.count == 2 { return .climbs }
            if component.isEmpty || (dots && component.count == 1) { malformed = true }
        }
        return malformed ? .malformed : nil
    }

    /// The diagnostic for a refused path, at the place it came from when that is known.
    public static func refusedDiagnostic(_ path: String, _ refusal: Refusal, at location: SourceLocation?) -> Diagnostic
    {
        .error(
            "docgen.path.outside-output", at: location,
            "the output path '\(escapedForMessage(path))' was not written: \(refusal.rawValue)",
            fix: "use a path relative to the content folder that stays inside it (no '..', no leading '/')")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Control characters shown as `\u{…}` so a message stays on one line.
    private static func escapedForMessage(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
