import FlyingFox
import Foundation

/// Serves the output folder as `docgen build` wrote it; HTML pages get one addition, the reload
/// script, before `</body>`. `/__docgen/reload.js` and the `/__docgen/socket` WebSocket are the
/// server's own addresses (never files of a site).
public struct PreviewServer: Sendable {
    /// The folder served.
    public let root: URL
    /// The hub that tells pages to reload.
    public let hub: ReloadHub

    /// The tag added to every HTML page.
    public static let scriptTag = "<script src=\"/__docgen/reload.js\"></script>"

    /// Creates a server of `root`.
    public init(root: URL, hub: ReloadHub) {
        self.root = root.standardizedFileURL
        self.hub = hub
    }

    /// The HTTP server on `host:port`, with its routes.
    public func makeServer(host: String, port: UInt16) async throws -> HTTPServer {
        let address: sockaddr_in = try .inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled)
        await server.appendRoute("GET /__docgen/socket", to: .webSocket(ReloadSocket(hub: hub)))
        await server.appendRoute("GET /__docgen/reload.js") { _ in
            HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: Data(ReloadScript.source.utf8))
        }
        let files = self
        await server.appendRoute("GET,HEAD *") { request in files.respond(to: request.path) }
        return server
    }

    /// The response for a request path: the file, with the script in HTML pages; a folder's
    /// `index.html`; the site's `404.html` (status 404) for anything else.
    public func respond(to requestPath: String) -> HTTPResponse {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            return HTTPResponse(statusCode: .notFound)
        }
        var url = root
        for part in parts { url.appendPathComponent(part) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        }
        if let data = FileManager.default.contents(atPath: url.path) {
            return response(data, path: url.path, status: .ok)
        }
        let notFound = root.appendingPathComponent("404.html")
        if let data = FileManager.default.contents(atPath: notFound.path) {
            return response(data, path: notFound.path, status: .notFound)
        }
        return HTTPResponse(statusCode: .notFound)
    }

    private func response(_ data: Data, path: String, status: HTTPStatusCode) -> HTTPResponse {
        let type = Self.contentType(path)
        var body = data
        if type.hasPrefix("text/html") { body = Self.injectingScript(into: data) }
        return HTTPResponse(
            statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    /// The page with the reload script before its last `</body>` (or at its end).
    public static func injectingScript(into page: Data) -> Data {
        let bytes = Array(page)
        let marker = Array("</body>".utf8)
        var index = bytes.count - marker.count
        while index >= 0 {
            if bytes[index..<(index + marker.count)].elementsEqual(marker) {
                return Data(bytes[..<index] + Array(scriptTag.utf8) + bytes[index...])
            }
            index -= 1
        }
        return Data(bytes + Array(scriptTag.utf8))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
