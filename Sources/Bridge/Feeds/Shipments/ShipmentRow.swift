import CSV
import Foundation

/// One row of a shipment file that passed the row rules: a parcel of an order.
///
/// Holds only what the order rules need, not the row's cells: a feed keeps every row of the file
/// until its orders are resolved, so the cells of a failed row are read back for the report instead.
struct ShipmentRow: Sendable, Equatable {
    var line: Int
    /// Where the record ends in the file, to tell whether an earlier attempt applied it.
    var position = RecordPosition(end: nil, terminated: false)
    /// The order reference as written (trimmed).
    var reference: String
    var trackingNumber: String
    /// The carrier or service as written; empty keeps the order's current service.
    var service: String
    var weight: Double?
    var cost: Double?
}

/// The row rules of a shipment file that need nothing but the row itself.
///
/// Exists as its own stage so each rule can be tested alone: an order reference present, a
/// tracking number not mangled by Excel into scientific notation, weight and cost numbers
/// (a decimal comma is read as a point), and voided rows set aside.
struct ShipmentRowValidator: Sendable {
    let orderIndex: Int
    let trackingIndex: Int?
    let serviceIndex: Int?
    let weightIndex: Int?
    let costIndex: Int?
    let voidedIndex: Int?

    enum Outcome: Sendable, Equatable {
        case row(ShipmentRow)
        case voided
        case rejected(RowError)
    }

    init(header: HeaderMap) {
        orderIndex = header.index(of: ShipmentColumns.order)!
        trackingIndex = header.index(of: ShipmentColumns.tracking)
        serviceIndex = header.index(of: ShipmentColumns.service)
        weightIndex = header.index(of: ShipmentColumns.weight)
        costIndex = header.index(of: ShipmentColumns.cost)
        voidedIndex = header.index(of: ShipmentColumns.voided)
    }

    func validate(_ record: CSVRecord) -> Outcome {
        let line = record.line
        if let problem = record.problem {
            return .rejected(RowError(line: line, code: .badRecord, message: "This row could not be read: \(problem).".capitalisedFirst))
        }
        func cell(_ index: Int?) -> String { index.flatMap { record.field($0)?.trimmedString } ?? "" }
        if let voidedIndex, Self.isYes(cell(voidedIndex)) { return .voided }
        let reference = cell(orderIndex)
        if reference.isEmpty || reference == "#" {
            return .rejected(RowError(line: line, code: .missingOrder, message: "The order reference is empty."))
        }
        let tracking = cell(trackingIndex)
        if TrackingNumber.isScientificNotation(tracking) {
            return .rejected(RowError(line: line, code: .badTracking, message:
                "The tracking number for order \(reference) is \"\(tracking)\": a spreadsheet turned it into scientific notation and its digits are lost. Format the column as text and export again."))
        }
        var weight: Double?, cost: Double?
        for (index, name) in [(weightIndex, "weight"), (costIndex, "postage cost")] {
            let text = cell(index)
            guard !text.isEmpty else { continue }
            guard let value = Self.number(text), value >= 0 else {
                return .rejected(RowError(line: line, code: .badNumber, message:
                    "The \(name) for order \(reference) is \"\(text)\", which is not a number of zero or more."))
            }
            if name == "weight" { weight = value } else { cost = value }
        }
        return .row(ShipmentRow(line: line, reference: reference, trackingNumber: tracking,
                                service: cell(serviceIndex), weight: weight, cost: cost))
    }

    static func isYes(_ text: String) -> Bool {
        ["y", "yes", "true", "1", "x", "void", "voided"].contains(text.lowercased())
    }

    /// `2.5`, `2,5` (a decimal comma), with an optional unit-less currency or `kg` left out.
    static func number(_ text: String) -> Double? {
        var cleaned = text.lowercased()
        for suffix in ["kg", "£", "€", "$"] { cleaned = cleaned.replacingOccurrences(of: suffix, with: "") }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        if !cleaned.contains("."), cleaned.filter({ $0 == "," }).count == 1 { cleaned = cleaned.replacingOccurrences(of: ",", with: ".") }
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }
}

/// Tracking numbers as spreadsheets damage them.
enum TrackingNumber {
    /// `1.23E+11`, `1,23E+11`, `5E+14`: Excel showed a long number in scientific notation and the
    /// digits beyond its precision are gone. (A long number ending in zeros is accepted: real
    /// tracking numbers can.)
    static func isScientificNotation(_ text: String) -> Bool {
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e], exponent = upper[upper.index(after: e)...]
        guard !mantissa.isEmpty, mantissa.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }),
              mantissa.contains(where: \.isNumber) else { return false }
        let digits = exponent.drop { $0 == "+" || $0 == "-" }
        return !digits.isEmpty && digits.allSatisfy(\.isNumber) && exponent.count - digits.count <= 1
    }
}
