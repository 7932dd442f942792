import Foundation
import Support

/// Writes a deterministic stock snapshot of N rows in the shape 3PL files really have:
/// CRLF, quoted titles with commas and doubled quotes, multi-byte text, a location column,
/// a SKU per row, and a few bad rows (one in 1,000 with a fractional level, one in 5,000 without
/// SKU, one in 10,000 repeating the SKU and location of the row 5,000 earlier) so the error
/// paths are measured too.
enum StockFileGenerator {
    static let header = "SKU,Title,Stock Level,Warehouse,Price\r\n"
    static let titles = [
        "\"Widget, blue \"\"XL\"\"\"", "Größe M Pullover", "\"Tasse \"\"Kaffee\"\", 0,3 l\"",
        "Plain cotton socks", "\"Ensemble été, crème\"", "Screwdriver set 12pc", "\"漢字 notebook, A5\"",
    ]
    static let locations = ["3PL Warehouse", "Default", "00000000-0000-0000-0000-000000000000", ""]

    /// Writes rows until `rows` is reached or, if `targetBytes` is given, until the file is that large.
    @discardableResult
    static func write(path: String, rows: Int, targetBytes: Int? = nil) throws -> (rows: Int, bytes: Int) {
        let file = try AtomicFile(destination: path)
        var bytes = Array(header.utf8)
        var written = bytes.count
        var count = 0
        var line: [UInt8] = []
        while targetBytes.map({ written < $0 }) ?? (count < rows) {
            line.removeAll(keepingCapacity: true)
            let i = count
            // Every 10,000th row repeats row i − 5,000 (same SKU, same location: superseded).
            let identity = i % 10_000 == 9_999 ? i - 5_000 : i
            if i % 5000 != 4999 { line.append(contentsOf: "SKU-\(1_000_000 + identity)".utf8) }
            line.append(0x2C)
            line.append(contentsOf: titles[i % titles.count].utf8)
            line.append(0x2C)
            line.append(contentsOf: (i % 1000 == 999 ? "12.5" : String(i % 9973)).utf8)
            line.append(0x2C)
            line.append(contentsOf: locations[identity % locations.count].utf8)
            line.append(0x2C)
            line.append(contentsOf: "\(i % 100).\(i % 10)9\r\n".utf8)
            bytes.append(contentsOf: line)
            written += line.count
            count += 1
            if bytes.count >= 1 << 20 {
                try file.write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        try file.write(bytes)
        try file.commit()
        return (count, written)
    }
}
