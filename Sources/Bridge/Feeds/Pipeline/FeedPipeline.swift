import CSV
import Linnworks
import Support

/// The one path every feed's rows take, driven once per file.
///
/// Exists so there is one orchestrator, not one per feed: it opens the passes over the file,
/// counts rows, asks the attempt whether to go on once the file's content is known, skips what an
/// earlier attempt applied, hands each record or planned item to the feed's stages, batches what
/// they accept, keeps up to `batchesInFlight` batches out while reading goes on, reconciles each
/// answer, and lets the report write a failed row as soon as no earlier line can still fail.
/// Memory is bounded by the batches in flight (plus whatever the feed's own plan keeps).
struct FeedPipeline<Stages: FeedStages> {
    var stages: Stages
    let mode: FeedMode
    let progress: (@Sendable (FeedProgress) -> Void)?

    /// Runs the feed on `source`, writing `reportPath` if a row failed. Throws only when the file
    /// or the run fails as a whole; rows Linnworks confirmed before that were told to `attempt.confirmed`.
    func run(_ source: FeedSource, reportPath: String, attempt: FeedAttempt) async throws(BridgeError) -> FeedSummary {
        let tally = CallTally()
        var pipeline = self
        let result = await CallTally.$current.withValue(tally) { () async -> Result<FeedSummary, BridgeError> in
            do throws(BridgeError) {
                return .success(try await pipeline.drive(source, reportPath: reportPath, attempt: attempt))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case var .success(summary):
            summary.apiCalls = tally.calls
            return summary
        case let .failure(error):
            throw error
        }
    }

    private mutating func drive(_ source: FeedSource, reportPath: String, attempt: FeedAttempt) async throws(BridgeError) -> FeedSummary {
        let started = ContinuousClock.now
        var summary = FeedSummary(file: source.path)
        let first = try source.pass(columns: Stages.columns, aliases: stages.columnAliases, options: stages.readerOptions,
                                    hashing: mode == .apply)
        let options = stages.readerOptions
        let report = ErrorReport(destination: reportPath, inputHeader: first.headers,
                                 cells: { () throws(SystemError) in try source.rawReader(options: options) })
        try await stages.prepare(header: first.header, mode: mode, file: source)

        var clock = ProgressClock(file: source.path, totalBytes: source.byteLimit, callback: progress)
        do {
            while let record = try first.reader.nextRecord() {
                summary.rowsRead += 1
                if !stages.readsAgain { clock.tick(rows: summary.rowsRead) { first.input.bytesRead } }
                switch stages.scan(record, at: { first.position }) {
                case .kept: break
                case .skipped: summary.skipped += 1
                case let .rejected(rejection):
                    report.add(rejection)
                    summary.rejected += 1
                }
            }
        } catch {
            throw .fileRejected(file: source.path, reason: "reading stopped: \(error)")
        }
        summary.content = first.content

        var attempt = attempt
        if let content = summary.content, let resume = attempt.resume {
            switch resume(content) {
            case .stop:
                summary.stopped = true
                report.discard()
                return summary
            case let .proceed(earlier, confirmed):
                if let earlier { attempt.earlier = earlier }
                if let confirmed { attempt.confirmed = confirmed }
            }
        }
        var sender = Sender<Stages.Item>(attempt: attempt, report: report, batchSize: max(1, stages.batchSize),
                            inFlightLimit: max(1, stages.batchesInFlight))
        let forgotten = stages.scanned(content: summary.content) { line, position in attempt.alreadyApplied(line: line, at: position) }
        sender.countAlreadyApplied(forgotten, &summary)

        let failure = await send(source, &sender, &summary, &clock)
        if let failure {
            report.discard()
            throw failure.code == .cannotWrite ? failure.with(applied: summary.applied) : failure
        }
        stages.finished()
        do {
            summary.reportPath = try report.finish()
        } catch {
            throw BridgeError.cannotWrite(path: report.destination, reason: error.reason, applied: summary.applied)
        }
        summary.seconds = (ContinuousClock.now - started).inSeconds
        return summary
    }

    /// The sending side: the second pass's records or the plan's items, batched and submitted.
    /// Returns the failure that ended the run, after every batch still out was answered.
    private mutating func send(_ source: FeedSource, _ sender: inout Sender<Stages.Item>, _ summary: inout FeedSummary,
                               _ clock: inout ProgressClock) async -> BridgeError? {
        let submit = stages.submitter()
        return await withTaskGroup(of: (Int, Stages.Answer).self) { group in
            do throws(BridgeError) {
                if stages.readsAgain {
                    let pass = try source.pass(columns: Stages.columns, aliases: stages.columnAliases,
                                               options: stages.readerOptions, hashing: false)
                    var rows = 0
                    // Looked up once: most attempts have no earlier one, and the loop then asks nothing per row.
                    let earlier = sender.attempt.earlier == nil ? nil : sender.attempt
                    do {
                        while let record = try pass.reader.nextRecord() {
                            rows += 1
                            clock.tick(rows: rows) { pass.input.bytesRead }
                            if let earlier, earlier.alreadyApplied(line: record.line, at: pass.position) {
                                // Sent and confirmed by an earlier attempt, its bytes unchanged: once is enough.
                                sender.countAlreadyApplied([record.line], &summary)
                                try sender.release(upTo: record.line + 1)
                                continue
                            }
                            // Most steps need no waiting (a row rejected, or counted in a check): only a full batch does.
                            let step = stages.accept(record, mode: mode)
                            guard let item = Self.count(step, mode: mode, &sender, &summary) else {
                                try sender.release(upTo: record.line + 1)
                                continue
                            }
                            try await add(item, &sender, &summary, &group, submit)
                            try sender.release(upTo: record.line + 1)
                        }
                    } catch let error as BridgeError {
                        throw error
                    } catch {
                        throw .fileRejected(file: source.path, reason: "reading stopped: \(error)")
                    }
                }
                while let step = try await stages.nextPlanned(mode: mode) {
                    if let item = Self.count(step, mode: mode, &sender, &summary) { try await add(item, &sender, &summary, &group, submit) }
                }
                if !sender.batch.isEmpty { try await launch(&sender, &group, submit) }
                while let (index, answer) = await group.next() {
                    try await settle(index, answer, &sender, &summary)
                }
                sender.flushConfirmed()
                return nil
            } catch {
                sender.flushConfirmed()
                return await drain(&group, &sender, after: error)
            }
        }
    }

    /// One step of the sending side counted or reported; returns the item to send, if any. Static: a
    /// method of `self` called with `stages.accept(…)` as its argument made Swift copy the whole
    /// pipeline, stages and all, once per record.
    private static func count(_ step: FeedStep<Stages.Item>, mode: FeedMode, _ sender: inout Sender<Stages.Item>,
                              _ summary: inout FeedSummary) -> Stages.Item? {
        switch step {
        case let .reject(rejections):
            for rejection in rejections { sender.report.add(rejection) }
            summary.rejected += rejections.count
        case let .done(lines):
            summary.applied += lines.count
            for line in lines { summary.appliedLines.insert(line) }
        case let .send(item):
            guard mode == .apply else {
                summary.wouldApply += item.lines.count
                return nil
            }
            return item
        }
        return nil
    }

    /// Adds an item to the batch; a full batch is sent, after waiting for an answer when enough are out.
    private mutating func add(_ item: Stages.Item, _ sender: inout Sender<Stages.Item>, _ summary: inout FeedSummary,
                              _ group: inout TaskGroup<(Int, Stages.Answer)>,
                              _ submit: @escaping @Sendable ([Stages.Item]) async -> Stages.Answer) async throws(BridgeError) {
        sender.batch.append(item)
        guard sender.batch.count >= sender.batchSize else { return }
        if sender.inFlight.count >= sender.inFlightLimit, let (index, answer) = await group.next() {
            try await settle(index, answer, &sender, &summary)
        }
        try await launch(&sender, &group, submit)
    }

    private func launch(_ sender: inout Sender<Stages.Item>, _ group: inout TaskGroup<(Int, Stages.Answer)>,
                        _ submit: @escaping @Sendable ([Stages.Item]) async -> Stages.Answer) async throws(BridgeError) {
        let batch = sender.batch
        sender.batch = []
        let index = sender.launched
        sender.launched += 1
        sender.inFlight[index] = batch
        group.addTask { (index, await submit(batch)) }
    }

    /// A batch's answer: its rows counted and reported, its confirmed lines told to the attempt.
    private mutating func settle(_ index: Int, _ answer: Stages.Answer, _ sender: inout Sender<Stages.Item>,
                                 _ summary: inout FeedSummary) async throws(BridgeError) {
        guard let batch = sender.inFlight.removeValue(forKey: index) else { return }
        let outcome = await stages.reconcile(batch, answer)
        sender.confirm(outcome.applied)
        summary.applied += outcome.applied.count
        for line in outcome.applied { summary.appliedLines.insert(line) }
        for rejection in outcome.rejected { sender.report.add(rejection) }
        summary.rejected += outcome.rejected.count
        if let failure = outcome.failure { throw failure }
        try sender.release(upTo: .max)
    }

    /// After a run-ending failure (Linnworks gone, a stop requested), waits for the batches still
    /// out — they are never cancelled — and records those Linnworks confirmed, so the next attempt
    /// does not send them again.
    private mutating func drain(_ group: inout TaskGroup<(Int, Stages.Answer)>, _ sender: inout Sender<Stages.Item>,
                                after failure: BridgeError) async -> BridgeError {
        while let (index, answer) = await group.next() {
            guard let batch = sender.inFlight.removeValue(forKey: index) else { continue }
            sender.attempt.confirmed?(await stages.reconcile(batch, answer).applied)
        }
        return failure
    }
}

/// The sending side's state: the batch being filled, the batches out, and the report's release point.
private struct Sender<Item: FeedItem> {
    let attempt: FeedAttempt
    let report: ErrorReport
    let batchSize: Int
    let inFlightLimit: Int
    var batch: [Item] = []
    var inFlight: [Int: [Item]] = [:]
    var launched = 0
    /// Lines skipped as applied earlier, told to this attempt's cursor in chunks: a crash now must not forget them.
    private var carried: [Int] = []

