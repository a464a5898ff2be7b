import FlyingFox
import Foundation

/// The open pages' WebSocket connections: each gets the current build state when it connects
/// (so a page loaded after a broken edit shows the overlay), and every later message.
public actor ReloadHub {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    private var state: String = ReloadMessage.state(problems: [])

    /// Creates a hub with no clients.
    public init() {}

    /// How many pages are connected.
    public var clientCount: Int { clients.count }

    /// Sends a message to every page, and keeps a state message for pages that connect later.
    public func broadcast(_ message: String, keepAsState: Bool) {
        if keepAsState { state = message }
        for client in clients.values { client.yield(.text(message)) }
    }

    /// Sets the state message without sending it (the next build's pages load it when they connect).
    public func setState(_ message: String) { state = message }

    func connect() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        continuation.yield(.text(state))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.disconnect(id) }
        }
        clients[id] = continuation
        return stream
    }

    func disconnect(_ id: UUID) { clients[id] = nil }

    /// Closes every connection (the server is stopping).
    public func closeAll() {
        for client in clients.values { client.finish() }
        clients = [:]
    }
}

/// The WebSocket endpoint: messages from the page are ignored; the hub's messages go to it.
struct ReloadSocket: WSMessageHandler {
    let hub: ReloadHub

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let messages = await hub.connect()
        Task {
            for await _ in client {}
        }
        return messages
    }
}

/// The messages the server sends to pages, as JSON.
public enum ReloadMessage {
    /// Reload the page (the site changed); `pages` are the output paths rewritten.
    public static func reload(pages: [String], problems: [String]) -> String {
        "{\"type\":\"reload\",\"pages\":[\(pages.map(quote).joined(separator: ","))],\"problems\":[\(problems.map(quote).joined(separator: ","))]}"
    }

    /// The current build's problems (errors shown as an overlay; empty: none).
    public static func state(problems: [String]) -> String {
        "{\"type\":\"state\",\"problems\":[\(problems.map(quote).joined(separator: ","))]}"
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
