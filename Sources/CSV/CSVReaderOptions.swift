/// How a `CSVReader` reads: what it guesses, what it enforces, and how much memory it may use.
public struct CSVReaderOptions: Sendable {
    /// The field delimiter; nil sniffs it among `,` `;` TAB `|` from the start of the file.
    public var delimiter: UInt8?
    /// The encoding; nil detects it (BOM, UTF-16 without BOM, else UTF-8 or Windows-1252).
    public var encoding: CSVEncoding?
    /// Bytes asked of the input per read. Tests use tiny values to make every token straddle a refill.
    public var chunkSize: Int
    /// The largest single record accepted; a larger one is skipped without being held in memory
    /// and reported as malformed on its starting line.
    public var maxRecordBytes: Int
    /// When true, every record must have as many fields as the first (the header).
    public var requiresUniformFieldCount: Bool

    public init(delimiter: UInt8? = nil, encoding: CSVEncoding? = nil, chunkSize: Int = 1 << 20,
                maxRecordBytes: Int = 1 << 20, requiresUniformFieldCount: Bool = true) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.chunkSize = max(1, chunkSize)
        self.maxRecordBytes = max(1, maxRecordBytes)
        self.requiresUniformFieldCount = requiresUniformFieldCount
    }
}

/// What the reader settled on for a file, for logs and for writing reports back in kind.
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8
    public var encoding: CSVEncoding

    /// The delimiter as a word a clerk recognises ("comma", "semicolon", "tab", "pipe").
    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ","): return "comma"
        case UInt8(ascii: ";"): return "semicolon"
        case UInt8(ascii: "\t"): return "tab"
        case UInt8(ascii: "|"): return "pipe"
        default: return "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}
