import Foundation

/// Pairs the segments of two revisions of one article. Ids change between revisions, so pairs
/// are found by English text and position:
///
/// 1. equal normalised English, as a longest common subsequence (keeps order, pairs repeats in turn);
/// 2. equal English elsewhere in the article: a moved segment (unchanged, with both positions);
/// 3. between the anchors, equal English words with different markup;
/// 4. then the most similar remaining English (at least `threshold`, case-insensitive, with a
///    content word in common), nearest position first;
/// 5. then, still between the same anchors, an unchanged translation next to rewritten English:
///    the English was rewritten and the translation not, so the pair is a stale source change.
public enum SegmentMatcher {
    /// The smallest word similarity for two different English texts to count as one edited segment.
    /// Sentences sharing only short words ("the", "to", "your") stay below it.
    public static let threshold = 0.6

    /// The changes of one article, in new-revision order (removed segments where they were).
    public static func changes(article: String, old: [SegmentSnapshot], new: [SegmentSnapshot]) -> [SegmentChange] {
        let oldKeys = old.map { normalize($0.sourceText) }
        let newKeys = new.map { normalize($0.sourceText) }
        let anchors = longestCommonSubsequence(oldKeys, newKeys)
        var pairs = anchors
        // Moves: the same English outside the common subsequence.
        var pairedOld = Set(anchors.map(\.0))
        var pairedNew = Set(anchors.map(\.1))
        var moved = Set<Int>()
        var unpairedOld: [String: [Int]] = [:]
        for i in old.indices where !pairedOld.contains(i) { unpairedOld[oldKeys[i], default: []].append(i) }
        for j in new.indices where !pairedNew.contains(j) {
            if var candidates = unpairedOld[newKeys[j]], !candidates.isEmpty {
                let i = candidates.removeFirst()
                unpairedOld[newKeys[j]] = candidates
                pairs.append((i, j))
                pairedOld.insert(i)
                pairedNew.insert(j)
                moved.insert(j)
            }
        }
        // Gaps between anchors: each is a run of old and a run of new segments.
        var gaps: [(Range<Int>, Range<Int>)] = []
        var lastOld = 0
        var lastNew = 0
        for (i, j) in anchors + [(old.count, new.count)] {
            if i > lastOld || j > lastNew { gaps.append((lastOld..<i, lastNew..<j)) }
            lastOld = i + 1
            lastNew = j + 1
        }
        for (oldRange, newRange) in gaps {
            var freeOld = oldRange.filter { !pairedOld.contains($0) }
            var freeNew = newRange.filter { !pairedNew.contains($0) }
            guard !freeOld.isEmpty, !freeNew.isEmpty else { continue }
            let oldPlain = Dictionary(uniqueKeysWithValues: freeOld.map { ($0, plain(old[$0].sourceText)) })
            let newPlain = Dictionary(uniqueKeysWithValues: freeNew.map { ($0, plain(new[$0].sourceText)) })
            // Markup-only edits: the same words.
            for j in freeNew {
                if let index = freeOld.firstIndex(where: { oldPlain[$0] == newPlain[j] }) {
                    pairs.append((freeOld.remove(at: index), j))
                    freeNew.removeAll { $0 == j }
                }
            }
            // Edited sentences: best similarity, ties to the nearest position.
            var candidates: [(score: Double, distance: Int, i: Int, j: Int)] = []
            for i in freeOld {
                for j in freeNew {
                    let score = similarity(oldPlain[i]!, newPlain[j]!)
                    if score >= threshold {
                        candidates.append((score, abs((i - oldRange.lowerBound) - (j - newRange.lowerBound)), i, j))
                    }
                }
            }
            candidates.sort { ($0.score, -$0.distance, -$0.i, -$0.j) > ($1.score, -$1.distance, -$1.i, -$1.j) }
            var usedOld = Set<Int>()
            var usedNew = Set<Int>()
            for candidate in candidates where !usedOld.contains(candidate.i) && !usedNew.contains(candidate.j) {
                usedOld.insert(candidate.i)
                usedNew.insert(candidate.j)
                pairs.append((candidate.i, candidate.j))
            }
            freeOld.removeAll { usedOld.contains($0) }
            freeNew.removeAll { usedNew.contains($0) }
            // Rewritten English beside an untouched translation: in order, the same French.
            for j in freeNew {
                let french = normalize(new[j].targetText)
                guard !french.isEmpty,
                    let index = freeOld.firstIndex(where: { normalize(old[$0].targetText) == french })
                else { continue }
                pairs.append((freeOld.remove(at: index), j))
            }
        }
        return assemble(article: article, old: old, new: new, pairs: pairs, moved: moved)
    }

