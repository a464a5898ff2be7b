import DocGenCompile
import DocGenContent
import DocGenCore
import DocGenTranslation
import Foundation

/// The build cache's file format: a compact binary layout written and read by hand, because a
/// repeated build of thousands of articles must read its cache in milliseconds (Foundation's
/// JSON coders took over a second for 3,700 articles). Integers are little-endian 64-bit,
/// strings are a length and UTF-8 bytes, optionals a 0/1 byte. The file starts with a magic
/// word and the cache format; anything unexpected makes the reader give up (a full build).
enum CacheCodec {
    static let magic: UInt64 = 0x6463_6361_6368_6531  // "dccache1"

    static func encode(_ cache: BuildCache) -> [UInt8] {
        var out = ByteWriter()
        out.int(Int(bitPattern: UInt(magic)))
        out.int(cache.format)
        out.digest(cache.siteKey)
        out.int(Int(cache.writtenAt))
        out.optional(cache.manifestStamp) { $0.stamp($1) }
        out.int(cache.stamps.count)
        for path in cache.stamps.keys.sorted() {
            out.string(path)
            out.stamp(cache.stamps[path]!.stamp)
            out.digest(cache.stamps[path]!.digest)
        }
        out.int(cache.articles.count)
        for path in cache.articles.keys.sorted() {
            out.string(path)
            out.record(cache.articles[path]!)
        }
        out.array(cache.siteDiagnostics) { $0.diagnostic($1) }
        out.array(cache.siteOutputs) { $0.string($1) }
        out.array(cache.siteCounts) { $0.int($1) }
        out.array(cache.includeCoverage) { $0.coverage($1) }
        out.array(cache.navigation.roots) { $0.node($1) }
        out.string(cache.targetLanguage)
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        var input = ByteReader(bytes: bytes)
        guard let magicWord = input.int(), UInt64(UInt(bitPattern: magicWord)) == magic,
            input.int() == BuildCache.format, let siteKey = input.digest(), let writtenAt = input.int(),
            let manifest = input.optional({ $0.stamp() }), let stampCount = input.int()
        else { return nil }
        var stamps: [String: BuildCache.StampedDigest] = [:]
        stamps.reserveCapacity(stampCount)
        for _ in 0..<stampCount {
            guard let path = input.string(), let stamp = input.stamp(), let digest = input.digest() else { return nil }
            stamps[path] = BuildCache.StampedDigest(stamp: stamp, digest: digest)
        }
        guard let articleCount = input.int() else { return nil }
        var articles: [String: BuildCache.ArticleRecord] = [:]
        articles.reserveCapacity(articleCount)
        for _ in 0..<articleCount {
            guard let path = input.string(), let record = input.record() else { return nil }
            articles[path] = record
        }
        guard let siteDiagnostics = input.array({ $0.diagnostic() }), let siteOutputs = input.array({ $0.string() }),
            let siteCounts = input.array({ $0.int() }), siteCounts.count == 3,
            let includeCoverage = input.array({ $0.coverage() }), let roots = input.array({ $0.node() }),
            let targetLanguage = input.string(), input.atEnd
        else { return nil }
        return BuildCache(
            siteKey: siteKey, stamps: stamps, writtenAt: Int64(writtenAt), articles: articles,
            siteDiagnostics: siteDiagnostics, siteOutputs: siteOutputs, siteCounts: siteCounts,
            includeCoverage: includeCoverage, navigation: Navigation(roots: roots), targetLanguage: targetLanguage,
            manifestStamp: manifest)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
    mutating func digest(_ value: ContentDigest) {
        int(Int(bitPattern: UInt(value.high)))
        int(Int(bitPattern: UInt(value.low)))
    }
    mutating func stamp(_ value: FileStamp) {
        int(Int(value.size))
        int(Int(value.modified))
        int(Int(value.changed))
        int(Int(bitPattern: UInt(value.inode)))
    }
    mutating func location(_ value: SourceLocation) {
        string(value.path)
        int(value.line)
        int(value.column)
    }
    mutating func diagnostic(_ value: Diagnostic) {
        string(value.identifier)
        string(value.severity.rawValue)
        optional(value.location) { $0.location($1) }
        string(value.summary)
        optional(value.fix) { $0.string($1) }
    }
    mutating func coverage(_ value: CoverageReport.Entry) {
        string(value.article)
        string(value.title)
        optional(value.translationType?.rawValue) { $0.string($1) }
        for number in [
            value.segments, value.sourceWords, value.targetWords, value.staleSegments, value.flaggedSegments,
        ] {
            int(number)
        }
        bool(value.isInclude)
    }
    mutating func node(_ value: Navigation.Node) {
        string(value.name)
        switch value.target {
        case .page(let path, let suffix):
            int(0)
            string(path)
            string(suffix)
        case .external(let url):
            int(1)
            string(url)
        case .none:
            int(2)
        }
        optional(value.keywords) { $0.string($1) }
        bool(value.isLanguageNeutral)
        array(value.children) { $0.node($1) }
    }
    mutating func record(_ value: BuildCache.ArticleRecord) {
        digest(value.digest)
        digest(value.facts)
        string(value.targetTitle)
        optional(value.sourceTitle) { $0.string($1) }
        bool(value.isPage)
        array(value.diagnostics) { $0.diagnostic($1) }
        array(value.outputs) { $0.string($1) }
        array(value.anchors) { $0.string($1) }
        array(value.fragmentLinks) {
            $0.string($1.page)
            $0.string($1.fragment)
            $0.location($1.location)
        }
        optional(value.coverage) { $0.coverage($1) }
        int(value.rootRelativeLinks)
        int(value.rootRelativePages)
        int(value.htmlPages)
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func int() -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }
    mutating func bool() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        offset += 1
        return bytes[offset - 1] == 1
    }
    mutating func string() -> String? {
        guard let count = int(), count >= 0, offset + count <= bytes.count else { return nil }
        let text = String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
        offset += count
        return text
    }
    /// `.some(nil)` for an absent value, `nil` for a malformed file.
    mutating func optional<T>(_ read: (inout ByteReader) -> T?) -> T?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }
    mutating func array<T>(_ read: (inout ByteReader) -> T?) -> [T]? {
        guard let count = int(), count >= 0, count <= bytes.count else { return nil }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }
    mutating func digest() -> ContentDigest? {
        guard let high = int(), let low = int() else { return nil }
        return ContentDigest(high: UInt64(UInt(bitPattern: high)), low: UInt64(UInt(bitPattern: low)))
    }
    mutating func stamp() -> FileStamp? {
        guard let size = int(), let modified = int(), let changed = int(), let inode = int() else { return nil }
        return FileStamp(
            size: Int64(size), modified: Int64(modified), changed: Int64(changed),
            inode: UInt64(UInt(bitPattern: inode)))
    }
    mutating func location() -> SourceLocation? {
        guard let path = string(), let line = int(), let column = int() else { return nil }
        return SourceLocation(path: path, line: line, column: column)
    }
    mutating func diagnostic() -> Diagnostic? {
        guard let identifier = string(), let severity = string().flatMap(Severity.init(rawValue:)),
            let location = optional({ $0.location() }), let summary = string(), let fix = optional({ $0.string() })
        else { return nil }
        return Diagnostic(identifier, severity, at: location, summary, fix: fix)
    }
    mutating func coverage() -> CoverageReport.Entry? {
        guard let article = string(), let title = string(), let type = optional({ $0.string() }),
            let segments = int(), let sourceWords = int(), let targetWords = int(), let stale = int(),
            let flagged = int(), let isInclude = bool()
        else { return nil }
        return CoverageReport.Entry(
            article: article, title: title, translationType: type.flatMap(TranslationType.init(rawValue:)),
            segments: segments, sourceWords: sourceWords, targetWords: targetWords, staleSegments: stale,
            flaggedSegments: flagged, isInclude: isInclude)
    }
    mutating func node() -> Navigation.Node? {
        guard let name = string(), let kind = int() else { return nil }
        let target: Navigation.Target
        switch kind {
        case 0:
            guard let path = string(), let suffix = string() else { return nil }
            target = .page(path, suffix: suffix)
        case 1:
            guard let url = string() else { return nil }
            target = .external(url)
        case 2: target = .none
        default: return nil
        }
        guard let keywords = optional({ $0.string() }), let neutral = bool(), let children = array({ $0.node() })
        else { return nil }
        var node = Navigation.Node(name: name, target: target, keywords: keywords, children: children)
        node.isLanguageNeutral = neutral
        return node
    }
    mutating func record() -> BuildCache.ArticleRecord? {
        guard let textDigest = self.digest(), let facts = self.digest(), let targetTitle = string(),
            let sourceTitle = optional({ $0.string() }), let isPage = bool(),
            let diagnostics = array({ $0.diagnostic() }), let outputs = array({ $0.string() }),
            let anchors = array({ $0.string() }),
            let fragmentLinks = array({ reader -> FragmentLink? in
                guard let page = reader.string(), let fragment = reader.string(), let location = reader.location()
                else { return nil }
                return FragmentLink(page: page, fragment: fragment, location: location)
            }), let coverage = optional({ $0.coverage() }), let links = int(), let linkPages = int(),
            let htmlPages = int()
        else { return nil }
        return BuildCache.ArticleRecord(
            digest: textDigest, facts: facts, targetTitle: targetTitle, sourceTitle: sourceTitle, isPage: isPage,
            diagnostics: diagnostics, outputs: outputs, anchors: anchors, fragmentLinks: fragmentLinks,
            coverage: coverage, rootRelativeLinks: links, rootRelativePages: linkPages, htmlPages: htmlPages)
    }
}
