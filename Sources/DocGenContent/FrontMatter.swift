import DocGenCore
import Foundation

/// A calendar date as written in DocFX metadata (`MM/DD/YYYY`), kept without a time zone.
public struct MetadataDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year, for example 2020.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// Creates a date from its parts.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `MM/DD/YYYY` (the corpus format) or ISO `YYYY-MM-DD`; `nil` when the text is neither.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let slash = trimmed.split(separator: "/").compactMap { Int($0) }
        let dash = trimmed.split(separator: "-").compactMap { Int($0) }
        if slash.count == 3, trimmed.split(separator: "/").count == 3 {
            self.init(year: slash[2], month: slash[0], day: slash[1])
        } else if dash.count == 3, trimmed.split(separator: "-").count == 3, trimmed.count == 10 {
            self.init(year: dash[0], month: dash[1], day: dash[2])
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), (1900...9999).contains(year) else { return nil }
    }

    /// The ISO 8601 form `YYYY-MM-DD`, used in `<time datetime>` and the sitemap.
    public var iso8601: String {
        // (Not `String(format:)`, which goes through Foundation for every page's date.)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    public var description: String { iso8601 }

    public static func < (lhs: MetadataDate, rhs: MetadataDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// How an article was translated, from `ms.translationtype`.
public enum TranslationType: String, Sendable, Hashable, Codable {
    /// Human translation (`HT`).
    case human = "HT"
    /// Machine translation (`MT`): pages say so and link to the English.
    case machine = "MT"
}

/// The typed metadata of an article's YAML front matter. Every key, known or not, is also kept in
/// `entries` in file order, so templates and later stages can use keys docgen does not know.
public struct FrontMatter: Hashable, Sendable {
    /// The page title (`title`).
    public var title: String?
    /// The summary used in `<meta name="description">` (`description`).
    public var description: String?
    /// The author's handle (`author`).
    public var author: String?
    /// When the article was last reviewed (`ms.date`).
    public var date: MetadataDate?
    /// When the localization was last handed off (`ms.lasthandoff`).
    public var lastHandoff: MetadataDate?
    /// The kind of article (`ms.topic`), for example `article` or `conceptual`.
    public var topic: String?
    /// Human or machine translation (`ms.translationtype`).
    public var translationType: TranslationType?
    /// The locale of the target text (`ms.contentlocale`, for example `fr-FR`).
    public var contentLocale: String?
    /// The hash of the source file the translation was made from (`ms.openlocfilehash`).
    public var openLocFileHash: String?
    /// The commit of the source repository (`ms.sourcegitcommit`).
    public var sourceGitCommit: String?
    /// The localization file id (`ms.locfileid`).
    public var locFileID: String?
    /// Search keywords (`keywords`, a comma-separated string or a list).
    public var keywords: [String]
    /// A URL this article redirects to (`redirect_url`), when it has moved.
    public var redirectURL: String?
    /// Every key and its value as text, in file order (lists are joined with `, `).
    public var entries: [(key: String, value: String)]

    /// An empty front matter (the article has none).
    public init() {
        keywords = []
        entries = []
    }

    /// The raw value of any key, for keys without a typed property.
    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.entries.map(\.key) == rhs.entries.map(\.key) && lhs.entries.map(\.value) == rhs.entries.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
