import DocGenCore
import Testing

@testable import DocGenCompile
@testable import DocGenMarkdown

/// The compile stage's fast paths against the plain versions they replaced, on random inputs.
@Suite struct CompileEquivalenceTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// The grouping as it was before it worked in place: the reference for `SegmentNodes.group`.
    static func referenceGrouped(_ children: [MarkdownNode], markers: [String: String]) -> [MarkdownNode] {
        var stack: [(id: String?, marker: MarkdownNode, start: Int)] = []
        var output: [MarkdownNode] = []
        for child in children {
            guard case .htmlInline(let html) = child.kind else {
                output.append(child)
                continue
            }
            if html == SegmentNodes.closing, let frame = stack.popLast() {
                if let id = frame.id {
                    let inner = Array(output[frame.start...])
                    output.removeSubrange(frame.start...)
                    output.append(MarkdownNode(kind: .segment(id: id), children: inner, start: frame.marker.start))
                } else {
                    output.append(child)
                }
            } else if html == SegmentNodes.closing {
                output.append(child)
            } else if let id = markers[html] {
                stack.append((id, child, output.count))
            } else if html.hasPrefix("<span"), !stack.isEmpty {
                output.append(child)
                stack.append((nil, child, output.count))
            } else {
                output.append(child)
            }
        }
        while let frame = stack.popLast() {
            if frame.id != nil { output.insert(frame.marker, at: frame.start) }
        }
        return output
    }

    @Test func groupingInPlaceMatchesTheReference() {
        let ids = ["a", "b", "c\"d"]
        let markers = Dictionary(uniqueKeysWithValues: ids.map { (SegmentNodes.opening($0), $0) })
        let grouping = SegmentNodes(markers: markers)
        var random = Random(state: 7)
        for round in 0..<20_000 {
            var children: [MarkdownNode] = []
            for index in 0..<random.next(12) {
                let position = TextPosition(line: 1, column: index + 1)
                let kind: MarkdownNode.Kind
                switch random.next(7) {
                case 0, 1: kind = .htmlInline(SegmentNodes.opening(ids[random.next(ids.count)]))
                case 2, 3: kind = .htmlInline(SegmentNodes.closing)
                case 4: kind = .htmlInline(random.next(2) == 0 ? "<span class=\"x\">" : "<b>")
                case 5: kind = .emphasis
                default: kind = .text("t\(index)")
                }
                let inner = kind == .emphasis ? [MarkdownNode(kind: .text("e"))] : []
                children.append(MarkdownNode(kind: kind, children: inner, start: position))
            }
            let expected = Self.referenceGrouped(children, markers: markers)
            grouping.group(&children)
            #expect(children == expected, "round \(round)")
            if children != expected { return }
        }
    }

    @Test func theOutlineMatchesTheWalksOfTheTree() {
        let texts = [
            "# <a name=\"top\"></a>Title\n\nText <a id='x'>y</a>\n\n> ## Quoted *heading*\n\n- # In a list\n",
            "<div><a name=\"block\"></a></div>\n\n## <span class=\"seg\" data-seg=\"1\">Seg</span> heading\n\n|a|\n|-|\n|<a name=\"cell\">c</a>|\n",
            String(repeating: "> ", count: 120) + "# deep <a name=\"deep\"></a>\n\n# after\n",
            "Setext\n===\n\n#\n\n<A NAME=\"upper\"></A>\n",
        ]
        let markers = [SegmentNodes.opening("1"): "1"]
        for text in texts {
            let (root, outline) = CMark.parseWithOutline(text, regroup: SegmentNodes(markers: markers).group)
            #expect(outline.headings == Headings.collect(in: root))
            #expect(outline.htmlAnchors == Headings.htmlAnchors(in: root))
            #expect(root == CMark.parse(text, regroup: SegmentNodes(markers: markers).group))
        }
    }

    /// `checkMarkup`'s early answer never skips a node whose text runs or code it would report.
    @Test func theMarkupPrecheckAnswersAsTheJoinedRunsDo() {
        let pieces = ["[", "!", ":", "::", "[!NOTE]", "a", " ", "é", ":::name"]
        var random = Random(state: 11)
        for _ in 0..<20_000 {
            var children: [MarkdownNode] = []
            var runs: [String] = []
            var run = ""
            var codeHasSpan = false
            for _ in 0..<random.next(6) {
                switch random.next(5) {
                case 0:
                    children.append(MarkdownNode(kind: .emphasis))
                    runs.append(run)
                    run = ""
                case 1:
                    let code = random.next(3) == 0 ? "x<span y" : "<span>"
                    codeHasSpan = codeHasSpan || code.contains("<span ")
                    children.append(MarkdownNode(kind: .code(code)))
                    runs.append(run)
                    run = ""
                default:
                    let text = pieces[random.next(pieces.count)]
                    children.append(MarkdownNode(kind: .text(text)))
                    run += text
                }
            }
            runs.append(run)
            let expected = codeHasSpan || runs.contains { $0.contains("[!") || $0.contains(":::") }
            #expect(LinkPass.mayHoldMisplacedMarkup(children) == expected)
        }
    }

    @Test func headingIDsFromMadeSlugsMatchIDsFromTexts() {
        let headings = [
            HeadingInfo(level: 1, explicitID: nil, text: "Vue d’ensemble"),
            HeadingInfo(level: 2, explicitID: "x", text: "Ignored"),
            HeadingInfo(level: 2, explicitID: nil, text: "Overview"),
            HeadingInfo(level: 2, explicitID: nil, text: "Extra"),
        ]
        let sources = ["Overview", "Skipped", "Overview"]
        // The ids as they were made before slugs could be given.
        var used: [String: Int] = [:]
        var expected: [String] = []
        for (index, heading) in headings.enumerated() {
            var id = heading.explicitID ?? Headings.slug(index < sources.count ? sources[index] : heading.text)
            if let count = used[id] {
                used[id] = count + 1
                id = "\(id)-\(count)"
            } else {
                used[id] = 1
            }
            expected.append(id)
        }
        #expect(Headings.ids(for: headings, slugs: sources.map(Headings.slug)) == expected)
        #expect(Headings.ids(for: headings, slugSources: sources) == expected)
    }

    /// The memchr-driven anchor test against the byte loop it replaced.
    @Test func anchorPrecheckMatchesTheByteLoop() {
        func reference(_ html: String) -> Bool {
            var previous: UInt8 = 0
            for byte in html.utf8 {
                if previous == 0x3C && (byte == 0x61 || byte == 0x41) { return true }
                previous = byte
            }
            return false
        }
        let pieces = ["<", "a", "A", "<span class=\"seg\">", "b", " ", "é", "<<", ">"]
        var random = Random(state: 5)
        for _ in 0..<50_000 {
            let html = (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(Headings.mayHoldAnchor(html) == reference(html), "\(html.debugDescription)")
        }
    }

    /// The byte-level scheme test against the character-level one it stands in front of.
    @Test func externalURLsAreRecognizedAsByCharacters() {
        func reference(_ url: String) -> Bool {
            if url.hasPrefix("//") { return true }
            guard let colon = url.firstIndex(of: ":") else { return false }
            let scheme = url[..<colon]
            return !scheme.isEmpty
                && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
        }
        let resolver = LinkResolver(articlePaths: [], resourcePaths: [], paths: PagePaths(targetLanguage: .french))
        let pieces = ["http", ":", "/", "é", "\u{301}", "a", "1", "+", "-", ".", "\r\n", " ", "#", "\u{0663}", "Z"]
        var random = Random(state: 3)
        for _ in 0..<50_000 {
            let url = (0..<random.next(6)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(resolver.isExternal(url) == reference(url), "\(url.debugDescription)")
        }
    }
}
