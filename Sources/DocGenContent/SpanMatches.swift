import DocGenCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// For every `<span` of a file, the `</span>` that closes it and the first segment span nested
/// inside it, found in one pass. The segment scanner asks this for each span it reads; scanning
/// forward from each instead took time quadratic in the number of unclosed spans (20,000
/// unclosed `<span data-ttu-id>` tags in one article took minutes).
struct SpanMatches {
    // One slot per open tag, in file order (so `opens` is sorted and searched by halving):
    // the offset of the tag, of its closing tag and of the first segment span nested in it
    // (`-1` for none).
    private let opens: [Int]
    private let closes: [Int]
    private let nested: [Int]

    /// Pairs the spans of `bytes` like a browser would nest them: each `</span>` closes the
    /// latest open `<span`. `isSegmentOpen` says whether an open tag starts a segment span.
    init(_ bytes: [UInt8], open: [UInt8], close: [UInt8], isSegmentOpen: (Int) -> Bool) {
        var (opens, closes, nested): ([Int], [Int], [Int]) = ([], [], [])
        var stack: [Int] = []  // slots of the spans still open
        var firstUnset = 0  // stack entries from here up have no nested segment span yet
        bytes.withUnsafeBufferPointer { bytes in
            func matches(_ pattern: [UInt8], at offset: Int) -> Bool { bytes.hasBytes(pattern, at: offset) }
            var index = 0
            // Tags start at a `<`, found with `memchr`.
            while let found = ByteSearch.firstIndex(
                of: UInt8(ascii: "<"), in: UnsafeBufferPointer(rebasing: bytes[index...]))
            {
                index += found
                if matches(close, at: index) {
                    if let top = stack.popLast() { closes[top] = index }
                    firstUnset = min(firstUnset, stack.count)
                    index += close.count
                    continue
                }
                if matches(open, at: index) {
                    if isSegmentOpen(index) {
                        // Every span still open without a nested segment now has this one.
                        for entry in firstUnset..<stack.count { nested[stack[entry]] = index }
                        firstUnset = stack.count
                    }
                    stack.append(opens.count)
                    opens.append(index)
                    closes.append(-1)
                    nested.append(-1)
                }
                index += 1
            }
        }
        (self.opens, self.closes, self.nested) = (opens, closes, nested)
    }

    /// The closing tag of the span opened at `open` whose content starts at `contentStart`, and
    /// the first segment span nested in it; `nil` when none closes it after its content starts
    /// (a `</span>` inside the open tag's own attribute closes nothing).
    func close(ofSpanAt open: Int, contentStart: Int) -> (Int, nested: Int?)? {
        var low = 0
        var high = opens.count
        while low < high {
            let middle = (low + high) / 2
            if opens[middle] < open { low = middle + 1 } else { high = middle }
        }
        guard low < opens.count, opens[low] == open else { return nil }
        let close = closes[low]
        guard close >= 0, close >= contentStart else { return nil }
        let first = nested[low]
        return (close, first >= 0 && first >= contentStart ? first : nil)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `pattern` stands at `offset`, compared by `memcmp`: the generic element-by-element
    /// comparisons of slices and arrays cost more than the scans around them.
    func hasBytes(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= count else { return false }
        guard let base = baseAddress, !pattern.isEmpty else { return true }
        return pattern.withUnsafeBufferPointer { memcmp(base + offset, $0.baseAddress!, $0.count) == 0 }
    }
}

extension [UInt8] {
    /// `UnsafeBufferPointer.hasBytes` on an array.
    func hasBytes(_ pattern: [UInt8], at offset: Int) -> Bool {
        withUnsafeBufferPointer { $0.hasBytes(pattern, at: offset) }
    }
}
