/// Which positions of `count` results page `page` (1-based) of `perPage` covers; empty past the end.
///
/// Exists so a page number or size as large as a client cares to send (`pageNumber=9223372036854775807`)
/// answers an empty page instead of overflowing and taking the sandbox down.
func pageRange(page: Int, perPage: Int, count: Int) -> Range<Int> {
    guard page >= 1, perPage >= 1 else { return 0..<0 }
    let (start, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
    guard !overflow, start < count else { return count..<count }
    return start..<(start + min(perPage, count - start))
}

/// How many pages of `perPage` hold `count` results.
func pageCount(_ count: Int, perPage: Int) -> Int {
    count == 0 ? 0 : (count - 1) / max(1, perPage) + 1
}
