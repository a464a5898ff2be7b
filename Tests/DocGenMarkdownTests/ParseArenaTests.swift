@testable import DocGenMarkdown
import Testing

/// `CMark.parse` allocates cmark's memory from a per-thread `ParseArena`: every allocation must
/// keep its bytes until the reset, whatever the mix of sizes, growths and blocks.
@Suite struct ParseArenaTests {
    @Test func allocationsKeepTheirBytesThroughGrowthAndNewBlocks() {
        var generator = SystemRandomNumberGenerator()
        let arena = ParseArena()
        for _ in 0..<2 {
            var live: [(pointer: UnsafeMutableRawPointer, size: Int, fill: UInt8)] = []
            func fill(_ pointer: UnsafeMutableRawPointer, _ size: Int, _ byte: UInt8) {
                pointer.initializeMemory(as: UInt8.self, repeating: byte, count: size)
            }
            for step in 0..<2000 {
                let byte = UInt8(truncatingIfNeeded: step)
                if live.isEmpty || Bool.random(using: &generator) {
                    // Mostly small, as cmark's nodes and chunks are; now and then larger than a block.
                    let size =
                        Int.random(in: 0..<50, using: &generator) == 0
                        ? Int.random(in: (ParseArena.blockSize / 8)...(ParseArena.blockSize + 4096), using: &generator)
                        : Int.random(in: 1...300, using: &generator)
                    let pointer = arena.allocate(size, zeroed: true)
                    #expect(Int(bitPattern: pointer) % 16 == 0)
                    let zeroed = UnsafeRawBufferPointer(start: pointer, count: size).allSatisfy { $0 == 0 }
                    #expect(zeroed)
                    fill(pointer, size, byte)
                    live.append((pointer, size, byte))
                } else {
                    let index = Int.random(in: 0..<live.count, using: &generator)
                    let old = live[index]
                    let size = Int.random(in: 1...min(old.size * 2 + 64, ParseArena.blockSize * 2), using: &generator)
                    let pointer = arena.reallocate(old.pointer, to: size)
                    let kept = UnsafeRawBufferPointer(start: pointer, count: min(size, old.size))
                        .allSatisfy { $0 == old.fill }
                    #expect(kept)
                    fill(pointer, size, byte)
                    live[index] = (pointer, size, byte)
                }
            }
            for allocation in live {
                let intact = UnsafeRawBufferPointer(start: allocation.pointer, count: allocation.size)
                    .allSatisfy { $0 == allocation.fill }
                #expect(intact)
            }
            arena.reset()
        }
    }

    @Test func aLongDocumentParsesAsItsPiecesDo() {
        // Hundreds of kilobytes: the parse spans many blocks and grows large buffers.
        let piece =
            "A paragraph with *emphasis*, `code`, a [link](https://example.com/a) and https://example.org.\n\n"
            + "| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n\n- item\n- [x] done\n\n```swift\nlet x = 1\n```\n\n"
        let one = HTMLRenderer.render(CMark.parse(piece), context: HTMLRenderContext())
        let document = String(repeating: piece, count: 4000)
        let whole = HTMLRenderer.render(CMark.parse(document), context: HTMLRenderContext())
        #expect(whole == String(repeating: one, count: 4000))
        // The arena is reset after each parse: the next one gives the same tree again.
        #expect(CMark.parse(piece) == CMark.parse(piece))
    }
}
