/// Parses a stock quantity straight from a field's bytes, without making a `String`.
///
/// A whole number ≥ 0, surrounded by optional spaces; a decimal point followed only by zeros is
/// allowed because spreadsheets write `12.0`. Anything else gets a reason a clerk can act on.
enum WholeNumber {
    /// The largest level Linnworks takes: levels are 32-bit ints there (`Level` is an `int` in `Stock/SetStockLevel`, see Documentation/LinnworksAPI.md), and
    /// one value past it makes Linnworks refuse the whole call ("Parameter … has invalid value"),
    /// so it must be caught here, on its own row, not sent with 199 good ones.
    static let largest = Int(Int32.max)

    enum Reason: Error, Equatable, Sendable {
        case empty, negative, fraction, exponent, notANumber, tooLarge

        /// Completes "The stock level for SKU X …" with the cell as the file had it.
        func sentence(_ cell: String) -> String {
            switch self {
            case .empty: return "is empty"
            case .negative: return "is \"\(cell)\", which is below zero"
            case .fraction: return "is \"\(cell)\", which is not a whole number"
            case .exponent: return "is \"\(cell)\" in scientific notation; save the column as a number without exponent"
            case .notANumber: return "is \"\(cell)\", which is not a number"
            case .tooLarge: return "is \"\(cell)\", which is too large (Linnworks takes at most \(WholeNumber.largest))"
            }
        }
    }

    @inline(__always)
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<Int, Reason> {
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        if lo == hi { return .failure(.empty) }
        if bytes[lo] == UInt8(ascii: "-") { return .failure(hasDigits(bytes, lo + 1, hi) ? .negative : .notANumber) }
        var value = 0
        var i = lo
        var digits = 0
        while i < hi {
            let d = bytes[i] &- 0x30
            guard d < 10 else { break }
            // value ≤ largest here, so this cannot overflow.
            let sum = value * 10 + Int(d)
            if sum > largest { return .failure(.tooLarge) }
            value = sum
            digits += 1
            i += 1
        }
        if i == hi { return .success(value) }
        if digits == 0 { return .failure(.notANumber) }
        if bytes[i] == UInt8(ascii: ".") {
            var j = i + 1
            var nonZero = false
            while j < hi, bytes[j] &- 0x30 < 10 {
                if bytes[j] != 0x30 { nonZero = true }
                j += 1
            }
            if j == hi { return nonZero ? .failure(.fraction) : .success(value) }
            i = j
        }
        if bytes[i] == UInt8(ascii: "E") || bytes[i] == UInt8(ascii: "e") { return .failure(.exponent) }
        return .failure(.notANumber)
    }

    private static func hasDigits(_ bytes: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Bool {
        (from..<to).contains { bytes[$0] &- 0x30 < 10 }
    }
}

/// Linnworks location ids: GUIDs in the 8-4-4-4-12 hex form.
enum LocationID {
    static func isGUID(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isGUID(UnsafeRawBufferPointer($0)) }
    }

    static func isGUID(_ utf8: UnsafeRawBufferPointer) -> Bool {
        guard utf8.count == 36 else { return false }
        for (i, c) in utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if !((c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66)) {
                return false
            }
        }
        return true
    }
}
