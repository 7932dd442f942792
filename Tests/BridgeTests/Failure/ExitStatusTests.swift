import Foundation
import Testing
@testable import Bridge

/// Swift Testing has an `ExitStatus` of its own; this is LinnBridge's.
typealias Status = Bridge.ExitStatus

/// "When one run has several outcomes, the most severe wins: 77 > 78 > 73 > 69 > 65 > 1 > 0";
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

    /// The watcher's per-file outcomes are exit statuses too, and combine the same way (its `--once`
    /// exit status is their worst): a duplicate file is 0.
    @Test func fileOutcomesCombineBySeverity() {
        #expect(max(Status.config, .authRefused) == .authRefused)
        #expect(max(Status.authRefused, .config) == .authRefused)
        #expect(max(Status.unavailable, .config) == .config)
        #expect(max(Status.ok, .rowsRejected) == .rowsRejected)
        #expect(max(Status.fileRejected, .unavailable) == .unavailable)
    }

    /// One mapping from a failure's code to its exit status, for the watcher and every command.
    @Test func eachFailureCodeHasItsStatus() {
        let expected: [BridgeError.Code: Int32] = [.fileRejected: 65, .linnworksUnavailable: 69, .cannotWrite: 73,
                                                   .busy: 75, .credentialsRefused: 77, .configuration: 78]
        #expect(Set(expected.keys) == Set(BridgeError.Code.allCases))
        for (code, status) in expected { #expect(Status(code).rawValue == status, "\(code)") }
        #expect(Status(rejectedRows: 0) == .ok && Status(rejectedRows: 3) == .rowsRejected)
    }
}

extension Bridge.ExitStatus {
    static let allStatuses: [Status] = [.ok, .rowsRejected, .usage, .fileRejected, .unavailable, .cannotWrite,
                                           .busy, .authRefused, .config]
}
