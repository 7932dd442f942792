import Support

/// Why the sandbox could not start.
///
/// Exists so the `linnbridge sandbox` command can tell a usage mistake (exit 64) from a bad
/// seed file or a port that cannot be bound.
public enum SandboxError: Error, Sendable, CustomStringConvertible {
    /// A command-line mistake; print with usage.
    case usage(String)
    /// The seed account cannot be read or does not make sense.
    case seed(String)
    /// The socket could not be opened.
    case system(SystemError)

    public var description: String {
        switch self {
        case .usage(let message): return message
        case .seed(let message): return message
        case .system(let error): return "cannot start the sandbox: \(error)"
        }
    }
}
