import DocGenContent
import Foundation

/// Writes metadata dates for readers, in the page's language ("3 avril 2020", "April 3, 2020").
enum DateText {
    static func display(_ date: MetadataDate, languageCode: String) -> String {
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
