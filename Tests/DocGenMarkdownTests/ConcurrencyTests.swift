import DocGenMarkdown
import Foundation
import Testing

/// libcmark-gfm keeps the extensions' special characters in a process-wide table that parsers
/// edit when they are created and freed; parsing on many threads must still give one result.
@Suite struct ConcurrencyTests {
    @Test func parallelParsesAgreeWithASerialOne() {
        let markdown =
            "See https://example.com/a?b=1 and www.example.org, ~~old~~ text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let expected = HTMLRenderer.render(CMark.parse(markdown), context: HTMLRenderContext())
        #expect(expected.contains("<a href=\"https://example.com/a?b=1\">"))
        let count = 400
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] = HTMLRenderer.render(CMark.parse(markdown), context: HTMLRenderContext()) == expected
        }
        #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) of \(count) parallel parses differ")
    }
}
