/// A 128-bit digest of bytes, the same in every process and on every machine, to tell whether a
/// file or a build input changed since the last build (the build cache's keys). Not cryptographic:
/// it guards against edits, not against someone crafting a collision.
public struct ContentDigest: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The two 64-bit halves.
    public var high: UInt64
    /// The low half.
    public var low: UInt64

    /// The digest as 32 hexadecimal digits.
    public var description: String {
        let h = String(high, radix: 16)
        let l = String(low, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h + String(repeating: "0", count: 16 - l.count) + l
    }

    /// The digest of some bytes.
    public static func of(_ bytes: [UInt8]) -> ContentDigest {
        var hasher = DigestHasher()
        hasher.add(bytes)
        return hasher.finish()
    }

    /// The digest of a text's UTF-8 bytes.
    public static func of(_ text: String) -> ContentDigest {
        var hasher = DigestHasher()
        hasher.add(text)
        return hasher.finish()
    }
}

/// Feeds values into a `ContentDigest`. Each value is length-prefixed, so `("ab", "c")` and
/// `("a", "bc")` give different digests.
public struct DigestHasher: Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    /// Creates an empty hasher.
    public init() {}

    /// Adds bytes.
    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(raw: $0) }
    }

    /// Adds a text's UTF-8 bytes.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Adds an integer.
    public mutating func add(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    /// Adds another digest.
    public mutating func add(_ digest: ContentDigest) {
        mix(digest.high)
        mix(digest.low)
    }

    /// Adds raw bytes, eight at a time.
    public mutating func add(raw bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var index = 0
        while index + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail)
    }

    /// The digest of everything added.
    public func finish() -> ContentDigest {
        ContentDigest(high: Self.avalanche(a ^ (b >> 1) ^ count), low: Self.avalanche(b &+ a &+ count))
    }

    private mutating func mix(_ word: UInt64) {
        count &+= 1
        a = ((a ^ word) &* 0x87C3_7B91_1142_53D5)
        a = (a << 31) | (a >> 33)
        b = ((b ^ word) &* 0x4CF5_AD43_2745_937F) &+ a
        b = (b << 27) | (b >> 37)
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
