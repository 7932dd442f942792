import Foundation
import Synchronization
@testable import Support

/// Collects what a handler writes, one element per `write` call.
final class CapturedOutput: Sendable {
    private let chunks = Mutex<[String]>([])

    var write: @Sendable (String) -> Void { { chunk in self.chunks.withLock { $0.append(chunk) } } }
    var lines: [String] { chunks.withLock { $0 } }
    var all: String { lines.joined() }
}

/// 2026-11-22T13:45:00Z, the instant used in the product's log examples.
let exampleDate = Date(timeIntervalSince1970: 1_795_355_100)
