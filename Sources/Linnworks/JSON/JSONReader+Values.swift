#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings, numbers and booleans, each read as `JSONDecoder` reads them into an optional
/// property (`null` is nil) — or not at all: whatever it would not convert exactly gives up.
extension JSONReader {
    mutating func bool() throws(JSONReaderGaveUp) -> Bool? {
        switch try peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        case UInt8(ascii: "n"): try literal("null"); return nil
        default: throw gaveUp()
        }
    }

    mutating func string() throws(JSONReaderGaveUp) -> String? {
        let first = try peek()
        if first == UInt8(ascii: "n") { try literal("null"); return nil }
        guard first == UInt8(ascii: "\"") else { throw gaveUp() }
        offset += 1
        let start = offset
        var highBits: UInt8 = 0
        while offset < count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let buffer = UnsafeBufferPointer(start: bytes + start, count: offset - start)
                offset += 1
                // ASCII needs no validation, and String(decoding:) is the cheaper way in for it.
                if highBits < 0x80 { return String(decoding: buffer, as: UTF8.self) }
                guard let text = String(validating: buffer, as: UTF8.self) else { throw gaveUp() }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw gaveUp() }
            highBits |= byte
            offset += 1
        }
        throw gaveUp()
    }

    /// The slow half of `string()`, for strings with backslash escapes.
    private mutating func escapedString(from start: Int) throws(JSONReaderGaveUp) -> String {
        var text = Array(UnsafeBufferPointer(start: bytes + start, count: offset - start))
        while offset < count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                guard let string = String(validating: text, as: UTF8.self) else { throw gaveUp() }
                return string
            }
            guard byte >= 0x20 else { throw gaveUp() }
            offset += 1
            guard byte == UInt8(ascii: "\\") else { text.append(byte); continue }
            guard offset < count else { throw gaveUp() }
            let escape = bytes[offset]
            offset += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    try literal("\\u")
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw gaveUp() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw gaveUp()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw gaveUp() }
                text.append(contentsOf: UTF8.encode(unicode)!)
            default: throw gaveUp()
            }
        }
        throw gaveUp()
    }

    private mutating func hex4() throws(JSONReaderGaveUp) -> UInt32 {
        guard count - offset >= 4 else { throw gaveUp() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw gaveUp()
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// An integer written as one (`12`, `-3`); `1.0` or `1e2` are left to `JSONDecoder`.
    mutating func int() throws(JSONReaderGaveUp) -> Int? {
        let first = try peek()
        if first == UInt8(ascii: "n") { try literal("null"); return nil }
        let negative = first == UInt8(ascii: "-")
        if negative { offset += 1 }
        let digitsStart = offset
        // Accumulated negatively, so Int.min fits.
        var value = 0
        while offset < count, case let digit = bytes[offset] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.subtractingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { throw gaveUp() }
            value = next
            offset += 1
        }
        let digits = offset - digitsStart
        guard digits > 0, digits == 1 || bytes[digitsStart] != UInt8(ascii: "0") else { throw gaveUp() }
        if offset < count {
            switch bytes[offset] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw gaveUp()
            default: break
            }
        }
        if negative { return value }
        guard value != Int.min else { throw gaveUp() }
        return -value
    }

    /// A number, converted with correct rounding as `JSONDecoder` does: exactly when the digits
    /// and the power of ten are both exact in a Double (the common case), else by `strtod`.
    mutating func double() throws(JSONReaderGaveUp) -> Double? {
        let first = try peek()
        if first == UInt8(ascii: "n") { try literal("null"); return nil }
        let start = offset
        let negative = first == UInt8(ascii: "-")
        if negative { offset += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0

        let integerStart = offset
        while offset < count, case let digit = bytes[offset] &- UInt8(ascii: "0"), digit < 10 {
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                significant += 1
            }
            offset += 1
        }
        let integerDigits = offset - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { throw gaveUp() }
        if offset < count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            let fractionStart = offset
            while offset < count, case let digit = bytes[offset] &- UInt8(ascii: "0"), digit < 10 {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else {
                    significant += 1
                }
                offset += 1
            }
            guard offset > fractionStart else { throw gaveUp() }
        }
        var hasExponent = false
        if offset < count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            offset += 1
            var exponentNegative = false
            if offset < count, bytes[offset] == UInt8(ascii: "-") || bytes[offset] == UInt8(ascii: "+") {
                exponentNegative = bytes[offset] == UInt8(ascii: "-")
                offset += 1
            }
            let exponentStart = offset
            var written = 0
            while offset < count, case let digit = bytes[offset] &- UInt8(ascii: "0"), digit < 10 {
                if written < 100_000 { written = written * 10 + Int(digit) }
                offset += 1
            }
            guard offset > exponentStart else { throw gaveUp() }
            exponent += exponentNegative ? -written : written
        }
        // JSONDecoder refuses a zero written with an exponent (`0e5`, or an underflow like `5e-400`).
        if hasExponent && mantissa == 0 { throw gaveUp() }
        // Exact: an integer below 2^53 times or divided by an exactly representable power of ten
        // rounds once, so the result is the correctly rounded value (Clinger's fast path).
        if significant <= 19, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            var value = Double(mantissa)
            if exponent < 0 { value /= Self.powersOfTen[-exponent] } else { value *= Self.powersOfTen[exponent] }
            return negative ? -value : value
        }
        let value = slowDouble(from: start)
        guard let value, value.isFinite, !(hasExponent && value == 0) else { throw gaveUp() }
        return value
    }

    private func slowDouble(from start: Int) -> Double? {
        var text = Array(UnsafeBufferPointer(start: bytes + start, count: offset - start))
        text.append(0)
        return text.withUnsafeBufferPointer { buffer -> Double? in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end - UnsafeMutablePointer(mutating: base) == buffer.count - 1 else { return nil }
            return value
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
