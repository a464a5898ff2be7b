import Foundation
import Testing

@testable import DocGenSite

/// `ContentLoader.read` drops `\r` before `\n` on the bytes, before decoding, when that gives
/// the same text: these compare it with replacing `\r\n` in the decoded text, on random bytes
/// with line ends, invalid UTF-8, combining marks and byte-order marks.
@Suite struct ContentLoaderLineEndTests {
    @Test func droppingReturnsOnBytesMatchesReplacingThemInText() {
        let pieces: [[UInt8]] = [
            [0x0D], [0x0A], [0x0D, 0x0A], [0x61], [0x20], [0xC3, 0xA9], [0xCC, 0x81], [0xEF, 0xBB, 0xBF], [0xC3],
            [0xE2, 0x82], [0x80], [0xFF], [0xF0, 0x9F, 0x98, 0x80],
        ]
        var generator = SystemRandomNumberGenerator()
        var answered = 0
        for _ in 0..<20000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in
                pieces.randomElement(using: &generator)!
            }
            let expected = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            guard let dropped = bytes.withUnsafeBufferPointer({ ContentLoader.withoutCarriageReturns($0) }) else {
                continue  // left to Foundation
            }
            answered += 1
            #expect(String(decoding: dropped, as: UTF8.self) == expected, "\(bytes)")
            #expect(Array(String(decoding: dropped, as: UTF8.self).utf8) == Array(expected.utf8), "\(bytes)")
        }
        #expect(answered > 5000)
    }
}
