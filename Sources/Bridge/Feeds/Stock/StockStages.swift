import CSV
import Linnworks
import Support

/// A row on its way to Linnworks, with its cells kept for the report in case Linnworks rejects it.
struct PendingStockRow: FeedItem {
    var line: Int
    var sku: String
    var locationID: String
    var level: Int
    var cells: [String]

    var lines: [Int] { [line] }
}

/// The stock feed's stages on the spine: the first pass finds superseded rows, the second
/// validates, resolves and batches every row; a batch is one `SetStockLevel` call.
struct StockStages: FeedStages {
    typealias Item = PendingStockRow
    typealias Answer = Result<[String], LinnworksError>

    static var columns: [ColumnSpec] { StockColumns.all }
    let options: StockFeedOptions
    let service: (any StockService)?
    private var directory: LocationDirectory?
    private var knownSKUs: Set<String>?
    private var keys: RowKeys?
    private var validator: StockRowValidator?
    private var collector: DuplicateFinder.Collector?
    private var duplicates = DuplicateFinder()

    init(options: StockFeedOptions, service: (any StockService)?) {
        self.options = options
        self.service = service
    }

    var columnAliases: [String: [String]] { options.columns }
    var readerOptions: CSVReaderOptions { options.reader }
    var batchSize: Int { options.batchSize }
    var batchesInFlight: Int { options.maxInFlight }
    var readsAgain: Bool { true }

    mutating func prepare(header: HeaderMap, mode: FeedMode, file: FeedSource) async throws(BridgeError) {
        if mode != .check(online: false) {
            guard let service else { throw .configuration("no Linnworks credentials to look up locations with") }
            let found = LocationDirectory(try await linnworks { () async throws(LinnworksError) in try await service.stockLocations() })
            directory = found
            if header.index(of: StockColumns.location) == nil,
               !found.resolve(.defaultLocation, defaultLocation: options.defaultLocation).isFound {
                throw .configuration("stock.defaultLocation \"\(options.defaultLocation)\" is not a Linnworks location, and \(fileName(file.path)) has no location column")
            }
            if mode == .check(online: true) {
                knownSKUs = try await linnworks { () async throws(LinnworksError) in try await service.allSKUs() }
            }
        }
        keys = RowKeys(header: header, directory: directory, defaultLocation: options.defaultLocation)
        validator = StockRowValidator(header: header)
        collector = DuplicateFinder.Collector(fileBytes: file.byteLimit)
    }

    mutating func scan(_ record: CSVRecord, at position: () -> RecordPosition) -> ScanVerdict {
        if let key = keys!.key(for: record) { collector!.add(key, line: record.line) }
        return .kept
    }

    mutating func scanned(content: PrefixCheckpoints?, alreadyApplied: (Int, RecordPosition) -> Bool) -> [Int] {
        // The first pass is over: what it found decides which rows the second pass supersedes.
        duplicates = collector?.finished ?? DuplicateFinder()
        collector = nil
        return []
    }

    /// Applies every rule a row can fail before Linnworks sees it.
    mutating func accept(_ record: CSVRecord, mode: FeedMode) -> FeedStep<PendingStockRow> {
        func reject(_ code: RowErrorCode, _ message: String) -> FeedStep<PendingStockRow> {
            .reject([RowRejection(RowError(line: record.line, code: code, message: message), cells: record.strings())])
        }
        let row: StockRow
        switch validator!.validate(record) {
        case let .failure(error): return reject(error.code, error.message)
        case let .success(valid): row = valid
        }
        var place: String { LocationDirectory.describe(row.location, defaultLocation: options.defaultLocation) }
        if let key = keys!.key(for: record), let later = duplicates.supersedingLine(key: key, line: row.line) {
            return reject(.superseded, "SKU \(row.sku) at \(place) appears again on line \(later); that later row was used instead of this one.")
        }
        var locationID = ""
        if let directory {
            switch directory.resolve(keys!.explicit(row.location), defaultLocation: options.defaultLocation) {
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
        return .send(PendingStockRow(line: row.line, sku: row.sku, locationID: locationID, level: row.level,
                                     cells: mode == .apply ? record.strings() : []))
    }

    func submitter() -> @Sendable ([PendingStockRow]) async -> Answer {
        let service = self.service
        return { rows in
            guard let service else { return .failure(.configuration(reason: "no Linnworks credentials")) }
            let updates = rows.map { StockLevelUpdate(sku: $0.sku, locationID: $0.locationID, level: $0.level) }
            do throws(LinnworksError) {
                return .success(try await service.setStockLevels(updates))
            } catch {
                return .failure(error)
            }
        }
    }

    /// A SKU missing from the answer does not exist; a 400 refuses the whole batch; anything else ends the run.
    mutating func reconcile(_ batch: [PendingStockRow], _ answer: Answer) async -> BatchOutcome {
        var outcome = BatchOutcome()
        switch answer {
        case let .success(skus):
            let returned = Set(skus.map { $0.lowercased() })
            for row in batch {
                if returned.contains(row.sku.lowercased()) {
                    outcome.applied.append(row.line)
                } else {
                    outcome.rejected.append(RowRejection(RowError(line: row.line, code: .unknownSKU,
                                                                  message: "SKU \(row.sku) does not exist in Linnworks."), cells: row.cells))
                }
            }
        case let .failure(error):
            guard case let .badRequest(_, _, message) = error else {
                outcome.failure = BridgeError(error)
                return outcome
            }
            outcome.rejected = batch.map {
                RowRejection(RowError(line: $0.line, code: .rejectedByLinnworks,
                                      message: "Linnworks refused the batch holding this row: \(message)"), cells: $0.cells)
            }
        }
        return outcome
    }
}
