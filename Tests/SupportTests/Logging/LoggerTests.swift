import Foundation
import Synchronization
import Testing
@testable import Support

@Suite struct LoggerTests {
    /// Counts evaluations of a message or metadata autoclosure.
    final class Evaluations: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func message(_ text: String) -> String { count.withLock { $0 += 1 }; return text }
        func metadata() -> LogMetadata { count.withLock { $0 += 1 }; return ["k": "v"] }
    }

    @Test func debugMessageIsNotBuiltAtInfoLevel() {
        let memory = MemoryLogHandler()
        let logger = Logger(level: .info, handler: memory)
        let evaluations = Evaluations()
        logger.debug(evaluations.message("expensive"), evaluations.metadata())
        logger.log(.debug, evaluations.message("expensive"), evaluations.metadata())
        #expect(evaluations.value == 0)
        #expect(memory.records.isEmpty)
        logger.info(evaluations.message("cheap"), evaluations.metadata())
        #expect(evaluations.value == 2)
        #expect(memory.messages == ["cheap"])
    }

    @Test func levelIsAThreshold() {
        let memory = MemoryLogHandler()
        let logger = Logger(level: .warning, handler: memory)
        logger.debug("d"); logger.info("i"); logger.notice("n"); logger.warning("w"); logger.error("e")
        #expect(memory.records.map(\.level) == [.warning, .error])
        #expect(memory.messages == ["w", "e"])
        #expect(!logger.isEnabled(.notice) && logger.isEnabled(.warning))
    }

    @Test func debugLevelKeepsEverything() {
        let memory = MemoryLogHandler()
        var logger = Logger(handler: memory)
        logger.level = .debug
        for level in LogLevel.allCases { logger.log(level, level.name) }
        #expect(memory.messages == ["debug", "info", "notice", "warning", "error"])
    }

    @Test func disabledLoggerEvaluatesNothingAtAnyLevel() {
        var logger = Logger.disabled
        logger.level = .debug
        let evaluations = Evaluations()
        for level in LogLevel.allCases { logger.log(level, evaluations.message("x"), evaluations.metadata()) }
        logger.with("a", "b").redacting([Secret("s")]).error(evaluations.message("x"))
        #expect(evaluations.value == 0)
        #expect(!logger.isEnabled(.error))
    }

    @Test func withAddsPersistentMetadataBeforeCallMetadata() {
        let memory = MemoryLogHandler()
        let base = Logger(handler: memory)
        let fileLogger = base.with("file.name", "stock.csv").with("feed", "stock")
        fileLogger.info("file.claimed", ["rows.read": "12"])
        fileLogger.info("file.done", ["feed": "override", "rows.applied": "11"])
        base.info("idle")
        let metadata = memory.records.map { Array($0.metadata.map { "\($0.key)=\($0.value)" }) }
        #expect(metadata == [
            ["file.name=stock.csv", "feed=stock", "rows.read=12"],
            ["file.name=stock.csv", "feed=override", "rows.applied=11"],
            [],
        ])
    }

    @Test func withIsAValueCopy() {
        let memory = MemoryLogHandler()
        let base = Logger(handler: memory).with(["a": "1"])
        let derived = base.with("a", "2").with("b", "3")
        #expect(base.metadata == ["a": "1"])
        #expect(derived.metadata == ["a": "2", "b": "3"])
    }

    @Test func loggerStampsTheCurrentTime() throws {
        let memory = MemoryLogHandler()
        let before = Date()
        Logger(handler: memory).notice("now")
        let record = try #require(memory.records.first)
        #expect(record.date >= before && record.date <= Date())
    }

    @Test func levelNames() {
        #expect(LogLevel.allCases.map(\.name) == ["debug", "info", "notice", "warning", "error"])
        #expect(LogLevel(name: "WARNING") == .warning)
        #expect(LogLevel(name: "warn") == nil)
        #expect("\(LogLevel.notice)" == "notice")
        #expect(LogLevel.debug < .info && LogLevel.warning < .error)
    }
}
