/// Word-level comparison of two texts: a similarity in 0…1 and a rendering of the changes
/// as `[-old-]{+new+}`, optionally coloured for a terminal.
public enum WordDiff {
    /// One run of the comparison.
    public enum Run: Hashable, Sendable {
        /// Text present in both.
        case same(String)
        /// Text only in the old version.
        case removed(String)
        /// Text only in the new version.
        case added(String)
    }

    /// The words of a text (runs of non-space characters).
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }

    /// How alike two texts are, by words: twice the number of words in common (in order) over the
    /// total number of words. 1 for equal texts, 0 for texts with no word in common.
    public static func similarity(_ old: String, _ new: String) -> Double {
        let a = words(old)
        let b = words(new)
        if a.isEmpty && b.isEmpty { return 1 }
        return Double(2 * commonLength(a, b)) / Double(a.count + b.count)
    }

    /// The changes from `old` to `new`, word by word; runs are separated by single spaces.
    public static func runs(_ old: String, _ new: String) -> [Run] {
        let a = words(old)
        let b = words(new)
        let table = lcsTable(a, b)
        var runs: [Run] = []
        var i = 0
        var j = 0
        func push(_ run: Run) {
            switch (runs.last, run) {
            case (.same(let x)?, .same(let y)): runs[runs.count - 1] = .same(x + " " + y)
            case (.removed(let x)?, .removed(let y)): runs[runs.count - 1] = .removed(x + " " + y)
            case (.added(let x)?, .added(let y)): runs[runs.count - 1] = .added(x + " " + y)
            default: runs.append(run)
            }
        }
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                push(.same(String(a[i])))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                push(.added(String(b[j])))
                j += 1
            } else {
                push(.removed(String(a[i])))
                i += 1
            }
        }
        // Show a replacement as removal then addition.
        var ordered: [Run] = []
        for run in runs {
            if case .removed = run, case .added(let added)? = ordered.last {
                ordered[ordered.count - 1] = run
                ordered.append(.added(added))
            } else {
                ordered.append(run)
            }
        }
        return ordered
    }

    /// The changes rendered as text: `[-old-]{+new+}`; with `color`, removals red and additions green.
    public static func render(_ old: String, _ new: String, color: Bool = false) -> String {
        runs(old, new).map { run in
            switch run {
            case .same(let text): text
            case .removed(let text): color ? "\u{1B}[31m[-\(text)-]\u{1B}[0m" : "[-\(text)-]"
            case .added(let text): color ? "\u{1B}[32m{+\(text)+}\u{1B}[0m" : "{+\(text)+}"
            }
        }.joined(separator: " ")
    }

    private static func commonLength(_ a: [Substring], _ b: [Substring]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `table[i][j]` = length of the longest common subsequence of `a[i...]` and `b[j...]`.
    private static func lcsTable(_ a: [Substring], _ b: [Substring]) -> [[Int]] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table
    }
}
