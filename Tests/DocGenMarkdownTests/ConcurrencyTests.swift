import DocGenMarkdown
import Foundation
import Testing

/// libcmark-gfm keeps the extensions' special characters in a process-wide table that every
/// parser used to set and clear around its inline parsing; `CMark` sets it once and keeps
/// parsers from writing it, so parsing on many threads, without a lock, gives one result.
@Suite struct ConcurrencyTests {
    @Test func parallelParsesAgreeWithASerialOne() {
        // Long enough that parses overlap: a parser ending its inline phase while another is in
        // it is what used to drop autolinks.
        let paragraph =
            "See https://example.com/a?b=1 and www.example.org, old text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        let markdown = String(repeating: paragraph, count: 20)
        let expected = HTMLRenderer.render(CMark.parse(markdown), context: HTMLRenderContext())
        #expect(expected.components(separatedBy: "<a href=\"https://example.com/a?b=1\">").count == 21)
        #expect(expected.components(separatedBy: "<a href=\"http://www.example.org\">").count == 21)
        // Texts with `~` take the strikethrough path; they must not disturb the others either.
        let struck = "A ~~struck~~ word and https://example.com/x.\n"
        let expectedStruck = HTMLRenderer.render(CMark.parse(struck), context: HTMLRenderContext())
        #expect(expectedStruck.contains("<del>struck</del>"))
        let count = 200
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] =
                index % 4 == 0
                ? HTMLRenderer.render(CMark.parse(struck), context: HTMLRenderContext()) == expectedStruck
                : HTMLRenderer.render(CMark.parse(markdown), context: HTMLRenderContext()) == expected
        }
        #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) of \(count) parallel parses differ")
    }
}
