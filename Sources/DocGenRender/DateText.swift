import DocGenContent
import Foundation

/// Writes metadata dates for readers, in the page's language ("3 avril 2020", "April 3, 2020").
enum DateText {
    /// Formatted dates by ISO date and language: a docset has few distinct dates, and
    /// formatting one through ICU costs more than rendering the rest of its page's metadata.
    nonisolated(unsafe) private static var memo: [String: String] = [:]
    private static let memoLock = NSLock()

    static func display(_ date: MetadataDate, languageCode: String) -> String {
        let key = date.iso8601 + " " + languageCode
        memoLock.lock()
        let known = memo[key]
        memoLock.unlock()
        if let known { return known }
        let text = monthPattern(date, languageCode: languageCode) ?? format(date, languageCode: languageCode)
        memoLock.lock()
        memo[key] = text
        memoLock.unlock()
        return text
    }

    /// Each month's long date split around its day's digits, by year, month and language
    /// (`nil` when the day cannot be told apart in it): dates of one month then cost one ICU
    /// call, not one each (the corpus has hundreds of distinct dates, few months).
    nonisolated(unsafe) private static var months: [String: (before: String, after: String)?] = [:]

    /// `format`'s text, from the date's month pattern.
    static func monthPattern(_ date: MetadataDate, languageCode: String) -> String? {
        // Days past the month's end roll over in the calendar; years before the Gregorian
        // calendar are left to it too.
        guard (1600...9999).contains(date.year), (1...12).contains(date.month), date.day >= 1,
            date.day <= daysInMonth(year: date.year, month: date.month)
        else { return nil }
        let key = "\(date.year)-\(date.month) \(languageCode)"
        memoLock.lock()
        let known = months[key]
        memoLock.unlock()
        let pattern: (before: String, after: String)?
        if let known {
            pattern = known
        } else {
            pattern = split(date, languageCode: languageCode)
            memoLock.lock()
            months[key] = pattern
            memoLock.unlock()
        }
        return pattern.map { $0.before + String(date.day) + $0.after }
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The month's date on the 28th split around its one "28"; kept only if the 5th reads the
    /// same with "5" (days written in ASCII digits, unpadded, and nothing else depending on them).
    private static func split(_ date: MetadataDate, languageCode: String) -> (before: String, after: String)? {
        var probe = date
        probe.day = 28
        let text = format(probe, languageCode: languageCode)
        let parts = text.components(separatedBy: "28")
        guard parts.count == 2 else { return nil }
        probe.day = 5
        guard format(probe, languageCode: languageCode) == parts[0] + "5" + parts[1] else { return nil }
        return (parts[0], parts[1])
    }

    static func format(_ date: MetadataDate, languageCode: String) -> String {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let value = calendar.date(from: components) else { return date.iso8601 }
        // A format style is a value: safe to use from every rendering thread, with no shared formatter.
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: Locale(identifier: languageCode), calendar: calendar,
            timeZone: calendar.timeZone)
        return value.formatted(style)
    }
}
