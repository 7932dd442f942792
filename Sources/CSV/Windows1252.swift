/// Decoding of Windows-1252, the encoding older Windows software and Excel's plain "CSV" save in.
///
/// Bytes 0x80–0x9F carry the curly quotes, euro sign and dashes; the rest is Latin-1.
/// The five bytes Windows leaves undefined map to the C1 control of the same value, as browsers do.
enum Windows1252 {
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80, byte < 0xA0 { return Unicode.Scalar(high[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(scalar(byte)) }
        return String(text)
    }
}
