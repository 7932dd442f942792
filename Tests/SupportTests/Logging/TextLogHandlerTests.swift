import Foundation
import Testing
@testable import Support

@Suite struct TextLogHandlerTests {
    @Test func exampleDateIsTheDocumentedInstant() {
        #expect(LogTimestamp.format(exampleDate) == "2026-11-22T13:45:00Z")
    }

    @Test func lineHasTimestampLevelMessageAndPairsInOrder() {
        let record = LogRecord(level: .info, message: "file.claimed",
                               metadata: ["file.name": "stock.csv", "rows.read": "12"], date: exampleDate)
        #expect(TextLogHandler.format(record) == "2026-11-22T13:45:00Z info  file.claimed file.name=stock.csv rows.read=12\n")
    }

    @Test(arguments: [
        (LogLevel.debug, "debug "), (.info, "info  "), (.notice, "notice "), (.warning, "warning "), (.error, "error "),
    ])
    func levelIsPaddedToLineUpCommonLevels(level: LogLevel, printed: String) {
        let line = TextLogHandler.format(LogRecord(level: level, message: "m", date: exampleDate))
        #expect(line == "2026-11-22T13:45:00Z \(printed)m\n")
    }

    @Test(arguments: [
        ("stock.csv", "stock.csv"),
        ("", "\"\""),
        ("Lager Nord", "\"Lager Nord\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("a=b", "\"a=b\""),
        ("C:\\drop", "\"C:\\\\drop\""),
        ("two\nlines", "\"two\\nlines\""),
        ("tab\there", "\"tab\\there\""),
        ("bell\u{07}", "\"bell\\u{7}\""),
        ("Grüße", "Grüße"),
    ])
    func valuesAreQuotedOnlyWhenNeeded(value: String, printed: String) {
        let line = TextLogHandler.format(LogRecord(level: .info, message: "m", metadata: ["k": value], date: exampleDate))
        #expect(line == "2026-11-22T13:45:00Z info  m k=\(printed)\n")
    }

    @Test func messageWithNewlineStaysOneLine() {
        let line = TextLogHandler.format(LogRecord(level: .error, message: "bad\nnews\r", date: exampleDate))
        #expect(line == "2026-11-22T13:45:00Z error bad\\nnews\\r\n")
        #expect(line.filter { $0 == "\n" }.count == 1)
    }

    @Test func handlerWritesOneChunkPerRecord() {
        let output = CapturedOutput()
        let handler = TextLogHandler(write: output.write)
        handler.log(LogRecord(level: .info, message: "one", metadata: ["a": "1"], date: exampleDate))
        handler.log(LogRecord(level: .warning, message: "two", date: exampleDate))
        #expect(output.lines == [
            "2026-11-22T13:45:00Z info  one a=1\n",
            "2026-11-22T13:45:00Z warning two\n",
        ])
    }
}
