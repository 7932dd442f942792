import CSV
import Linnworks
import Support

/// A row on its way to Linnworks, with its cells kept for the report in case Linnworks rejects it.
struct PendingStockRow: Sendable {
    var line: Int
    var sku: String
    var locationID: String
    var level: Int
    var cells: [String]
}

/// One `SetStockLevel` call's rows and what came back.
struct StockBatchResult: Sendable {
    var rows: [PendingStockRow]
    var answer: Result<[String], LinnworksError>
}

/// The second pass over a stock file: every row validated, resolved, batched and submitted,
/// with up to `maxInFlight` batches out while reading continues.
struct SecondPass {
    let options: StockFeedOptions
    let header: HeaderMap
    var keys: RowKeys
    let duplicates: DuplicateFinder
    let directory: LocationDirectory?
    let knownSKUs: Set<String>?
    let report: ErrorReport
    let attempt: FeedAttempt
    private var batch: [PendingStockRow] = []
    /// First line of each batch still out, for the report's line order.
    private var inFlightFirstLines: [Int] = []

    init(options: StockFeedOptions, header: HeaderMap, keys: RowKeys, duplicates: DuplicateFinder,
         directory: LocationDirectory?, knownSKUs: Set<String>?, report: ErrorReport, attempt: FeedAttempt) {
        self.options = options
        self.header = header
        self.keys = keys
        self.duplicates = duplicates
        self.directory = directory
        self.knownSKUs = knownSKUs
        self.report = report
        self.attempt = attempt
    }

    /// Returns the run-ending failure, if any; row failures go to the report.
    mutating func run(reader: CSVReader, service: (any StockService)?, summary: inout FeedSummary) async -> FeedError? {
        var validator = StockRowValidator(header: header)
        let batchSize = max(1, options.batchSize)
        let maxInFlight = max(1, options.maxInFlight)
        let started = ContinuousClock.now
        var lastProgress = started
        let totalBytes = FeedInput.plannedSize(summary.file, byteLimit: attempt.byteLimit)
        var carried: [Int] = []
        defer { if !carried.isEmpty { attempt.confirmed?(carried) } }
        return await withTaskGroup(of: StockBatchResult.self) { group in
            var inFlight = 0
            do {
                while let record = try reader.nextRecord() {
                    summary.rowsRead += 1
                    if let progress = options.progress, summary.rowsRead & 4095 == 0, ContinuousClock.now - lastProgress >= .seconds(1) {
                        lastProgress = ContinuousClock.now
                        let elapsed = lastProgress - started
                        progress(FeedProgress(file: summary.file, rows: summary.rowsRead, bytesRead: reader.bytesRead, totalBytes: totalBytes,
                                              seconds: elapsed.inSeconds))
                    }
                    if attempt.alreadyApplied(line: record.line, end: reader.lastRecordEnd, terminated: reader.lastRecordEndedWithTerminator) {
                        // Sent and confirmed by an earlier attempt, and its bytes are unchanged: once is enough.
                        summary.applied += 1
                        summary.alreadyApplied += 1
                        summary.appliedLines.insert(record.line)
                        // Carried into this attempt's cursor too: a crash now must not forget them.
                        carried.append(record.line)
                        if carried.count >= 4096 { attempt.confirmed?(carried); carried.removeAll(keepingCapacity: true) }
                        try releaseReport(upTo: record.line + 1)
                        continue
                    }
                    guard let row = accept(record, validator: &validator, summary: &summary) else {
                        try releaseReport(upTo: record.line + 1)
                        continue
                    }
                    guard options.mode == .apply, let service else {
                        summary.wouldApply += 1
                        continue
                    }
                    batch.append(row)
                    guard batch.count >= batchSize else { continue }
                    if inFlight >= maxInFlight, let result = await group.next() {
                        inFlight -= 1
                        if let failure = try reconcile(result, summary: &summary) { return await drain(&group, after: failure) }
                    }
                    submit(&group, service: service, summary: &summary)
                    inFlight += 1
                }
                if !batch.isEmpty, let service {
                    submit(&group, service: service, summary: &summary)
                }
                while let result = await group.next() {
                    if let failure = try reconcile(result, summary: &summary) { return await drain(&group, after: failure) }
                }
                return nil
            } catch let failure as FeedError {
                return await drain(&group, after: failure)
            } catch {
                return await drain(&group, after: .fileRejected(file: summary.file, reason: "reading stopped: \(error)"))
            }
        }
    }

