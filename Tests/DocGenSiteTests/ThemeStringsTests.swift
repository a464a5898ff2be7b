import Foundation
import Testing
import Yams

@testable import DocGenSite

/// `ThemeStrings.decode` reads plain strings files without `YAMLDecoder`: it must give the same
/// dictionary, or the same error, for any file.
@Suite struct ThemeStringsTests {
    /// A file read: the dictionary, or the error as text.
    private enum Outcome: Equatable {
        case texts([String: String])
        case failure(String)
    }

    private func reference(_ text: String) -> Outcome {
        do { return .texts(try YAMLDecoder().decode([String: String].self, from: text)) } catch {
            return .failure("\(error)")
        }
    }

    private func fast(_ text: String) -> Outcome {
        do { return .texts(try ThemeStrings.decode(text)) } catch { return .failure("\(error)") }
    }

    @Test func everyStringsFileOfTheBuiltInThemeTakesTheFastPathWithTheDecodersResult() throws {
        let folder = TestSupport.templates.appendingPathComponent("strings")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }
        #expect(names.count >= 10)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let plain = ThemeStrings.plainMapping(text)
            #expect(plain != nil, "\(name) should be read without the decoder")
            #expect(plain.map(Outcome.texts) == reference(text), "\(name)")
        }
    }

    @Test func randomFilesGiveTheDecodersDictionaryOrError() {
        // Keys and values that YAML reads as strings, as other types, as nothing, or as structure.
        let keys = [
            "home", "alert.note", "\"quoted key\"", "1", "true", "~", "yamlAnchor", "yamlTag", "<<", "'x y'",
            "home", "readIn", "&k anchored", "!!str 7", "? complex",
        ]
        let values = [
            "Accueil", "\"Lire en {self}\"", "'l’original'", "12", "3.5", "yes", "no", "null", "~", "",
            "[a, b]", "{a: b}", "&v shared", "*v", "!!str 12", "!!int 3", "|\n  block\n  text", ">\n  folded",
            "\"tab\\tand \\u00a0\"", "- item", "Texte : avec deux-points", "a # comment", "@reserved",
        ]
        var generator = SystemRandomNumberGenerator()
        var fastPathTaken = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...5, using: &generator)
            var lines: [String] = Bool.random(using: &generator) ? ["# strings"] : []
            for _ in 0..<count {
                let key = keys.randomElement(using: &generator)!
                let value = values.randomElement(using: &generator)!
                lines.append(key.hasPrefix("?") ? "\(key)\n: \(value)" : "\(key): \(value)")
            }
            let text = Int.random(in: 0..<20, using: &generator) == 0 ? "- a\n- b\n" : lines.joined(separator: "\n")
            if ThemeStrings.plainMapping(text) != nil { fastPathTaken += 1 }
            #expect(fast(text) == reference(text), "\(text)")
        }
        #expect(fastPathTaken > 100)
    }
}
