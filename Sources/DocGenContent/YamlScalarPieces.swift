import DocGenCore
import Yams

/// Splits a YAML scalar's value into runs that stand byte for byte in the file, each with its
/// file offset, so that Markdown generated from a YAML page reports problems at the right line
/// and column even inside a double-quoted scalar with `\n` and `\"` escapes, a folded or literal
/// block, or a plain scalar over several lines.
///
/// The value and the file are walked together: a scalar that appears as written is verbatim;
/// an escape sequence, a folded line break or a doubled quote becomes a run of its own, anchored
/// where it is written; indentation and quotes in the file are skipped.
enum YamlScalarPieces {
    /// The value's runs and their file offsets, in order; their texts concatenate to `value`.
    /// `nil` node or mark: the whole value at `fallback`.
    static func pieces(of value: String, node: Node?, bytes: [UInt8], lines: LineTable, fallback: Int)
        -> [(text: String, offset: Int)]
    {
        guard let mark = node?.mark, !value.isEmpty else { return [(value, fallback)] }
        var p = min(lines.offset(of: TextPosition(line: mark.line, column: mark.column)), bytes.count)
        guard p < bytes.count else { return [(value, fallback)] }
        let style = bytes[p]
        let doubleQuoted = style == UInt8(ascii: "\"")
        if doubleQuoted || style == UInt8(ascii: "'") {
            p += 1
        } else if style == UInt8(ascii: "|") || style == UInt8(ascii: ">") {
            while p < bytes.count, bytes[p] != UInt8(ascii: "\n") { p += 1 }  // the indicator line
        }
        var runs: [(text: String, offset: Int)] = []
        // The run's UTF-8, made a String when it ends (appending scalar by scalar to a String
        // cost more than the walk).
        var run: [UInt8] = []
        var runStart = p
        var runEnd = p  // where the next verbatim byte must be to extend the run
        func flush() {
            if !run.isEmpty { runs.append((String(decoding: run, as: UTF8.self), runStart)) }
            run.removeAll(keepingCapacity: true)
        }
        func append(_ scalar: Unicode.Scalar, at offset: Int, length: Int, verbatim: Bool) {
            if !verbatim || offset != runEnd || run.isEmpty {
                flush()
                runStart = offset
            }
            run.append(contentsOf: scalar.utf8)
            runEnd = verbatim ? offset + length : -1
        }
        let scalars = Array(value.unicodeScalars)
        var index = 0
        var skipped = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let encoded = scalar.utf8  // no copy of its own
            guard p < bytes.count, skipped < 4096 else {
                // Lost the thread: the rest of the value at the last place known.
                flush()
                runs.append((String(String.UnicodeScalarView(scalars[index...])), min(p, bytes.count)))
                return runs
            }
            if doubleQuoted, bytes[p] == UInt8(ascii: "\\"), let (decoded, length) = escape(bytes, at: p) {
                if decoded == nil {  // an escaped line break: nothing in the value
                    p += length
                    continue
                }
                if decoded == scalar {
                    append(scalar, at: p, length: length, verbatim: false)
                    p += length
                    index += 1
                    skipped = 0
                    continue
                }
            }
            if p + encoded.count <= bytes.count, encoded.indices.allSatisfy({ bytes[p + $0] == encoded[$0] }) {
                append(scalar, at: p, length: encoded.count, verbatim: true)
                p += encoded.count
                index += 1
                skipped = 0
            } else if (scalar == " " || scalar == "\n")
                && (bytes[p] == UInt8(ascii: "\n") || bytes[p] == UInt8(ascii: " "))
            {
                append(scalar, at: p, length: 1, verbatim: false)  // a folded line break
                p += 1
                index += 1
            } else if scalar == "'" && bytes[p] == UInt8(ascii: "'") {
                append(scalar, at: p, length: 2, verbatim: false)  // a doubled quote
                p += 2
                index += 1
            } else {
                p += 1  // indentation, a quote, a comment marker: not in the value
                skipped += 1
            }
        }
        flush()
        return runs
    }

    /// A double-quoted scalar's escape at `start` (a backslash): what it stands for (empty for an
    /// escaped line break) and how many bytes it takes.
    private static func escape(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar?, Int)? {
        guard start + 1 < bytes.count else { return nil }
        let simple: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "n"): "\n", UInt8(ascii: "t"): "\t", UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\",
            UInt8(ascii: "/"): "/", UInt8(ascii: "r"): "\r", UInt8(ascii: "0"): "\0", UInt8(ascii: " "): " ",
            UInt8(ascii: "_"): "\u{A0}", UInt8(ascii: "N"): "\u{85}", UInt8(ascii: "L"): "\u{2028}",
            UInt8(ascii: "P"): "\u{2029}", UInt8(ascii: "e"): "\u{1B}", UInt8(ascii: "a"): "\u{7}",
            UInt8(ascii: "b"): "\u{8}", UInt8(ascii: "v"): "\u{B}", UInt8(ascii: "f"): "\u{C}",
            UInt8(ascii: "\t"): "\t",
        ]
        let kind = bytes[start + 1]
        if let scalar = simple[kind] { return (scalar, 2) }
        if kind == UInt8(ascii: "\n") {
            var end = start + 2
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
            return (nil, end - start)
        }
        let digits = kind == UInt8(ascii: "x") ? 2 : kind == UInt8(ascii: "u") ? 4 : kind == UInt8(ascii: "U") ? 8 : 0
        guard digits > 0, start + 2 + digits <= bytes.count,
            let value = UInt32(String(decoding: bytes[start + 2..<start + 2 + digits], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, 2 + digits)
    }
}