    /// After a run-ending failure (Linnworks gone, a stop requested), waits for the batches still
    /// out — they are never cancelled — and records those Linnworks confirmed, so the next attempt
    /// does not send them again.
    private func drain(_ group: inout TaskGroup<StockBatchResult>, after failure: FeedError) async -> FeedError {
        while let result = await group.next() {
            guard case let .success(skus) = result.answer else { continue }
            let returned = Set(skus.map { $0.lowercased() })
            attempt.confirmed?(result.rows.filter { returned.contains($0.sku.lowercased()) }.map(\.line))
        }
        return failure
    }

    /// Applies every rule a row can fail before Linnworks sees it; a failure goes to the report.
    private mutating func accept(_ record: CSVRecord, validator: inout StockRowValidator, summary: inout FeedSummary) -> PendingStockRow? {
        func reject(_ code: RowErrorCode, _ message: String) -> PendingStockRow? {
            report.add(line: record.line, cells: record.strings(), error: RowError(line: record.line, code: code, message: message))
            summary.rejected += 1
            return nil
        }
        let row: StockRow
        switch validator.validate(record) {
        case let .failure(error): return reject(error.code, error.message)
        case let .success(valid): row = valid
        }
        var place: String { LocationDirectory.describe(row.location, defaultLocation: options.defaultLocation) }
        if let key = keys.key(for: record), let later = duplicates.supersedingLine(key: key, line: row.line) {
            return reject(.superseded, "SKU \(row.sku) at \(place) appears again on line \(later); that later row was used instead of this one.")
        }
        var locationID = ""
        if let directory {
            switch directory.resolve(keys.explicit(row.location), defaultLocation: options.defaultLocation) {
            case let .found(location):
                locationID = location.id
            case .unknown:
                return reject(.unknownLocation, "There is no stock location called \(place.replacingOccurrences(of: "location ", with: "")) in Linnworks.")
            case let .ambiguous(matches):
                return reject(.ambiguousLocation, "More than one Linnworks location is called \(place.replacingOccurrences(of: "location ", with: "")) (\(matches.count) of them); use the location's id instead.")
            }
        }
        if let knownSKUs, !knownSKUs.contains(row.sku) {
            return reject(.unknownSKU, "SKU \(row.sku) does not exist in Linnworks.")
        }
        return PendingStockRow(line: row.line, sku: row.sku, locationID: locationID, level: row.level,
                               cells: options.mode == .apply ? record.strings() : [])
    }

    private mutating func submit(_ group: inout TaskGroup<StockBatchResult>, service: any StockService, summary: inout FeedSummary) {
        let rows = batch
        batch = []
        inFlightFirstLines.append(rows[0].line)
        summary.apiCalls += 1
        group.addTask {
            let updates = rows.map { StockLevelUpdate(sku: $0.sku, locationID: $0.locationID, level: $0.level) }
            do throws(LinnworksError) {
                return StockBatchResult(rows: rows, answer: .success(try await service.setStockLevels(updates)))
            } catch {
                return StockBatchResult(rows: rows, answer: .failure(error))
            }
        }
    }

    /// Counts a batch's rows as applied or reports them; returns a failure that ends the run.
    private mutating func reconcile(_ result: StockBatchResult, summary: inout FeedSummary) throws -> FeedError? {
        if let index = inFlightFirstLines.firstIndex(of: result.rows[0].line) { inFlightFirstLines.remove(at: index) }
        switch result.answer {
        case let .success(skus):
            let returned = Set(skus.map { $0.lowercased() })
            var confirmedLines: [Int] = []
            defer { if !confirmedLines.isEmpty { attempt.confirmed?(confirmedLines) } }
            for row in result.rows {
                if returned.contains(row.sku.lowercased()) {
                    summary.applied += 1
                    summary.appliedLines.insert(row.line)
                    confirmedLines.append(row.line)
                } else {
                    summary.rejected += 1
                    report.add(line: row.line, cells: row.cells,
                               error: RowError(line: row.line, code: .unknownSKU, message: "SKU \(row.sku) does not exist in Linnworks."))
                }
            }
        case let .failure(error):
            guard case let .badRequest(_, _, message) = error else { return FeedError(error) }
            for row in result.rows {
                summary.rejected += 1
                report.add(line: row.line, cells: row.cells,
                           error: RowError(line: row.line, code: .rejectedByLinnworks,
                                           message: "Linnworks refused the batch holding this row: \(message)"))
            }
        }
        try releaseReport(upTo: .max)
        return nil
    }

    /// Lets the report write every failure below the first line that may still fail.
    private func releaseReport(upTo line: Int) throws(FeedError) {
        let pending = (inFlightFirstLines + batch.prefix(1).map(\.line)).min() ?? line
        do {
            try report.release(below: min(pending, line))
        } catch {
            throw .cannotWrite(path: report.destination, reason: error.reason)
        }
    }
}
