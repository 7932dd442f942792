import Linnworks
import Support

/// Why an export stopped; each case maps to one of product.md's exit statuses.
///
/// Exists so the command line can pick the exit code without reading messages: an outage
/// leaves nothing half-done for the next run (69), refused credentials stop the run (77), and
/// a location or column the account does not have is a configuration error (78).
public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// Linnworks could not be reached or kept failing: exit 69. Whatever was journaled is finished next run.
    case linnworksUnavailable(String)
    /// Linnworks refused the credentials: exit 77.
    case authorizationRefused(String)
    /// The configuration does not fit the account (unknown location, unknown column): exit 78.
    case configuration(String)
    /// The export file or the journal could not be written (disk full, no permission).
    case file(String)
    /// Another export of this drop folder is running and this one was asked not to wait for it.
    case busy

    public var description: String {
        switch self {
        case let .linnworksUnavailable(reason): return "Linnworks is unreachable: \(reason)"
        case let .authorizationRefused(reason): return "Linnworks refused the credentials: \(reason)"
        case let .configuration(reason): return "configuration: \(reason)"
        case let .file(reason): return "cannot write the export: \(reason)"
        case .busy: return "another open-order export of this drop folder is running"
        }
    }

    init(_ error: LinnworksError) {
        switch error {
        case .authorizationRefused: self = .authorizationRefused(error.description)
        case .configuration: self = .configuration(error.description)
        default: self = .linnworksUnavailable(error.description)
        }
    }

    init(_ error: SystemError) { self = .file("\(error)") }

    init(_ error: JournalError) { self = .file(error.description) }
}

/// Runs one Linnworks call and turns its failure into what it means for the export.
func exporting<T>(_ body: () async throws(LinnworksError) -> T) async throws(ExportError) -> T {
    do {
        return try await body()
    } catch {
        throw ExportError(error)
    }
}