    /// How alike two English texts are: `WordDiff.similarity` over lower-cased words without their
    /// surrounding punctuation, and 0 when they share no content word (only "the", "to", "your"…).
    public static func similarity(_ old: String, _ new: String) -> Double {
        let a = comparableWords(old)
        let b = comparableWords(new)
        if a == b { return 1 }
        let content = Set(a.filter(isContentWord))
        guard b.contains(where: { isContentWord($0) && content.contains($0) }) else { return 0 }
        return WordDiff.similarity(a.joined(separator: " "), b.joined(separator: " "))
    }

    private static let functionWords: Set<String> = [
        "the", "a", "an", "to", "of", "and", "or", "in", "on", "for", "with", "your", "you", "is", "are", "be",
        "this", "that", "from", "by", "at", "as", "it", "can", "will", "if", "not", "more", "about", "see", "use",
    ]

    private static func isContentWord(_ word: String) -> Bool { word.count >= 3 && !functionWords.contains(word) }

    private static func comparableWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: \.isWhitespace).map {
            String($0.trimmingCharacters(in: .punctuationCharacters))
        }.filter { !$0.isEmpty }
    }

    private static func assemble(
        article: String, old: [SegmentSnapshot], new: [SegmentSnapshot], pairs: [(Int, Int)], moved: Set<Int>
    ) -> [SegmentChange] {
        var newToOld: [Int: Int] = [:]
        for (i, j) in pairs { newToOld[j] = i }
        let pairedOld = Set(pairs.map(\.0))
        var changes: [SegmentChange] = []
        var nextOld = 0
        func flushRemoved(before limit: Int) {
            while nextOld < limit {
                if !pairedOld.contains(nextOld) {
                    changes.append(
                        SegmentChange(
                            article: article, status: .removed, old: old[nextOld], new: nil, similarity: 0,
                            isStale: false))
                }
                nextOld += 1
            }
        }
        for (j, segment) in new.enumerated() {
            guard let i = newToOld[j] else {
                changes.append(
                    SegmentChange(
                        article: article, status: .added, old: nil, new: segment, similarity: 0, isStale: false))
                continue
            }
            if !moved.contains(j) { flushRemoved(before: i) }
            var change = classify(article: article, old: old[i], new: segment)
            change.isMoved = moved.contains(j)
            changes.append(change)
        }
        flushRemoved(before: old.count)
        return changes
    }

    private static func classify(article: String, old: SegmentSnapshot, new: SegmentSnapshot) -> SegmentChange {
        let sameTarget = normalize(old.targetText) == normalize(new.targetText)
        let status: SegmentChange.Status
        var similarity = 1.0
        var stale = false
        if normalize(old.sourceText) == normalize(new.sourceText) {
            status = sameTarget ? .unchanged : .targetChanged
        } else if plain(old.sourceText) == plain(new.sourceText) {
            // A new link target or emphasis the translation did not follow is out of date too.
            status = .markupOnly
            stale = sameTarget
        } else {
            status = .sourceChanged
            similarity = self.similarity(plain(old.sourceText), plain(new.sourceText))
            stale = sameTarget
        }
        return SegmentChange(
            article: article, status: status, old: old, new: new, similarity: similarity, isStale: stale)
    }

    /// The English as compared: white space runs folded to one space, ends trimmed.
    public static func normalize(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The words without markup, normalised.
    static func plain(_ text: String) -> String {
        normalize(InlineMarkupParser.parse(text).plainText)
    }

    /// Index pairs of a longest common subsequence of two key lists.
    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        // Equal heads and tails first: most revisions change little, so the table stays small.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let midA = Array(a[head..<(a.count - tail)])
        let midB = Array(b[head..<(b.count - tail)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: midB.count + 1), count: midA.count + 1)
        for i in stride(from: midA.count - 1, through: 0, by: -1) {
            for j in stride(from: midB.count - 1, through: 0, by: -1) {
                table[i][j] = midA[i] == midB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs = (0..<head).map { ($0, $0) }
        var i = 0
        var j = 0
        while i < midA.count, j < midB.count {
            if midA[i] == midB[j] {
                pairs.append((head + i, head + j))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        pairs += (0..<tail).map { (a.count - tail + $0, b.count - tail + $0) }
        return pairs
    }
}
