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
            if bytes[index] == first {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is part of a word: a letter or a digit of any script. ASCII is
    /// answered without the Unicode property tables, which are slow to query.
    @inlinable public var isWordCharacter: Bool {
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39)
        }
        // Latin-1 letters and Latin Extended-A and B (the accented letters of French text) all
        // are, but × and ÷: answered without the tables too.
        if value >= 0xC0 && value < 0x250 { return value != 0xD7 && value != 0xF7 }
        return properties.isAlphabetic || properties.numericType != nil
    }
}
