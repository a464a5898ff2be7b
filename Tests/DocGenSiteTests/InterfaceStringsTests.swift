import DocGenCore
import DocGenRender
import DocGenSite
import Foundation
import Testing

/// Language names from CLDR, the strings files of the theme and their fallback to English.
@Suite struct InterfaceStringsTests {
    static let theme: Theme = try! ThemeLoader.load(root: TestSupport.templates).0

    @Test func languageNamesComeFromCLDRInTheReadersLanguageAndInTheirOwn() {
        #expect(Language("ja").name(in: Language("fr")) == "japonais")
        #expect(Language("en").name(in: Language("de")) == "Englisch")
        #expect(Language("de").autonym == "Deutsch")
        #expect(Language("ja").autonym == "日本語")
        #expect(Language("ar").autonym == "العربية")
        #expect(Language("fr").name(in: Language("en")) == "French")
    }

    @Test func directionsAndLocalesComeFromCLDR() {
        #expect(Language("ar").isRightToLeft)
        #expect(Language("he").direction == "rtl")
        #expect(Language("ja").direction == "ltr")
        #expect(Language("ja").openGraphLocale == "ja_JP")
        #expect(Language("en").openGraphLocale == "en_US")
        #expect(Language("fr").openGraphLocale == "fr_FR")
    }

    @Test(arguments: ["fr", "de", "es", "it", "pt", "nl", "ja", "zh", "ko", "ar", "he", "en"])
    func theThemeShipsStringsForTheLanguage(code: String) {
        let language = Language(code)
        #expect(Self.theme.hasStrings(for: language))
        let english = Self.theme.strings(for: .english)
        let texts = Self.theme.strings["zh-Hans"].map { code == "zh" ? $0 : [:] } ?? [:]
        let own = code == "zh" ? texts : (Self.theme.strings[code] ?? [:])
        // Every language file gives every key of the English file (none falls back silently).
        #expect(
            Set(english.keys).subtracting(own.keys).isEmpty,
            "\(code): \(Set(english.keys).subtracting(own.keys).sorted())")
    }

    @Test func noStringSpellsALanguageName() {
        for (tag, texts) in Self.theme.strings {
            for (key, text) in texts where !key.hasPrefix("language.") {
                for name in ["English", "French", "anglais", "français", "Englisch", "英語", "inglés", "Engels"] {
                    #expect(!text.contains(name), "\(tag).\(key): \(text)")
                }
            }
        }
    }

    @Test func aLanguageWithoutAFileFallsBackToEnglishKeyByKey() {
        let swedish = Language("sv")
        #expect(!Self.theme.hasStrings(for: swedish))
        #expect(Self.theme.string("home", swedish) == "Home")
        let resolved = Self.theme.resolved(target: swedish, source: .english)
        #expect(
            resolved.string("targetOnlyNote", swedish)
                == "This article exists only in Swedish: it has no English original.")
        #expect(resolved.string("languageName", swedish) == "Svenska")
        #expect(
            Self.theme.missingStringsNote(target: swedish, source: .english)?.identifier
                == "docgen.strings.missing-language")
        #expect(Self.theme.missingStringsNote(target: Language("ja"), source: .english) == nil)
    }

    @Test func aPrimaryCodeFindsTheFileOfItsScript() {
        let chinese = Self.theme.resolved(target: Language("zh-Hans"), source: .english)
        #expect(chinese.string("home", Language("zh")) == "主页")
        #expect(chinese.string("readOriginal", Language("zh")) == "阅读英语原文")
    }

    @Test func variablesNameTheSitesLanguagesInTheReadersLanguage() {
        let site = Self.theme.resolved(target: Language("ja"), source: .english)
        #expect(site.string("readOriginal", Language("ja")) == "英語の原文を読む")
        #expect(
            site.string("missingBody", .english) == "This article exists only in Japanese: it has no English version.")
        #expect(site.string("sectionInOtherLanguage", .english) == "Read this section in Japanese")
        #expect(site.string("sectionInOtherLanguage", Language("ja")) == "このセクションを英語で読む")
        #expect(site.string("readIn", Language("ja")) == "日本語で読む")
        let french = Self.theme.resolved(target: .french, source: .english)
        #expect(
            french.string("targetOnlyNote", .french)
                == "Cet article n’existe qu’en français : il n’a pas d’original en anglais.")
        #expect(french.string("columnTarget", .french) == "Français (traduction)")
        #expect(french.string("languageName", .french) == "Français")
    }

    @Test func aStringsFileAddsALanguage() throws {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("strings"), withIntermediateDirectories: true)
        try Data("home: Hem\nreadOriginal: \"Läs originalet på {source}\"\n".utf8).write(
            to: root.appendingPathComponent("strings/sv.yml"))
        try Data("home: Home\nskipToContent: Skip\n".utf8).write(to: root.appendingPathComponent("strings/en.yml"))
        let (theme, problems) = try ThemeLoader.load(root: root)
        #expect(problems.isEmpty)
        let resolved = theme.resolved(target: Language("sv"), source: .english)
        #expect(resolved.string("home", Language("sv")) == "Hem")
        #expect(resolved.string("readOriginal", Language("sv")) == "Läs originalet på engelska")
        #expect(resolved.string("skipToContent", Language("sv")) == "Skip")
    }
}
