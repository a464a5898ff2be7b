import DocGenCore

/// Turns link destinations and image sources written in an article into URLs relative to the
/// page being rendered, and reports the ones that lead nowhere. Values in, values out: the set
/// of known content paths is given, nothing touches the disk.
public struct LinkResolver: Sendable {
    /// Paths of every article (`.md`) in the content folder.
    public let articlePaths: Set<String>
    /// Paths of every other file in the content folder (images, YAML pages, …), lower-cased keys
    /// mapping to the real spelling so links that differ in case still resolve (with a warning).
    public let resourcePaths: [String: String]
    /// Output paths per article and language.
    public let paths: PagePaths
    /// Pages that exist besides articles (content path → true), for example YAML pages.
    public let otherPages: Set<String>
    /// Article paths by their lower-cased spelling.
    private let articlesByLowercasedPath: [String: String]
    /// Where root-relative links (`/azure/…`) lead, e.g. `https://docs.microsoft.com/fr-fr`; kept as written when `nil`.
    public let rootLinkBase: String?

    /// Creates a resolver over the content folder's file list.
    public init(
        articlePaths: Set<String>, resourcePaths: Set<String>, otherPages: Set<String> = [], paths: PagePaths,
        rootLinkBase: String? = nil
    ) {
        self.rootLinkBase = rootLinkBase
        self.articlesByLowercasedPath = Dictionary(
            articlePaths.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, b in min(a, b) })
        self.articlePaths = articlePaths
        self.resourcePaths = Dictionary(resourcePaths.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        self.otherPages = otherPages
        self.paths = paths
    }

    /// The outcome of resolving one destination.
    public enum Resolution: Equatable, Sendable {
        /// Leave as written (absolute URL, fragment, mail address).
        case external(String)
        /// A page of this site, as a URL relative to the current page.
        case page(String, articlePath: String, fragment: String?)
        /// A resource file, as a URL relative to the current page.
        case resource(String)
        /// A page of this site found despite a flaw in the link (such as its case), reported by the diagnostic.
        case pageWithWarning(String, articlePath: String, fragment: String?, Diagnostic)
        /// Nothing in the content folder matches; the diagnostic says what was looked for.
        case missing(String, Diagnostic)
    }

    /// Resolves a link written in `articlePath`, for the page in `language`.
    public func resolveLink(
        _ destination: String, from articlePath: String, in language: Language, at location: SourceLocation
    )
        -> Resolution
    {
        let trimmed = destination.trimmingWhitespace
        if trimmed.hasPrefix("/"), !trimmed.hasPrefix("//"), let rootLinkBase {
            return .external(rootLinkBase + trimmed)
        }
        if trimmed.isEmpty || isExternal(trimmed) || trimmed.hasPrefix("#") || trimmed.hasPrefix("/") {
            return .external(destination)
        }
        let (pathPart, suffix) = splitSuffix(trimmed)
        let fragment = suffix.firstIndex(of: "#").map { String(suffix[suffix.index(after: $0)...]) }
        let directory = SitePath.directory(of: articlePath)
        guard let resolved = SitePath.resolve(pathPart.removingPercentEncodingOrSelf, relativeTo: directory) else {
            return .missing(destination, missing(destination, at: location, why: "it climbs above the content folder"))
        }
        let currentPage = paths.page(forArticle: articlePath, in: language)
        for candidate in candidates(for: resolved) where articlePaths.contains(candidate) {
            let page = paths.page(forArticle: candidate, in: language)
            return .page(
                SitePath.relativeURL(from: currentPage, to: page) + suffix, articlePath: candidate, fragment: fragment)
        }
        if let real = articlesByLowercasedPath[resolved.lowercased()]
            ?? articlesByLowercasedPath[resolved.lowercased() + ".md"]
        {
            let page = paths.page(forArticle: real, in: language)
            let warning = Diagnostic.warning(
                "docgen.link.case-mismatch", at: location,
                "link '\(destination)' differs in case from the file '\(real)'; static hosts are case-sensitive",
                fix: "write the link with the file's exact case")
            return .pageWithWarning(
                SitePath.relativeURL(from: currentPage, to: page) + suffix, articlePath: real, fragment: fragment,
                warning)
        }
        if otherPages.contains(resolved) {
            let page = paths.page(forArticle: resolved, in: language)
            return .page(
                SitePath.relativeURL(from: currentPage, to: page) + suffix, articlePath: resolved, fragment: fragment)
        }
        if let real = resourcePaths[resolved.lowercased()] {
            return .resource(SitePath.relativeURL(from: currentPage, to: paths.resource(real)) + suffix)
        }
        return .missing(
            destination, missing(destination, at: location, why: "no file '\(resolved)' in the content folder"))
    }

