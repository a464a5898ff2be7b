import DocGenContent
import Testing

@testable import DocGenRender

/// Dates written from their month's pattern against ICU's own text for every day, in each
/// language the theme has strings for.
@Suite struct DateTextTests {
    @Test func monthPatternsMatchTheFormatter() {
        let languages = ["ar", "de", "en", "es", "fr", "he", "it", "ja", "ko", "nl", "pt", "zh-Hans", "en-GB", "fr-CA"]
        for language in languages {
            for year in [1999, 2020, 2024, 2028, 2100] {
                for month in 1...12 {
                    for day in 1...31 {
                        let date = MetadataDate(year: year, month: month, day: day)
                        guard let text = DateText.monthPattern(date, languageCode: language) else { continue }
                        #expect(text == DateText.format(date, languageCode: language), "\(language) \(date)")
                    }
                }
            }
        }
    }
}
