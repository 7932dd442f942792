import Support

/// One cell to write: text is guarded against spreadsheet formulas, numbers are written as they are.
public enum CSVCell: Sendable, Equatable, ExpressibleByStringLiteral {
    case text(String)
    case number(String)

    public init(stringLiteral value: String) { self = .text(value) }
}

/// Encodes rows as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a delimiter,
/// quote, CR or LF, quotes doubled.
///
/// Exists for error reports and exports that clerks open in Excel and 3PLs load into their
/// systems. Text cells that a spreadsheet would run as a formula (starting with `=` `+` `-` `@`
/// TAB or CR — the OWASP list) get a leading `'`, so `=HYPERLINK(...)` in a customer name stays text.
public struct CSVWriter: Sendable {
    public var delimiter: UInt8
    public var guardsFormulas: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), guardsFormulas: Bool = true) {
        self.delimiter = delimiter
        self.guardsFormulas = guardsFormulas
    }

    /// The UTF-8 byte-order mark that makes Excel read the file as UTF-8.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Appends one row, CRLF-terminated, to `output`.
    public func encodeRow(_ cells: [CSVCell], into output: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(delimiter) }
            switch cell {
            case let .text(value):
                encodeField(guardsFormulas ? FormulaGuard.neutralise(value) : value, into: &output)
            case let .number(value):
                encodeField(value, into: &output)
            }
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    /// Appends one row of text cells.
    public func encodeRow(_ texts: [String], into output: inout [UInt8]) {
        encodeRow(texts.map(CSVCell.text), into: &output)
    }

    func encodeField(_ value: String, into output: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            var needsQuotes = utf8.first == 0x20 || utf8.last == 0x20
            if !needsQuotes {
                for byte in utf8 where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                    needsQuotes = true
                    break
                }
            }
            guard needsQuotes else {
                output.append(contentsOf: utf8)
                return
            }
            output.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { output.append(0x22) }
                output.append(byte)
            }
            output.append(0x22)
        }
    }
}

/// The OWASP CSV-injection rule: a text cell that starts like a formula is prefixed with `'`.
public enum FormulaGuard {
    public static func isDangerous(_ value: String) -> Bool {
        guard let first = value.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }

    public static func neutralise(_ value: String) -> String {
        isDangerous(value) ? "'" + value : value
    }
}

/// A CSV file written atomically: complete and fsync'd under its final name, or not there at all.
public final class CSVFileWriter {
    private let file: AtomicFile
    private let writer: CSVWriter
    private var row: [UInt8] = []

    /// Starts `destination` (a temporary beside it until `commit`); `bom` adds the UTF-8 BOM for Excel.
    public init(destination: String, writer: CSVWriter = CSVWriter(), bom: Bool = false) throws(SystemError) {
        self.file = try AtomicFile(destination: destination)
        self.writer = writer
        if bom { try file.write(CSVWriter.utf8BOM) }
    }

    public func writeRow(_ cells: [CSVCell]) throws(SystemError) {
        row.removeAll(keepingCapacity: true)
        writer.encodeRow(cells, into: &row)
        try file.write(row)
    }

    public func writeRow(_ texts: [String]) throws(SystemError) {
        try writeRow(texts.map(CSVCell.text))
    }

    /// Publishes the file under its final name.
    public func commit() throws(SystemError) { try file.commit() }

    /// Abandons the file; nothing appears under the final name.
    public func discard() { file.discard() }
}
