import Foundation
import Synchronization
import Testing
@testable import Support
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ConcurrentLoggingTests {
    @Test func manyTasksProduceWholeLines() async {
        let output = CapturedOutput()
        let logger = Logger(handler: TextLogHandler(write: output.write))
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<40 {
                group.addTask {
                    let taskLogger = logger.with("task", String(task))
                    for line in 0..<50 { taskLogger.info("tick", ["line": String(line), "pad": String(repeating: "x", count: 200)]) }
                }
            }
        }
        let lines = output.lines
        #expect(lines.count == 2000)
        #expect(lines.allSatisfy { $0.hasSuffix("\n") && $0.filter { $0 == "\n" }.count == 1 && $0.contains(" info  tick task=") })
        let pairs = Set(lines.map { line in
            line.split(separator: " ").filter { $0.hasPrefix("task=") || $0.hasPrefix("line=") }.joined(separator: " ")
        })
        #expect(pairs.count == 2000)
    }

    @Test func memoryHandlerKeepsEveryRecordUnderConcurrency() async {
        let memory = MemoryLogHandler()
        let logger = Logger(handler: memory)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<20 { group.addTask { for _ in 0..<100 { logger.info("t\(task)") } } }
        }
        #expect(memory.records.count == 2000)
        #expect(Set(memory.messages).count == 20)
        memory.removeAll()
        #expect(memory.records.isEmpty)
    }

    /// Lines far longer than PIPE_BUF, from eight threads at once, through a real pipe: without the
    /// writer's lock the kernel may split them, and the reader would see mixed lines.
    @Test func longLinesThroughAPipeAreNeverInterleaved() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let received = Mutex<[UInt8]>([])
        let done = DispatchSemaphore(value: 0)
        Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                received.withLock { $0.append(contentsOf: buffer[0..<count]) }
            }
            done.signal()
        }.start()

        let writers = 8, linesEach = 25, length = 20_000
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let letter = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(writer)))
            let line = String(repeating: letter, count: length) + "\n"
            for _ in 0..<linesEach { StandardError.write(line, toDescriptor: writeEnd) }
        }
        close(writeEnd)
        done.wait()
        close(readEnd)

        let lines = received.withLock { $0 }.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == writers * linesEach)
        #expect(lines.allSatisfy { $0.count == length && Set($0).count == 1 })
    }
}
