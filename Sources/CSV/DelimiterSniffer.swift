/// Guesses a file's delimiter among `,` `;` TAB `|` from its first lines.
///
/// Exists because European Excel saves with `;`, warehouse systems export TSV or pipes, and
/// nobody tells us which. The winner is the candidate that appears in the header and the same
/// number of times on the most of the following lines (counted outside quotes); ties go to the
/// one appearing more often, then to the order above. A file with none of them is one column.
public enum DelimiterSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    public static func sniff(_ sample: [UInt8], maxLines: Int = 50) -> UInt8 {
        let lines = countsPerLine(sample, maxLines: maxLines)
        guard let header = lines.first else { return candidates[0] }
        var best = candidates[0]
        var bestScore = (-1, -1)
        for (index, candidate) in candidates.enumerated() {
            let headerCount = header[index]
            guard headerCount > 0 else { continue }
            let agreeing = lines.dropFirst().filter { $0[index] == headerCount }.count
            let score = (agreeing, headerCount)
            if score > bestScore {
                bestScore = score
                best = candidate
            }
        }
        return best
    }

    /// For each non-empty line, how often each candidate occurs outside quotes.
    static func countsPerLine(_ sample: [UInt8], maxLines: Int) -> [[Int]] {
        var result: [[Int]] = []
        var current = [0, 0, 0, 0]
        var inQuotes = false
        var lineHasContent = false
        for byte in sample {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); lineHasContent = true; continue }
            if !inQuotes, byte == 0x0A || byte == 0x0D {
                if lineHasContent { result.append(current) }
                if result.count >= maxLines { return result }
                current = [0, 0, 0, 0]
                lineHasContent = false
                continue
            }
            lineHasContent = true
            if !inQuotes, let index = candidates.firstIndex(of: byte) { current[index] += 1 }
        }
        if lineHasContent, result.count < maxLines { result.append(current) }
        return result
    }
}
