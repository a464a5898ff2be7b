/// How serious a diagnostic is. Errors make `docgen build` exit 1; warnings do not unless `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in the input, kept as data so that a build can collect all of them and keep going.
///
/// Tests assert on `identifier` (for example `docgen.segment.unpaired`), never on the wording.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Codable {
    /// A stable, dotted identifier such as `docgen.frontmatter.invalid-yaml`.
    public var identifier: String
    /// How serious the problem is.
    public var severity: Severity
    /// Where the problem is; `nil` for problems of the whole run (for example a missing folder).
    public var location: SourceLocation?
    /// One line saying what is wrong.
    public var summary: String
    /// How to fix it, when there is a useful suggestion.
    public var fix: String?

    /// Creates a diagnostic.
    public init(
        _ identifier: String, _ severity: Severity, at location: SourceLocation?, _ summary: String,
        fix: String? = nil
    ) {
        self.identifier = identifier
        self.severity = severity
        self.location = location
        self.summary = summary
        self.fix = fix
    }

    /// Creates an error diagnostic.
    public static func error(
        _ identifier: String, at location: SourceLocation?, _ summary: String, fix: String? = nil
    ) -> Diagnostic {
        Diagnostic(identifier, .error, at: location, summary, fix: fix)
    }

    /// Creates a warning diagnostic.
    public static func warning(
        _ identifier: String, at location: SourceLocation?, _ summary: String, fix: String? = nil
    ) -> Diagnostic {
        Diagnostic(identifier, .warning, at: location, summary, fix: fix)
    }

    /// The diagnostic as one compiler-style line: `path:line:col: warning: summary [identifier]`,
    /// followed by an indented `fix:` line when there is a suggestion.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(summary) [\(identifier)]"
        if let fix { text += "\n    fix: \(fix)" }
        return text
    }

    /// The same diagnostic with its severity raised to error (used by `--strict`).
    public func promotedToError() -> Diagnostic {
        var copy = self
        if copy.severity == .warning { copy.severity = .error }
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in a stable order: by file, line, column, then identifier.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): return (a.identifier, a.summary) < (b.identifier, b.summary)
            case (nil, _): return true
            case (_, nil): return false
            case let (la?, lb?):
                if la != lb { return la < lb }
                return (a.identifier, a.summary) < (b.identifier, b.summary)
            }
        }
    }

    /// How many diagnostics have the given severity.
    public func count(of severity: Severity) -> Int { filter { $0.severity == severity }.count }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
