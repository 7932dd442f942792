import Foundation
import Testing
@testable import linnbridge
@testable import Bridge

/// Swift Testing has an `ExitStatus` of its own; this is linnbridge's.
typealias Status = linnbridge.ExitStatus

/// product.md: "When one run has several outcomes, the most severe wins: 77 > 78 > 73 > 69 > 65 > 1 > 0";
/// 64 usage and 75 busy end a run before any work, so they rank above everything.
@Suite struct ExitStatusTests {
    static let mostSevereFirst: [Status] = [.usage, .busy, .authRefused, .config, .cannotWrite, .unavailable,
                                                .fileRejected, .rowsRejected, .ok]

    @Test func theOrderIsProductMdsSeverityNotTheNumber() {
        #expect(Self.mostSevereFirst.map(\.rawValue) == [64, 75, 77, 78, 73, 69, 65, 1, 0])
        #expect(Status.allStatuses.sorted(by: >) == Self.mostSevereFirst)
        for (index, status) in Self.mostSevereFirst.enumerated() {
            for lesser in Self.mostSevereFirst[(index + 1)...] {
                #expect(max(status, lesser) == status, "\(status.rawValue) must win over \(lesser.rawValue)")
                #expect(max(lesser, status) == status)
                #expect(lesser < status)
            }
        }
    }

    @Test func authorizationBeatsConfigurationAndCannotWriteBeatsAnOutage() {
        #expect(max(Status.config, .authRefused) == .authRefused)
        #expect(max(Status.unavailable, .cannotWrite) == .cannotWrite)
        #expect(max(Status.cannotWrite, .config) == .config)
        #expect(Status.cannotWrite.rawValue == 73)
    }

    /// The watcher's per-file outcomes combine the same way (its `--once` exit status is their worst).
    @Test func fileOutcomesCombineBySeverity() {
        #expect(max(FileOutcome.configuration, .authorizationRefused) == .authorizationRefused)
        #expect(max(FileOutcome.authorizationRefused, .configuration) == .authorizationRefused)
        #expect(max(FileOutcome.unavailable, .configuration) == .configuration)
        #expect(max(FileOutcome.duplicate, .rowsRejected) == .rowsRejected)
        #expect(max(FileOutcome.fileRejected, .unavailable) == .unavailable)
    }
}

extension linnbridge.ExitStatus {
    static let allStatuses: [Status] = [.ok, .rowsRejected, .usage, .fileRejected, .unavailable, .cannotWrite,
                                           .busy, .authRefused, .config]
}
