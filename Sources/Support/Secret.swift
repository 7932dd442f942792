/// A credential that cannot be printed.
///
/// Exists so that the application secret, the installation token and session tokens can be
/// passed around freely without ever reaching a log line, an error message or a report:
/// `print`, string interpolation, `debugPrint` and `dump` all show `<redacted>`.
/// The value is only reachable through `reveal`, which the HTTP layer calls to build a request.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }

    /// Hands the real value to `use`; keep the result out of anything that is logged.
    public func reveal<R>(_ use: (String) throws -> R) rethrows -> R { try use(value) }

    public var isEmpty: Bool { value.isEmpty }
}