    /// Resolves an image source written in `articlePath`, for the page in `language`.
    public func resolveImage(
        _ source: String, from articlePath: String, in language: Language, at location: SourceLocation
    )
        -> Resolution
    {
        let trimmed = source.trimmingWhitespace
        if isExternal(trimmed) || trimmed.hasPrefix("/") || trimmed.hasPrefix("data:") { return .external(source) }
        let (pathPart, suffix) = splitSuffix(trimmed)
        let currentPage = paths.page(forArticle: articlePath, in: language)
        if let resolved = SitePath.resolve(
            pathPart.removingPercentEncodingOrSelf, relativeTo: SitePath.directory(of: articlePath)),
            let real = resourcePaths[resolved.lowercased()]
        {
            return .resource(SitePath.relativeURL(from: currentPage, to: paths.resource(real)) + suffix)
        }
        let diagnostic = Diagnostic.warning(
            "docgen.image.missing", at: location, "image '\(source)' is not in the content folder",
            fix: "add the image file next to the article or correct the path")
        return .missing(source, diagnostic)
    }

    private func candidates(for path: String) -> [String] {
        if path.lowercased().hasSuffix(".md") { return [path] }
        if path.isEmpty { return ["index.md"] }
        return [path + ".md", path + "/index.md", path.hasSuffix("/") ? path + "index.md" : path]
    }

    func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        // ASCII up to the first ':' (and the byte after it) is read byte by byte, where each
        // byte is a character; anything else goes by characters below.
        var index = url.utf8.startIndex
        while index != url.utf8.endIndex {
            let byte = url.utf8[index]
            if byte >= 0x80 { break }
            if byte == UInt8(ascii: ":") {
                let next = url.utf8.index(after: index)
                if next != url.utf8.endIndex, url.utf8[next] >= 0x80 { break }
                return index != url.utf8.startIndex
            }
            let isSchemeByte =
                (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            // A character that no scheme holds comes before any ':' (a CR LF pair included).
            if !isSchemeByte { return false }
            index = url.utf8.index(after: index)
        }
        if index == url.utf8.endIndex { return false }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Splits `a/b.md?x=1#frag` into `a/b.md` and `?x=1#frag`.
    private func splitSuffix(_ url: String) -> (String, String) {
        guard let index = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return (url, "") }
        return (String(url[..<index]), String(url[index...]))
    }

    private func missing(_ destination: String, at location: SourceLocation, why: String) -> Diagnostic {
        .warning(
            "docgen.link.missing-target", at: location, "link '\(destination)' leads nowhere: \(why)",
            fix: "correct the path, or link to the article's .md file relative to this one")
    }
}

extension String {
    /// Without `%`, there is nothing to decode (and the text is valid UTF-8): Foundation is skipped.
    fileprivate var removingPercentEncodingOrSelf: String {
        containsByte(UInt8(ascii: "%")) ? removingPercentEncoding ?? self : self
    }

    /// `trimmingCharacters(in: .whitespaces)`, answered without Foundation when the text starts
    /// and ends with an ASCII character other than a space or tab (the only ASCII whitespace there).
    fileprivate var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), last != UInt8(ascii: " "),
            last != UInt8(ascii: "\t")
        {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }
}
