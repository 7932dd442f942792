/// The process exit codes product.md promises (sysexits).
enum ExitStatus: Int32, Error, Sendable {
    case ok = 0
    case rowsRejected = 1
    case usage = 64
    case fileRejected = 65
    case unavailable = 69
    case authRefused = 77
    case config = 78
}
