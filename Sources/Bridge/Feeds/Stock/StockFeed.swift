import CSV
import Foundation
import Linnworks
import Support

/// The stock feed: a stock snapshot file in, absolute stock levels in Linnworks out, and a
/// report of exactly the rows that failed.
///
/// Exists as the pipeline product.md describes, stage by stage: parse (`CSVReader`) → map
/// (`HeaderMap`) → validate (`StockRowValidator`) → find superseded rows (`DuplicateFinder`,
/// a first pass) → resolve locations (`LocationDirectory`, one call per run) → batch → submit
/// (`Stock/SetStockLevel`, up to `maxInFlight` batches at once while parsing goes on) →
/// reconcile (a SKU missing from the answer is `unknown_sku`) → report (`ErrorReport`).
/// Memory is bounded by the batches in flight whatever the file's size.
public struct StockFeed: Sendable {
    public let options: StockFeedOptions
    /// Linnworks; nil only for an offline `check`.
    public let service: (any StockService)?

    public init(options: StockFeedOptions, service: (any StockService)?) {
        self.options = options
        self.service = service
    }

    /// Runs the feed on one file and writes `reportPath` if a row failed.
    /// Throws only when the file or the run fails as a whole.
    /// `attempt` bounds every read of the file and names the rows an earlier attempt applied.
    public func run(path: String, reportPath: String, attempt: FeedAttempt = FeedAttempt()) async throws(FeedError) -> FeedSummary {
        let started = ContinuousClock.now
        var summary = FeedSummary(file: path)
        let input = try FeedInput.open(path, columns: StockColumns.all, aliases: options.columnAliases, options: options.reader,
                                       byteLimit: attempt.byteLimit, hashing: options.mode == .apply)
        let (reader, headers, header) = (input.reader, input.headers, input.header)
        let hasLocationColumn = header.index(of: StockColumns.location) != nil

        var directory: LocationDirectory?
        var knownSKUs: Set<String>?
        if options.mode != .check(online: false) {
            guard let service else { throw .configuration("no Linnworks credentials to look up locations with") }
            directory = LocationDirectory(try await linnworks { () async throws(LinnworksError) in try await service.stockLocations() })
            summary.apiCalls += 1
            if !hasLocationColumn, !directory!.resolve(.defaultLocation, defaultLocation: options.defaultLocation).isFound {
                throw .configuration("stock.defaultLocation \"\(options.defaultLocation)\" is not a Linnworks location, and \(fileName(path)) has no location column")
            }
            if options.mode == .check(online: true) {
                let answer = try await linnworks { () async throws(LinnworksError) in try await service.allSKUs() }
                knownSKUs = answer.skus
                summary.apiCalls += answer.calls
            }
        }

        let keys = RowKeys(header: header, directory: directory, defaultLocation: options.defaultLocation)
        let duplicates: DuplicateFinder
        do {
            var firstPass = keys
            let size = FeedInput.plannedSize(path, byteLimit: attempt.byteLimit)
            // Rows an earlier attempt applied still take part: a row they supersede must stay superseded.
            duplicates = try DuplicateFinder.scan(path: path, options: options.reader, fileBytes: size,
                                                  byteLimit: attempt.byteLimit) { record in
                firstPass.key(for: record)
            }
        } catch {
            throw .fileRejected(file: path, reason: "cannot be read: \(error)")
        }

        let report = ErrorReport(destination: reportPath, inputHeader: headers)
        var pass = SecondPass(options: options, header: header, keys: keys, duplicates: duplicates,
                              directory: directory, knownSKUs: knownSKUs, report: report, attempt: attempt)
        let failure = await pass.run(reader: reader, service: service, summary: &summary)
        summary.readThrough = input.readThrough
        if let failure {
            report.discard()
            if case let .cannotWrite(path, reason, _) = failure { throw .cannotWrite(path: path, reason: reason, applied: summary.applied) }
            throw failure
        }
        do {
            summary.reportPath = try report.finish()
        } catch {
            throw .cannotWrite(path: report.destination, reason: error.reason, applied: summary.applied)
        }
        let elapsed = ContinuousClock.now - started
        summary.seconds = elapsed.inSeconds
        return summary
    }
}

