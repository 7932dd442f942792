/// Why one record could not be read cleanly.
///
/// Exists because a malformed record is data, not a crash: the reader hands the record back
/// with its problem and its line, the feed reports it as `bad_record`, and reading goes on.
public enum CSVProblem: Sendable, Equatable, CustomStringConvertible {
    /// A NUL byte: the file is binary or UTF-16 read as something else.
    case nulByte
    /// A `"` in the middle of a field that did not start with one.
    case quoteInUnquotedField
    /// Something other than a delimiter or line end right after a closing quote.
    case textAfterClosingQuote
    /// A quoted field still open at the end of the file.
    case unterminatedQuote
    /// A different number of fields than the header has.
    case fieldCount(expected: Int, found: Int)
    /// A record larger than the configured cap; its content was skipped.
    case recordTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .nulByte:
            return "the record contains a NUL byte (is this a binary file or saved as UTF-16 without a BOM?)"
        case .quoteInUnquotedField:
            return "a quote character (\") appears inside a field that is not enclosed in quotes"
        case .textAfterClosingQuote:
            return "text follows the closing quote of a quoted field"
        case .unterminatedQuote:
            return "a quoted field is never closed before the end of the file"
        case let .fieldCount(expected, found):
            return "the record has \(found) field\(found == 1 ? "" : "s") but the header has \(expected)"
        case let .recordTooLarge(limit):
            return "the record is larger than \(limit) bytes (an unclosed quote?) and was skipped"
        }
    }
}
