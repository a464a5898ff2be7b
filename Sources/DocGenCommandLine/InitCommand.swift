import ArgumentParser
import Foundation

/// `docgen init [DIR]`: a new bilingual site that builds and serves at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new bilingual site: an article with segment pairs, a decision flow, a TOC and docgen.yml.",
        discussion: """
            Writes DIR/Content/ (docgen.yml, TOC.yml, index.md, getting-started.md, \
            flows/first-steps.yml) and DIR/.gitignore. Then, from DIR:
              docgen build        # the site in Output/
              docgen serve        # a live preview at http://127.0.0.1:8000/
            Refuses to write over files that exist (exit 1).
            """)

    @Argument(help: ArgumentHelp("The folder of the new site (created if needed).", valueName: "DIR"))
    var directory = "."

    func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let files = SiteScaffold.files
        let existing = files.map(\.path).filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        guard existing.isEmpty else {
            FileHandle.standardError.write(
                Data(
                    "error: \(existing.joined(separator: ", ")) already exist in \(root.path) [docgen.init.exists]\n    fix: choose an empty folder: docgen init NEW-FOLDER\n"
                        .utf8))
            throw ExitCode(1)
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .atomic)
        }
        let shown = directory == "." ? "" : "cd \(directory) && "
        print("Created a bilingual site in \(root.path). Next: \(shown)docgen build   (or: docgen serve)")
    }
}

/// The files of a new site.
enum SiteScaffold {
    static let files: [(path: String, text: String)] = [
        (".gitignore", "Output/\n.Output.docgen-cache/\n"),
        (
            "Content/docgen.yml",
            """
            # docgen settings (see the README, "A docset's configuration").
            title: Mon site
            language: fr

            """
        ),
        (
            "Content/TOC.yml",
            """
            - name: Accueil
              href: index.md
            - name: Premiers pas
              items:
                - name: Bien démarrer
                  href: getting-started.md

            """
        ),
        (
            "Content/index.md",
            """
            ---
            title: Accueil
            description: La page d’accueil du site.
            ms.contentlocale: fr-FR
            ---
            # <span data-ttu-id="home-1">Bienvenue</span><span class="sxs-lookup"><span data-stu-id="home-1">Welcome</span></span>

            <span data-ttu-id="home-2">Commencez par [bien démarrer](getting-started.md).</span><span class="sxs-lookup"><span data-stu-id="home-2">Start with [getting started](getting-started.md).</span></span>

            """
        ),
        (
            "Content/getting-started.md",
            """
            ---
            title: Bien démarrer
            description: Écrire une page bilingue avec docgen.
            ms.date: 01/15/2026
            ms.translationtype: HT
            ms.contentlocale: fr-FR
            ---
            # <span data-ttu-id="start-1">Bien démarrer</span><span class="sxs-lookup"><span data-stu-id="start-1">Getting started</span></span>

            <span data-ttu-id="start-2">Chaque phrase traduite garde son original anglais.</span><span class="sxs-lookup"><span data-stu-id="start-2">Each translated sentence keeps its English original.</span></span> <span data-ttu-id="start-3">Le bouton de langue passe de l’une à l’autre **sans perdre votre place**.</span><span class="sxs-lookup"><span data-stu-id="start-3">The language button switches between them **without losing your place**.</span></span>

            ## <span data-ttu-id="start-4">Choisir sa voie</span><span class="sxs-lookup"><span data-stu-id="start-4">Choose your path</span></span>

            <span data-ttu-id="start-5">Le diagramme ci-dessous vient de `flows/first-steps.yml`.</span><span class="sxs-lookup"><span data-stu-id="start-5">The diagram below comes from `flows/first-steps.yml`.</span></span>

            :::flow name="first-steps":::

            """
        ),
        (
            "Content/flows/first-steps.yml",
            """
            # A decision flow: questions, steps and outcomes, in both languages.
            title:
              fr: "Par où commencer ?"
              en: "Where to start?"
            start: has-content
            nodes:
              - id: has-content
                kind: question
                text:
                  fr: "Avez-vous déjà des articles traduits ?"
                  en: "Do you already have translated articles?"
                answers:
                  - label: { fr: "Oui", en: "Yes" }
                    next: copy-content
                  - label: { fr: "Non", en: "No" }
                    next: write-article

              - id: write-article
                kind: step
                text:
                  fr: "Écrivez un article dans Content/"
                  en: "Write an article in Content/"
                next: preview

              - id: copy-content
                kind: step
                text:
                  fr: "Copiez vos articles dans Content/"
                  en: "Copy your articles into Content/"
                next: preview

              - id: preview
                kind: outcome
                text:
                  fr: "Lancez docgen serve et regardez le résultat"
                  en: "Run docgen serve and look at the result"
                links:
                  - article: getting-started.md
                    text: { fr: "Bien démarrer", en: "Getting started" }

            """
        ),
    ]
}
