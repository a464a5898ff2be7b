#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring tests on UTF-8 bytes. Foundation's `contains(_:)` and `range(of:)` go through
/// CoreFoundation on Linux and dominated the profile of a build; these compare bytes.
extension String {
    /// Whether the text contains `needle`, byte for byte (case-sensitive, no normalization).
    public func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in ByteSearch.firstIndex(of: pattern, in: haystack) != nil }
        }
    }

    /// Whether the text contains the byte `byte` (an ASCII character, as `UInt8(ascii:)`).
    /// `utf8.contains(_:)` walks the view one index at a time; this is one `memchr`.
    public func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.firstIndex(of: byte, in: $0) != nil }) {
            return found
        }
        return utf8.contains(byte)
    }
}

/// Byte-level search used by `containsBytes`.
public enum ByteSearch {
    /// The offset of the first occurrence of `pattern` in `bytes`, or `nil`.
    public static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>)
        -> Int?
    {
        guard let first = pattern.first else { return 0 }
        guard bytes.count >= pattern.count else { return nil }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            // Candidates for the first byte are found with `memchr`, which reads many bytes at a time.
            guard let candidate = firstIndex(of: first, in: UnsafeBufferPointer(rebasing: bytes[index...last]))
            else { return nil }
            index += candidate
            var matched = 1
            while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
            if matched == pattern.count { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the first `byte` in `bytes`, or `nil`.
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty,
            let found = memchr(base, Int32(byte), bytes.count)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is part of a word: a letter or a digit of any script.
    @inlinable public var isWordCharacter: Bool { readsAsLetter || readsAsNumber }

    /// `properties.isAlphabetic` (what `Character.isLetter` answers for a character made of this
    /// scalar alone), with ASCII, Latin-1, Latin Extended-A and B (the accented letters of French
    /// text) and the general punctuation answered without the Unicode tables, which are slow to
    /// query; the tests check these answers against the tables.
    @inlinable public var readsAsLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0xC0 && value < 0x250 { return value != 0xD7 && value != 0xF7 }
        if value < 0xC0 { return value == 0xAA || value == 0xB5 || value == 0xBA }
        if value >= 0x2000 && value < 0x2070 { return false }
        return properties.isAlphabetic
    }

    /// What `Character.isNumber` answers for a character made of this scalar alone, with Latin-1
    /// (`²`, `½` are numbers) and the general punctuation answered without the tables.
    @inlinable public var readsAsNumber: Bool {
        if value < 0xC0 {
            return (value >= 0x30 && value <= 0x39) || value == 0xB2 || value == 0xB3 || value == 0xB9
                || (value >= 0xBC && value <= 0xBE)
        }
        if value >= 0x2000 && value < 0x2070 { return false }
        return properties.numericType != nil
    }
}
