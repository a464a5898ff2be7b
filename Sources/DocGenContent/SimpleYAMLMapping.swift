import DocGenCore

/// Reads the one shape nearly every front matter has, a flat list of `key: value` lines, without
/// a YAML parser: Yams (compose, tag resolution by regular expressions, a duplicate-key check by
/// hashing nodes) was a tenth of the parse stage. Anything outside the subset below answers `nil`,
/// and the caller hands the text to Yams, so a value read here is the one Yams reads:
///
/// - every line is blank or `key:` followed by the end of the line or by spaces and a value;
/// - a key is at most 128 ASCII letters, digits, `_`, `.` and `-`, starting with a letter or `_`,
///   at column 1, and no key is repeated (Yams reports that as an error);
/// - a value is a single-quoted scalar without `''`, a double-quoted scalar without `\`, or a
///   plain scalar that starts with none of YAML's indicators and holds no `: `, ` #` or final `:`;
///   after a closing quote only spaces may follow;
/// - no tab, carriage return or other control character, and no Unicode line break
///   (U+0085, U+2028, U+2029) or other character libyaml refuses, appears anywhere.
enum SimpleYAMLMapping {
    /// The pairs of `yaml` in order, or `nil` when it is not in the subset.
    static func pairs(in yaml: String) -> [(key: String, value: String)]? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> [(key: String, value: String)]? in
            guard isPrintable(bytes) else { return nil }
            var pairs: [(key: String, value: String)] = []
            var keys = Set<String>()
            var start = 0
            while start < bytes.count {
                let end =
                    ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: UnsafeBufferPointer(rebasing: bytes[start...]))
                    .map { start + $0 } ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if line.allSatisfy({ $0 == UInt8(ascii: " ") }) { continue }
                guard let pair = self.pair(line), keys.insert(pair.key).inserted else { return nil }
                pairs.append(pair)
            }
            return pairs
        }
    }

    /// One `key: value` line, or `nil`.
    private static func pair(_ line: UnsafeBufferPointer<UInt8>) -> (key: String, value: String)? {
        guard let first = line.first, isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        var index = 1
        while index < line.count, isKeyByte(line[index]) { index += 1 }
        // libyaml reads a key of more than 1,024 characters as no key: long ones are left to it.
        guard index < line.count, index <= 128, line[index] == UInt8(ascii: ":") else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<index]), as: UTF8.self)
        index += 1
        guard index == line.count || line[index] == UInt8(ascii: " ") else { return nil }
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        var end = line.count
        while end > index, line[end - 1] == UInt8(ascii: " ") { end -= 1 }
        let value = UnsafeBufferPointer(rebasing: line[index..<end])
        guard let text = scalar(value) else { return nil }
        return (key, text)
    }

    /// The text of a value (trailing spaces already cut), or `nil` outside the subset.
    private static func scalar(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = value.first else { return "" }
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            // The closing quote is the last byte and the only other one of its kind.
            guard value.count >= 2, value[value.count - 1] == first else { return nil }
            let inner = UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)])
            guard !inner.contains(first), first == UInt8(ascii: "'") || !inner.contains(UInt8(ascii: "\\")) else {
                return nil
            }
            return String(decoding: inner, as: UTF8.self)
        }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
            UInt8(ascii: "@"), UInt8(ascii: "`"):
            return nil
        default: break
        }
        for index in value.indices {
            switch value[index] {
            case UInt8(ascii: ":"):
                if index + 1 == value.count || value[index + 1] == UInt8(ascii: " ") { return nil }
            case UInt8(ascii: "#"):
                if value[index - 1] == UInt8(ascii: " ") { return nil }
            default: break
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Whether the text is valid UTF-8 of characters libyaml accepts in a plain line: printable
    /// ASCII and line feeds, and from U+00A0 on anything but surrogates, U+FEFF, U+FFFE, U+FFFF,
    /// U+2028 and U+2029 (U+0085 and the other C1 controls are below U+00A0).
    private static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte == UInt8(ascii: "\n") || (byte >= 0x20 && byte < 0x7F) else { return false }
                index += 1
                continue
            }
            // Decode one multi-byte scalar, checking the encoding as strictly as a String would.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            guard length > 0, byte < 0xF5, index + length <= bytes.count else { return false }
            var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            guard scalar >= shortest, scalar <= 0x10FFFF, scalar >= 0xA0, !(0xD800...0xDFFF).contains(scalar),
                scalar != 0xFEFF, scalar != 0xFFFE, scalar != 0xFFFF, scalar != 0x2028, scalar != 0x2029
            else { return false }
            index += length
        }
        return true
    }
}
