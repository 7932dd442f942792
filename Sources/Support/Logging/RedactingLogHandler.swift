import Foundation

/// A handler wrapper that replaces known credential values with `<redacted>` before output.
///
/// `Secret` already prints as `<redacted>`, so credentials only reach a log through a `reveal`
/// whose result escaped into a message or a metadata value. This wrapper is the net under that
/// mistake: it holds the credentials (still as `Secret`s) and scrubs their values from the message,
/// metadata keys and metadata values of every record. Empty secrets are ignored, since an empty
/// string would match everywhere.
public struct RedactingLogHandler: LogHandler {
    public let wrapped: any LogHandler
    /// Longest first, so a secret that contains another is replaced whole.
    private let secrets: [Secret]

    public init(secrets: [Secret], wrapping handler: any LogHandler) {
        self.wrapped = handler
        self.secrets = secrets
            .filter { !$0.isEmpty }
            .map { secret in (secret, secret.reveal { $0.utf8.count }) }
            .sorted { $0.1 > $1.1 }
            .map(\.0)
    }

    public func log(_ record: LogRecord) {
        var scrubbed = record
        scrubbed.message = scrub(record.message)
        var metadata = LogMetadata()
        for (key, value) in record.metadata { metadata[scrub(key)] = scrub(value) }
        scrubbed.metadata = metadata
        wrapped.log(scrubbed)
    }

    private func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets {
            secret.reveal { value in
                if text.contains(value) { text = text.replacingOccurrences(of: value, with: "<redacted>") }
            }
        }
        return text
    }
}
