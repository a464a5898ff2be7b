/// For every `<span` of a file, the `</span>` that closes it and the first segment span nested
/// inside it, found in one pass. The segment scanner asks this for each span it reads; scanning
/// forward from each instead took time quadratic in the number of unclosed spans (20,000
/// unclosed `<span data-ttu-id>` tags in one article took minutes).
struct SpanMatches {
    /// Open-tag offset → offset of its closing tag and of the first segment span nested in it.
    private var matches: [Int: (close: Int, nested: Int?)] = [:]

    /// Pairs the spans of `bytes` like a browser would nest them: each `</span>` closes the
    /// latest open `<span`. `isSegmentOpen` says whether an open tag starts a segment span.
    init(_ bytes: [UInt8], open: [UInt8], close: [UInt8], isSegmentOpen: (Int) -> Bool) {
        var stack: [(open: Int, nested: Int?)] = []
        var firstUnset = 0  // stack entries from here up have no nested segment span yet
        var index = 0
        func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
            offset + pattern.count <= bytes.count && bytes[offset..<offset + pattern.count].elementsEqual(pattern)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(close, at: index) {
                if let top = stack.popLast() { self.matches[top.open] = (index, top.nested) }
                firstUnset = min(firstUnset, stack.count)
                index += close.count
                continue
            }
            if matches(open, at: index) {
                if isSegmentOpen(index) {
                    // Every span still open without a nested segment now has this one.
                    for entry in firstUnset..<stack.count { stack[entry].nested = index }
                    firstUnset = stack.count
                }
                stack.append((index, nil))
            }
            index += 1
        }
    }

    /// The closing tag of the span opened at `open` whose content starts at `contentStart`, and
    /// the first segment span nested in it; `nil` when none closes it after its content starts
    /// (a `</span>` inside the open tag's own attribute closes nothing).
    func close(ofSpanAt open: Int, contentStart: Int) -> (Int, nested: Int?)? {
        guard let match = matches[open], match.close >= contentStart else { return nil }
        return (match.close, match.nested.flatMap { $0 >= contentStart ? $0 : nil })
    }
}
