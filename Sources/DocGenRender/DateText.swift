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
        let text = format(date, languageCode: languageCode)
        memoLock.lock()
        memo[key] = text
        memoLock.unlock()
        return text
    }

    private static func format(_ date: MetadataDate, languageCode: String) -> String {
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
