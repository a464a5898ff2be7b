import DocGenCore
import DocGenSite
import Foundation
import Testing

/// `build --since REV` end to end on a tiny git repository made in a temporary folder: commit,
/// change one English sentence, build, and find the stale segment counted, marked for the
/// translator and noted for the reader. An unknown revision or a folder outside git gives one
/// diagnostic and the same site as a build without a baseline.
@Suite struct StalenessBuildTests {
    static let article = """
        ---
        title: Connexion
        ms.translationtype: HT
        ---
        # <span data-ttu-id="a-101">Connexion</span><span class="sxs-lookup"><span data-stu-id="a-101">Signing in</span></span>

        <span data-ttu-id="a-102">Ouvrez le portail.</span><span class="sxs-lookup"><span data-stu-id="a-102">Open the portal.</span></span> <span data-ttu-id="a-103">Saisissez votre mot de passe.</span><span class="sxs-lookup"><span data-stu-id="a-103">Enter your password.</span></span>

        [!INCLUDE [note](includes/note.md)]

        """
    static let include = """
        <span data-ttu-id="n-101">Une note partagée.</span><span class="sxs-lookup"><span data-stu-id="n-101">A shared note.</span></span>

        """

    /// A git repository with the content committed twice: the second commit rewrites the English
    /// of segment a-103 and leaves its French alone.
    static func repository() throws -> URL {
        let root = TestSupport.temporaryFolder().appendingPathComponent("repo")
        let content = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(
            at: content.appendingPathComponent("includes"), withIntermediateDirectories: true)
        try Data(article.utf8).write(to: content.appendingPathComponent("sign-in.md"))
        try Data(include.utf8).write(to: content.appendingPathComponent("includes/note.md"))
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "first"], in: root)
        let changed = article.replacingOccurrences(of: "Enter your password.", with: "Type your passphrase.")
        try Data(changed.utf8).write(to: content.appendingPathComponent("sign-in.md"))
        try git(["commit", "-q", "-a", "-m", "second"], in: root)
        return content
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-C", folder.path, "-c", "user.name=docgen", "-c", "user.email=docgen@example.com"] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    static func build(_ content: URL, since: String?) throws -> (BuildReport, URL) {
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let report = try SiteBuilder.build(
            BuildOptions(content: content, output: output, templates: TestSupport.templates, since: since))
        return (report, output)
    }

    static func page(_ output: URL, _ path: String) -> String {
        TestSupport.read(output.appendingPathComponent(path)) ?? ""
    }

    @Test func sinceTheLastCommitTheChangedSentenceIsStaleEverywhere() throws {
        let content = try Self.repository()
        let (report, output) = try Self.build(content, since: "HEAD~1")
        #expect(!report.diagnostics.contains { $0.identifier.hasPrefix("docgen.baseline") })

        let coverage = Self.page(output, "fr/coverage.html")
        #expect(coverage.contains("<td>3</td><td>8</td><td>9</td><td class=\"coverage-stale\">1</td>"))
        // The include file has a line of its own, and its segment is not stale.
        #expect(coverage.contains("<code>includes/note.md</code>"))
        #expect(coverage.contains("<span class=\"badge\">inclusion</span>"))
        #expect(
            coverage.contains(
                "<tfoot><tr><th scope=\"row\">Total</th><td></td><td>4</td><td>11</td><td>12</td><td>1</td>"))

        let view = Self.page(output, "fr/sign-in.translation.html")
        #expect(view.contains("<tr id=\"seg-a-103\" class=\"stale\">"))
        #expect(view.contains("<span class=\"badge badge-stale\">obsolète</span>"))
        #expect(view.contains("<span lang=\"en\">Enter your password.</span>"))
        #expect(view.contains("<tr id=\"seg-a-102\">"))
        #expect(view.contains("1 obsolètes"))

        let reader = Self.page(output, "fr/sign-in.html")
        #expect(
            reader.contains("<span class=\"seg-stale\" data-seg=\"a-103\">Saisissez votre mot de passe.</span>"))
        #expect(reader.contains("<span data-seg=\"a-102\">"))
        #expect(
            reader.contains(
                "<summary><span class=\"stale-label\">L’original en anglais a changé depuis cette traduction.</span>"))
        #expect(reader.contains("<p class=\"stale-source\" lang=\"en\">Type your passphrase.</p>"))
        #expect(reader.components(separatedBy: "<details class=\"stale-note\">").count == 2)
        // The English page shows the English; nothing there is out of date.
        #expect(!Self.page(output, "en/sign-in.html").contains("stale"))
    }

    @Test func docgenYAMLBaselineWorksLikeSince() throws {
        let content = try Self.repository()
        try Data("baseline: HEAD~1\n".utf8).write(to: content.appendingPathComponent("docgen.yml"))
        let (_, output) = try Self.build(content, since: nil)
        #expect(Self.page(output, "fr/coverage.html").contains("<td class=\"coverage-stale\">1</td>"))
        #expect(Self.page(output, "fr/sign-in.html").contains("class=\"seg-stale\""))
    }

    @Test func anUnknownRevisionIsOneDiagnosticAndTheSiteIsBuiltWithoutMarks() throws {
        let content = try Self.repository()
        let (plainReport, plain) = try Self.build(content, since: nil)
        let (report, output) = try Self.build(content, since: "no-such-revision")
        let problems = report.diagnostics.filter { $0.identifier == "docgen.baseline.unavailable" }
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(report.pageCount == plainReport.pageCount)
        #expect(TestSupport.snapshot(output) == TestSupport.snapshot(plain))
    }

    @Test func contentOutsideGitIsOneDiagnosticWithTheBaselinePosition() throws {
        let content = TestSupport.temporaryFolder().appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data(Self.article.replacingOccurrences(of: "[!INCLUDE [note](includes/note.md)]", with: "").utf8)
            .write(to: content.appendingPathComponent("sign-in.md"))
        try Data("title: Essai\nbaseline: v1.0\n".utf8).write(to: content.appendingPathComponent("docgen.yml"))
        let (report, output) = try Self.build(content, since: nil)
        let problems = report.diagnostics.filter { $0.identifier == "docgen.baseline.unavailable" }
        #expect(problems.count == 1)
        #expect(problems.first?.location == SourceLocation(path: "docgen.yml", line: 2))
        #expect(Self.page(output, "fr/coverage.html").contains("<td>0</td>"))
    }
}
