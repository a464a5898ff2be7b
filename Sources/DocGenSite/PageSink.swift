import DocGenCore
import Foundation

/// Where the page stage puts the files it renders: a build's staging folder, the output folder
/// itself (an incremental build), or nowhere (`docgen check`, which renders every page to find
/// every problem but writes no site).
protocol PageSink: AnyObject, Sendable {
    /// Writes one file at its output path.
    func write(_ file: OutputFile) throws
    /// Copies a file of the content folder (an image) to an output path.
    func copy(_ source: URL, to relative: String) throws
}

extension OutputStaging: PageSink {}

/// A sink that keeps nothing: `docgen check` renders pages for their diagnostics only.
final class DiscardingSink: PageSink {
    func write(_ file: OutputFile) throws {}
    func copy(_ source: URL, to relative: String) throws {}
}
