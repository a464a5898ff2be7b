import Testing

@testable import DocGenContent

/// `PageFolderIndex` answers what a scan over every page answered (`path.hasPrefix(folder + "/")`).
@Suite struct PageFolderIndexTests {
    private func scan(_ titles: [String: String], _ folder: String) -> (
        pages: Set<String>, subfolders: Set<String>, first: String?
    ) {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var pages = Set<String>()
        var subfolders = Set<String>()
        for path in titles.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                subfolders.insert(prefix + rest[..<slash])
            } else {
                pages.insert(path)
            }
        }
        return (pages, subfolders, titles.keys.filter { $0.hasPrefix(prefix) }.sorted().first)
    }

    @Test func theIndexAgreesWithTheScanOnRandomSites() {
        let names = ["a", "b", "ab", "index.md", "a.md", "b.md", "z-1.md", "A"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            var titles: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...25, using: &generator) {
                let depth = Int.random(in: 1...4, using: &generator)
                let path = (0..<depth).map { _ in names.randomElement(using: &generator)! }.joined(separator: "/")
                titles[path] = "t" + path
            }
            let index = PageFolderIndex(titles)
            #expect(index.isUsable)
            var folders: Set<String> = ["", "a", "a/b", "b", "A", "a/", "nope"]
            for path in titles.keys {
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                for count in 1..<max(1, parts.count) { folders.insert(parts[..<count].joined(separator: "/")) }
            }
            for folder in folders {
                let expected = scan(titles, folder)
                #expect(
                    Set(index.pages(in: folder)!.map(\.path)) == expected.pages, "\(titles.keys.sorted()) \(folder)")
                #expect(index.pages(in: folder)!.allSatisfy { titles[$0.path] == $0.title })
                #expect(index.subfolders(of: folder)! == expected.subfolders, "\(titles.keys.sorted()) \(folder)")
                #expect(index.smallestPath(under: folder)! == expected.first, "\(titles.keys.sorted()) \(folder)")
            }
        }
    }

    @Test func aSiteWithANonASCIIPathOrAnEmptyComponentKeepsTheScan() {
        for odd in ["é/a.md", "/a.md", "a//b.md", "a/"] {
            let index = PageFolderIndex([odd: "A", "b.md": "B"])
            #expect(!index.isUsable && index.pages(in: "") == nil && index.smallestPath(under: "") == nil)
        }
    }
}
