import Foundation
import Testing
@testable import Support

@Suite struct JSONLogHandlerTests {
    func parse(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("}\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func lineIsOneObjectWithKeysInInsertionOrder() throws {
        let record = LogRecord(level: .info, message: "file.claimed",
                               metadata: ["file.name": "stock.csv", "rows.read": "12"], date: exampleDate)
        let line = JSONLogHandler.format(record)
        #expect(line == #"{"ts":"2026-11-22T13:45:00Z","level":"info","msg":"file.claimed","file.name":"stock.csv","rows.read":"12"}"# + "\n")
        let object = try parse(line)
        #expect(object["ts"] as? String == "2026-11-22T13:45:00Z")
        #expect(object["level"] as? String == "info")
        #expect(object["msg"] as? String == "file.claimed")
        #expect(object["file.name"] as? String == "stock.csv")
        #expect(object["rows.read"] as? String == "12")
    }

    @Test func awkwardStringsSurviveARoundTrip() throws {
        let awkward = "quote \" backslash \\ slash / newline \n cr \r tab \t nul \u{0} bell \u{07} esc \u{1B} é 😀 \u{2028}"
        let record = LogRecord(level: .warning, message: awkward, metadata: [awkward: awkward], date: exampleDate)
        let line = JSONLogHandler.format(record)
        #expect(line.filter { $0 == "\n" }.count == 1)
        let object = try parse(line)
        #expect(object["msg"] as? String == awkward)
        #expect(object[awkward] as? String == awkward)
        #expect(line.contains(#"\u0000"#) && line.contains(#"\u001b"#))
    }

    @Test func metadataCannotOverwriteTheFixedKeys() throws {
        let record = LogRecord(level: .error, message: "real", metadata: ["msg": "fake", "level": "debug", "ts": "never"],
                               date: exampleDate)
        let object = try parse(JSONLogHandler.format(record))
        #expect(object["msg"] as? String == "real")
        #expect(object["level"] as? String == "error")
        #expect(object["ts"] as? String == "2026-11-22T13:45:00Z")
        #expect(object["meta.msg"] as? String == "fake")
        #expect(object["meta.level"] as? String == "debug")
        #expect(object["meta.ts"] as? String == "never")
    }

    @Test func logFormatMakesTheMatchingHandler() throws {
        let text = CapturedOutput(), json = CapturedOutput()
        let record = LogRecord(level: .notice, message: "hello", metadata: ["a": "b"], date: exampleDate)
        LogFormat.text.makeHandler(write: text.write).log(record)
        LogFormat.json.makeHandler(write: json.write).log(record)
        #expect(text.lines == ["2026-11-22T13:45:00Z notice hello a=b\n"])
        #expect(try parse(json.all)["a"] as? String == "b")
        #expect(LogFormat(rawValue: "json") == .json && LogFormat(rawValue: "xml") == nil)
    }
}
