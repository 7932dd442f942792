import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Linnworks
import Synchronization

/// One call the sandbox served, as the call log and the counters record it.
///
/// Exists so tests can check what the client actually sent (endpoint, status, parameters)
/// and that no secret ever reached the log: credentials and the Authorization header are
/// never recorded, and parameter values are cut to 500 characters.
public struct SandboxCallRecord: Sendable, Equatable {
    public var time: String
    public var method: String
    public var path: String
    /// Nil for routes that are not API endpoints (404s, `/sandbox/*`).
    public var endpoint: Endpoint?
    public var status: Int
    /// `none`, `error-before`, `error-after`, `drop`, `drop-after`, `expired`, `throttled`.
    public var fault: String
    public var milliseconds: Double
    /// The parameters as JSON text, without secret-bearing fields.
    public var parameters: String

    /// The record as one JSON line (no trailing newline).
    public var jsonLine: String {
        let value = JSONValue.object([
            ("time", .string(time)), ("method", .string(method)), ("path", .string(path)),
            ("endpoint", endpoint.map { .string($0.rawValue) } ?? .null), ("status", .number(Double(status))),
            ("fault", .string(fault)), ("ms", .number((milliseconds * 1000).rounded() / 1000)),
            ("params", JSONValue.parse(parameters) ?? .string(parameters)),
        ])
        return String(decoding: value.serialized(), as: UTF8.self)
    }
}

/// How many calls the sandbox served, by endpoint, and how many it throttled or faulted.
public struct SandboxCounters: Sendable, Equatable, Codable {
    public var callsByEndpoint: [String: Int] = [:]
    public var throttled = 0
    public var throttledByEndpoint: [String: Int] = [:]
    public var faults: [String: Int] = [:]
    public var unauthorized = 0
    public var authorizations = 0
    public var totalCalls = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case callsByEndpoint = "CallsByEndpoint", throttled = "Throttled", throttledByEndpoint = "ThrottledByEndpoint"
        case faults = "Faults", unauthorized = "Unauthorized", authorizations = "Authorizations"
        case totalCalls = "TotalCalls"
    }

    public func calls(_ endpoint: Endpoint) -> Int { callsByEndpoint[endpoint.rawValue] ?? 0 }
}

/// Keeps the call log (in memory, and as JSONL in a file when asked) and the counters.
final class CallLog: Sendable {
    private struct State {
        var records: [SandboxCallRecord] = []
        var counters = SandboxCounters()
    }

    private let state = Mutex(State())
    private let fileDescriptor: Int32
    private let keepsRecords: Bool
    static let maxRecordsInMemory = 200_000

    init(path: String?, keepsRecords: Bool) throws(SandboxError) {
        self.keepsRecords = keepsRecords
        if let path {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            if fd < 0 { throw .usage("--log: cannot open \(path) for writing") }
            fileDescriptor = fd
        } else {
            fileDescriptor = -1
        }
    }

    deinit {
        if fileDescriptor >= 0 { close(fileDescriptor) }
    }

    func record(_ record: SandboxCallRecord) {
        let line = fileDescriptor >= 0 ? Array((record.jsonLine + "\n").utf8) : []
        state.withLock { state in
            state.counters.totalCalls += 1
            if let endpoint = record.endpoint {
                state.counters.callsByEndpoint[endpoint.rawValue, default: 0] += 1
                if endpoint == .authorizeByApplication, record.status == 200 { state.counters.authorizations += 1 }
            }
            if record.status == 429 {
                state.counters.throttled += 1
                state.counters.throttledByEndpoint[record.endpoint?.rawValue ?? record.path, default: 0] += 1
            }
            if record.status == 401 { state.counters.unauthorized += 1 }
            if record.fault != "none", record.fault != "throttled" { state.counters.faults[record.fault, default: 0] += 1 }
            if keepsRecords, state.records.count < CallLog.maxRecordsInMemory { state.records.append(record) }
            // Written under the lock so lines never interleave.
            if !line.isEmpty {
                line.withUnsafeBytes { raw in
                    var offset = 0
                    while offset < raw.count {
                        let written = write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                        if written <= 0 { if errno == EINTR { continue }; break }
                        offset += written
                    }
                }
            }
        }
    }

    func records() -> [SandboxCallRecord] { state.withLock { $0.records } }

    func counters() -> SandboxCounters { state.withLock { $0.counters } }
}
