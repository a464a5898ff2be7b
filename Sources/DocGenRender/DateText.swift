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
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: languageCode)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter.string(from: value)
    }
}
