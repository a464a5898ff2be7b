/// Diagnostics as JSON for CI and editors (`docgen check --format json`). The keys and their
/// order are stable: identifier, severity, file, line, column, message, fix (`null` when absent;
/// `file`, `line` and `column` are `null` for problems of the whole site). Lines count from 1 in
/// the file, front matter included; columns count UTF-8 bytes from 1.
extension Diagnostic {
    /// The diagnostic as one JSON object on one line.
    public var json: String {
        let location = self.location
        return "{\"identifier\":\(JSONString.literal(identifier)),\"severity\":\"\(severity.rawValue)\","
            + "\"file\":\(location.map { JSONString.literal($0.path) } ?? "null"),"
            + "\"line\":\(location.map { String($0.line) } ?? "null"),"
            + "\"column\":\(location.map { String($0.column) } ?? "null"),"
            + "\"message\":\(JSONString.literal(summary)),"
            + "\"fix\":\(fix.map { JSONString.literal($0) } ?? "null")}"
    }
}

extension Array where Element == Diagnostic {
    /// One JSON document: `{"version":1,"diagnostics":[…],"summary":{"errors":…,"warnings":…,"notes":…}}`,
    /// one diagnostic per line, in the order given.
    public func jsonDocument() -> String {
        var text = "{\"version\":1,\"diagnostics\":["
        text += isEmpty ? "" : "\n" + map(\.json).joined(separator: ",\n") + "\n"
        text += "],\"summary\":{\"errors\":\(count(of: .error)),\"warnings\":\(count(of: .warning)),"
        text += "\"notes\":\(count(of: .note))}}\n"
        return text
    }
}
