/// The site's pages by folder, made once per navigation: a folder without a TOC asked every page
/// of the site for its own pages, subfolders and first page, which grew with folders × pages
/// (0.56 s, serial, at 30 copies of fr-fr).
///
/// Built only when every path is ASCII with no empty component: then "starts with `folder/`" is the
/// same as "its first components are the folder's". Other sites keep the scan (`nil` answers).
struct PageFolderIndex {
    private var direct: [String: [(path: String, title: String)]] = [:]
    private var subfolders: [String: Set<String>] = [:]
    private var smallest: [String: String] = [:]
    let isUsable: Bool

    init(_ pageTitles: [String: String]) {
        // An empty component ("/a", "a//b") would make a folder named "" look like the root.
        isUsable = pageTitles.keys.allSatisfy { path in
            path.utf8.allSatisfy { $0 < 0x80 } && !path.hasPrefix("/") && !path.hasSuffix("/") && !path.contains("//")
        }
        guard isUsable else { return }
        for (path, title) in pageTitles {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            var folder = ""
            for depth in 0..<parts.count {
                if let least = smallest[folder], least <= path {} else { smallest[folder] = path }
                if depth == parts.count - 1 {
                    direct[folder, default: []].append((path, title))
                } else {
                    let child = depth == 0 ? String(parts[0]) : folder + "/" + parts[depth]
                    subfolders[folder, default: []].insert(child)
                    folder = child
                }
            }
        }
    }

    /// The pages directly in `folder` ("" for the root), in no particular order.
    func pages(in folder: String) -> [(path: String, title: String)]? {
        isUsable ? direct[folder] ?? [] : nil
    }

    /// The folders directly in `folder` that hold pages, as full paths.
    func subfolders(of folder: String) -> Set<String>? {
        isUsable ? subfolders[folder] ?? [] : nil
    }

    /// The smallest page path anywhere under `folder`, or `.some(nil)` when it holds none.
    func smallestPath(under folder: String) -> String?? {
        isUsable ? .some(smallest[folder]) : nil
    }
}
