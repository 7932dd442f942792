/// The text encodings LinnBridge reads, as found at the start of a file.
///
/// Exists because 3PL systems and spreadsheets save CSV in whatever their platform
/// likes: Excel's "CSV UTF-8" adds a BOM, "Unicode Text" is UTF-16, and older
/// Windows software writes Windows-1252. Linnworks' own import takes only UTF-8.
public enum CSVEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"

    /// How many bytes of byte-order mark to skip at the start of the file.
    var bomLength: Int {
        switch self {
        case .utf8WithBOM: return 3
        case .utf16LittleEndian, .utf16BigEndian: return 2
        case .utf8, .windows1252: return 0
        }
    }

    /// Decides the encoding from the first bytes of a file.
    ///
    /// A BOM decides outright. Without one, text that is mostly NUL bytes at every other
    /// position is UTF-16 without BOM; otherwise bytes that are not valid UTF-8 mean Windows-1252.
    /// The sample may end mid-character; an incomplete sequence at its very end is not held against UTF-8.
    public static func detect(sample: UnsafeRawBufferPointer, sampleIsWholeFile: Bool) -> (CSVEncoding, bomLength: Int) {
        let b = sample
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8WithBOM, 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BigEndian, 2) }
        if let utf16 = guessUTF16WithoutBOM(b) { return (utf16, 0) }
        return (isValidUTF8(b, allowTruncatedEnd: !sampleIsWholeFile) ? .utf8 : .windows1252, 0)
    }

    /// UTF-16 text of mostly ASCII characters has a zero in every other byte.
    static func guessUTF16WithoutBOM(_ b: UnsafeRawBufferPointer) -> CSVEncoding? {
        let pairs = min(b.count / 2, 4096)
        guard pairs >= 2 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in 0..<pairs {
            if b[2 * i] == 0 { zeroEven += 1 }
            if b[2 * i + 1] == 0 { zeroOdd += 1 }
        }
        if zeroOdd * 10 >= pairs * 7, zeroEven * 10 <= pairs { return .utf16LittleEndian }
        if zeroEven * 10 >= pairs * 7, zeroOdd * 10 <= pairs { return .utf16BigEndian }
        return nil
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ b: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let need: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return false
            }
            if i + need >= n {
                // The sequence runs past the sample: fine only if what is there could still be valid.
                return allowTruncatedEnd && continuationPrefixValid(b, i, lower, upper)
            }
            let second = b[i + 1]
            if second < lower || second > upper { return false }
            var k = 2
            while k <= need {
                if b[i + k] & 0xC0 != 0x80 { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }

    private static func continuationPrefixValid(_ b: UnsafeRawBufferPointer, _ i: Int, _ lower: UInt8, _ upper: UInt8) -> Bool {
        var k = i + 1
        if k < b.count {
            if b[k] < lower || b[k] > upper { return false }
            k += 1
        }
        while k < b.count {
            if b[k] & 0xC0 != 0x80 { return false }
            k += 1
        }
        return true
    }
}