    init(attempt: FeedAttempt, report: ErrorReport, batchSize: Int, inFlightLimit: Int) {
        self.attempt = attempt
        self.report = report
        self.batchSize = batchSize
        self.inFlightLimit = inFlightLimit
    }

    mutating func countAlreadyApplied(_ lines: [Int], _ summary: inout FeedSummary) {
        summary.applied += lines.count
        summary.alreadyApplied += lines.count
        for line in lines { summary.appliedLines.insert(line) }
        carried += lines
        if carried.count >= 4096 { flushConfirmed() }
    }

    func confirm(_ lines: [Int]) {
        if !lines.isEmpty { attempt.confirmed?(lines) }
    }

    mutating func flushConfirmed() {
        confirm(carried)
        carried.removeAll(keepingCapacity: true)
    }

    /// Lets the report write every failure below the first line that may still fail. Mutating only so
    /// that calling it once per record through the `inout` sender does not copy the sender each time.
    mutating func release(upTo line: Int) throws(BridgeError) {
        // Nothing waits to be written: the common case, done without looking at the batches.
        guard !report.isEmpty else { return }
        var pending = batch.first?.lines.min() ?? line
        for items in inFlight.values { if let first = items.first?.lines.min() { pending = min(pending, first) } }
        do {
            try report.release(below: min(pending, line))
        } catch {
            throw .cannotWrite(path: report.destination, reason: error.reason)
        }
    }
}

/// About once a second, how far the run has got, for a progress line on a terminal.
private struct ProgressClock {
    let file: String
    let totalBytes: Int
    let callback: (@Sendable (FeedProgress) -> Void)?
    let started = ContinuousClock.now
    var last = ContinuousClock.now

    init(file: String, totalBytes: Int, callback: (@Sendable (FeedProgress) -> Void)?) {
        self.file = file
        self.totalBytes = totalBytes
        self.callback = callback
    }

    mutating func tick(rows: Int, bytes: () -> Int) {
        guard let callback, rows & 4095 == 0 else { return }
        let now = ContinuousClock.now
        guard now - last >= .seconds(1) else { return }
        last = now
        callback(FeedProgress(file: file, rows: rows, bytesRead: bytes(), totalBytes: totalBytes, seconds: (now - started).inSeconds))
    }
}
