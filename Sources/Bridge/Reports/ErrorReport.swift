import CSV
import Support

/// `<input>.errors.csv`: every failed row with the input's own header and cells, then `line`,
/// `error_code` and `error`.
///
/// Exists so a clerk can open one file in Excel, fix the rows, and drop it again. Rows come out
/// in line order even though failures are found at different stages (parsing, then Linnworks'
/// answer for a batch): failures wait in a small buffer until no earlier line can still fail
/// (`release(below:)`), so memory is bounded by the rows in flight, not by the file.
/// A failure may come without its cells (a feed that plans over the whole file keeps no cells):
/// they are read back from the file, in one pass in line order, as the report is written.
/// The file is only created when the first row fails, and appears atomically at `finish()`.
final class ErrorReport {
    let destination: String
    private let header: [String]
    private var file: CSVFileWriter?
    private var waiting: [Entry] = []
    private(set) var rowCount = 0
    /// Opens a pass over the input, for cells not given with their failure.
    private let cellSource: (() throws(SystemError) -> CSVReader)?
    private var cellReader: CSVReader?
    private var lastCellLine = 0

    struct Entry {
        var line: Int
        var cells: [String]?
        var code: RowErrorCode
        var message: String
    }

    /// `cells`: a new reader over the input from its first byte, for failures added without their cells.
    init(destination: String, inputHeader: [String], cells: (() throws(SystemError) -> CSVReader)? = nil) {
        self.destination = destination
        self.header = inputHeader
        self.cellSource = cells
    }

    /// Records a failed row; `cells` are the row's own cells as read.
    func add(line: Int, cells: [String], error: RowError) {
        waiting.append(Entry(line: line, cells: cells, code: error.code, message: error.message))
    }

    /// Records a failed row whose cells are given, or read back from the input when written.
    func add(_ rejection: RowRejection) {
        waiting.append(Entry(line: rejection.line, cells: rejection.cells, code: rejection.error.code, message: rejection.error.message))
    }

    /// No failure waits to be written.
    var isEmpty: Bool { waiting.isEmpty }

    /// Writes out, in line order, every waiting failure whose line is below `line`.
    func release(below line: Int) throws(SystemError) {
        guard waiting.contains(where: { $0.line < line }) else { return }
        waiting.sort { $0.line < $1.line }
        let cut = waiting.firstIndex { $0.line >= line } ?? waiting.count
        for entry in waiting[..<cut] { try write(entry) }
        waiting.removeFirst(cut)
    }

    /// Writes what is left and publishes the report; returns its path, or nil if no row failed.
    @discardableResult
    func finish() throws(SystemError) -> String? {
        try release(below: .max)
        guard let file else { return nil }
        try file.commit()
        self.file = nil
        return destination
    }

    /// Abandons the report (the run failed as a whole); nothing appears.
    func discard() {
        file?.discard()
        file = nil
        waiting.removeAll()
        cellReader = nil
    }

    /// The cells of the record starting on `line`, read forward from where the last look-up stopped.
    private func cells(onLine line: Int) throws(SystemError) -> [String] {
        guard let cellSource else { return [] }
        if cellReader == nil || line <= lastCellLine {
            cellReader = try cellSource()
            lastCellLine = 0
        }
        while let record = try cellReader!.nextRecord() {
            lastCellLine = record.line
            if record.line == line { return record.strings() }
            if record.line > line { break }
        }
        return []
    }

    private func write(_ entry: Entry) throws(SystemError) {
        if file == nil {
            let created = try CSVFileWriter(destination: destination, bom: true)
            try created.writeRow(header + ["line", "error_code", "error"])
            file = created
        }
        // Keep the report's columns aligned: a ragged row is cut or padded to the header's width
        // (its message says how many fields it had).
        let given: [String]
        if let known = entry.cells { given = known } else { given = try cells(onLine: entry.line) }
        var cells = Array(given.prefix(header.count))
        cells += Array(repeating: "", count: header.count - cells.count)
        try file!.writeRow(cells.map(CSVCell.text) + [.number(String(entry.line)), .text(entry.code.rawValue), .text(entry.message)])
        rowCount += 1
    }
}