/// Turns a Linnworks failure into what it means for the whole run.
func linnworks<T>(_ body: () async throws(LinnworksError) -> T) async throws(FeedError) -> T {
    do {
        return try await body()
    } catch {
        throw FeedError(error)
    }
}

extension FeedError {
    init(_ error: LinnworksError) {
        switch error {
        case .authorizationRefused: self = .authorizationRefused(error.description)
        case .configuration: self = .configuration(error.description)
        default: self = .linnworksUnavailable(error.description)
        }
    }
}

func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// The identity of a row for "same SKU and location": the SKU and the location as resolved
/// (a name and its GUID are one location), or as written, case aside, when offline.
///
/// Computed from the record's bytes, the same way in both passes; rows that will be rejected
/// anyway have no key, so a bad later row never hides a good earlier one.
struct RowKeys: Sendable {
    let directory: LocationDirectory?
    let defaultLocation: String
    let skuIndex: Int
    let levelIndex: Int
    let locationIndex: Int?
    /// The configured default location as a reference, worked out once.
    let defaultReference: LocationReference
    private var locationHashes = RecentValues<UInt64>()

    init(header: HeaderMap, directory: LocationDirectory?, defaultLocation: String) {
        self.directory = directory
        self.defaultLocation = defaultLocation
        self.defaultReference = Self.explicit(defaultLocation: defaultLocation, .defaultLocation)
        skuIndex = header.index(of: StockColumns.sku)!
        levelIndex = header.index(of: StockColumns.level)!
        locationIndex = header.index(of: StockColumns.location)
    }

    /// The file's reference with "no location" replaced by the configured default.
    func explicit(_ reference: LocationReference) -> LocationReference {
        if case .defaultLocation = reference { return defaultReference }
        return reference
    }

    static func explicit(defaultLocation: String, _ reference: LocationReference) -> LocationReference {
        guard case .defaultLocation = reference else { return reference }
        let trimmed = defaultLocation.trimmingCharacters(in: .whitespaces)
        return LocationID.isGUID(trimmed) ? .id(trimmed.lowercased()) : .name(trimmed)
    }

    mutating func key(for record: CSVRecord) -> UInt64? {
        guard record.problem == nil else { return nil }
        var hasher = KeyHasher()
        let hasSKU = record[skuIndex].withBytes { bytes -> Bool in
            let sku = trimmed(bytes)
            hasher.combine(sku)
            return !sku.isEmpty
        }
        guard hasSKU, case .success = record[levelIndex].withBytes(WholeNumber.parse) else { return nil }
        hasher.separator()
        var location: UInt64 = 0
        if let locationIndex {
            let field = record[locationIndex]
            let resolver = LocationHasher(directory: directory, defaultLocation: defaultLocation)
            location = field.withBytes { bytes in
                locationHashes.value(for: trimmed(bytes)) { resolver.hash(field.trimmedString) }
            }
        } else {
            location = LocationHasher(directory: directory, defaultLocation: defaultLocation).hash("")
        }
        hasher.combine(location)
        return hasher.finalize()
    }
}

/// One location cell → the 64-bit identity of the place it means.
struct LocationHasher {
    let directory: LocationDirectory?
    let defaultLocation: String

    func hash(_ cell: String) -> UInt64 {
        let reference = RowKeys.explicit(defaultLocation: defaultLocation, cell.isEmpty ? .defaultLocation : (LocationID.isGUID(cell) ? .id(cell) : .name(cell)))
        var text: String
        if let directory, case let .found(location) = directory.resolve(reference, defaultLocation: defaultLocation) {
            text = "id:" + location.id
        } else {
            switch reference {
            case let .id(id): text = "id:" + id.lowercased()
            case let .name(name): text = "name:" + name.lowercased()
            case .defaultLocation: text = "default"
            }
        }
        var hasher = KeyHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

}
