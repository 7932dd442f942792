import Foundation
import Glibc
import Sandbox
import Testing

/// The drop folder as 3PLs and clerks really use it: the same name every hour, uploads written in
/// place, names that are not UTF-8 or very long, FIFOs and hard links, an inbox made again. Each test
/// counts what reached the sandbox through its call log.
@Suite(.serialized) struct DropFolderArrivalTests {
    /// Every (SKU, level) the sandbox wrote, in order.
    static func stockLevelsSent(_ server: SandboxServer) -> [(sku: String, level: Int)] {
        server.stockWrites().map { ($0.sku, $0.level) }
    }

    static func inboxIsEmpty(_ inbox: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? ["?"]).filter { !$0.hasPrefix(".") }.isEmpty
    }

    /// Writes `text` in place under `name` in three chunks with pauses shorter than the settle time, as an SFTP server does.
    static func writeInPlace(_ text: String, as path: String) async throws {
        let bytes = Array(text.utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let third = max(1, bytes.count / 3)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + third)
            _ = bytes[offset..<end].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            offset = end
            try await Task.sleep(for: .milliseconds(150))
        }
        close(fd)
    }

    /// A 3PL uploading `stock.csv` again and again into a running daemon: every upload is applied,
    /// whether it arrives by rename or is written in place, with inotify and with `--poll`.
    @Test(arguments: [false, true]) func theSameNameTenTimesIsAppliedTenTimes(polling: Bool) async throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server),
                                                  arguments: polling ? ["--poll", "0.2"] : [])
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("watch.started") })
        let inbox = root + "/inbox/stock"
        for upload in 1...10 {
            let text = "SKU,Level\nMUG-BLU-01,\(100 + upload)\n"
            if upload % 2 == 0 {
                try await Self.writeInPlace(text, as: inbox + "/stock.csv")
            } else {
                try WatchCommandTests.drop(text, as: "stock.csv", into: inbox)
            }
            // An hourly upload: the next one comes once this one has left the inbox.
            #expect(await WatchCommandTests.waitFor(30) { Self.inboxIsEmpty(inbox) }, "upload \(upload) was never claimed\n\(daemon.text)")
        }
        #expect(await WatchCommandTests.waitFor(30) { WatchCommandTests.archived(root).count == 10 }, "\(daemon.text)")
        let levels = Self.stockLevelsSent(server).filter { $0.sku == "MUG-BLU-01" }.map(\.level)
        #expect(levels == Array(101...110), "each upload applied once, in order")
        #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 110)
    }

    /// Names any file system allows: Latin-1 bytes (not UTF-8) and 250 bytes long, claimed, applied,
    /// archived and reported under a name derived from them.
    @Test func namesThatAreNotUTF8OrVeryLongAreProcessed() async throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let inbox = root + "/inbox/stock"
        let latin1: [UInt8] = Array("Bestand_M".utf8) + [0xE4] + Array("rz.csv".utf8)
        var path = Array(inbox.utf8) + [UInt8(ascii: "/")] + latin1 + [0]
        let fd = path.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        let body = Array("SKU,Level\nMUG-BLU-01,31\nNO-SUCH-SKU,1\n".utf8)
        _ = body.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let long = String(repeating: "l", count: 246) + ".csv"
        #expect(long.utf8.count == 250)
        try "SKU,Level\nMUG-RED-01,32\nNO-SUCH-SKU,2\n".write(toFile: inbox + "/" + long, atomically: false, encoding: .utf8)
        // Old enough to be taken at once by the --once scan.
        let old = Date().addingTimeInterval(-60)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: inbox + "/" + long)
        var times = [timespec(tv_sec: Int(old.timeIntervalSince1970), tv_nsec: 0), timespec(tv_sec: Int(old.timeIntervalSince1970), tv_nsec: 0)]
        _ = path.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { utimensat(AT_FDCWD, $0, &times, 0) }
        }

        let run = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: WatchCommandTests.environment(server))
        #expect(run.status == 1, "rows rejected in both files\n\(run.stderr)")
        #expect(Self.inboxIsEmpty(inbox), "nothing left unseen")
        #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 31)
        #expect(server.snapshot().level(sku: "MUG-RED-01", location: "Default") == 32)
        let archived = WatchCommandTests.archived(root)
        #expect(archived.contains { $0.hasSuffix("Bestand_M%E4rz.csv") }, "\(archived)")
        #expect(archived.contains { $0.hasSuffix(long) }, "\(archived)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: root + "/errors")
        #expect(reports.contains("Bestand_M%E4rz.csv.errors.csv"), "\(reports)")
        #expect(reports.contains { $0.hasSuffix(".errors.csv") && $0.hasPrefix("llll") && $0.utf8.count <= 255 }, "\(reports)")
        #expect(run.stderr.contains("Bestand_M%E4rz.csv"), "the log shows the name escaped")
    }

    /// A FIFO named like a CSV never blocks the feed; a hard link (here to a file outside the drop
    /// folder) is never read; a spreadsheet is sent back with "save it as CSV". Each is rejected whole
    /// with a reason, and the good file beside them is applied.
    @Test func fifoHardLinkAndSpreadsheetAreRejectedWithAReason() async throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        let inbox = root + "/inbox/stock"
        #expect(mkfifo(inbox + "/x.csv", 0o644) == 0)
        let secret = scratchDirectory() + "/secret.csv"
        try "SKU,Level\nTOP-SECRET,1\n".write(toFile: secret, atomically: true, encoding: .utf8)
        #expect(link(secret, inbox + "/linked.csv") == 0)
        try Data("PK\u{3}\u{4}not really a workbook".utf8).write(to: URL(fileURLWithPath: inbox + "/stock.xlsx"))
        try "SKU,Level\nMUG-BLU-01,41\n".write(toFile: inbox + "/good.csv", atomically: true, encoding: .utf8)
        for name in ["linked.csv", "stock.xlsx", "good.csv"] {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: inbox + "/" + name)
        }

        let run = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: WatchCommandTests.environment(server))
        #expect(run.status == 65, "\(run.stderr)")
        #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 41)
        let fifoReason = try String(contentsOfFile: root + "/errors/x.csv.reason.txt", encoding: .utf8)
        #expect(fifoReason.contains("FIFO"))
        let linkReason = try String(contentsOfFile: root + "/errors/linked.csv.reason.txt", encoding: .utf8)
        #expect(linkReason.contains("hard links"))
        #expect(!linkReason.contains("TOP-SECRET") && !run.stderr.contains("TOP-SECRET"), "the linked file is never read")
        #expect(!Self.stockLevelsSent(server).contains { $0.sku == "TOP-SECRET" })
        let sheetReason = try String(contentsOfFile: root + "/errors/stock.xlsx.reason.txt", encoding: .utf8)
        #expect(sheetReason.contains("save it"))
        #expect(FileManager.default.fileExists(atPath: secret), "the link's other name is left alone")
        #expect(Self.inboxIsEmpty(inbox))
    }

    /// An inbox folder deleted and made again while the daemon runs (a 3PL's cleanup script): files
    /// dropped into the new folder are still taken; a file in a subfolder or with another extension
    /// gets one log line saying why it is ignored.
    @Test func anInboxMadeAgainIsWatchedAgain() async throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        // No periodic rescan within the test: only re-armed watches can see the new folder's files.
        let root = WatchCommandTests.dropRoot(config: #"{"watch": {"settleSeconds": 0.5, "rescanSeconds": 3600}}"#)
        let daemon = try WatchCommandTests.Daemon(root: root, environment: WatchCommandTests.environment(server))
        defer { daemon.stop() }
        #expect(await WatchCommandTests.waitFor { daemon.text.contains("watch.started") })
        let inbox = root + "/inbox/stock"
        try FileManager.default.removeItem(atPath: inbox)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(300))
        try WatchCommandTests.drop("SKU,Level\nMUG-BLU-01,51\n", as: "after.csv", into: inbox)
        try "x".write(toFile: inbox + "/notes.docx", atomically: true, encoding: .utf8)
        #expect(await WatchCommandTests.waitFor(40) { WatchCommandTests.archived(root).contains { $0.hasSuffix("after.csv") } }, "\(daemon.text)")
        #expect(server.snapshot().level(sku: "MUG-BLU-01", location: "Default") == 51)
        #expect(await WatchCommandTests.waitFor(40) { daemon.text.contains("notes.docx") }, "the ignored file is named in the log")
        #expect(daemon.text.components(separatedBy: "notes.docx").count - 1 == 1, "logged once")
        #expect(daemon.text.contains("watch.rearmed"))
    }

    /// A stock file and a shipment file both called `stock.csv`, each with a bad row, processed side by
    /// side: two reports under two names, neither replacing the other.
    @Test func theSameNameInBothInboxesGetsTwoReports() async throws {
        let server = try WatchCommandTests.sandbox()
        defer { server.stop() }
        let root = WatchCommandTests.dropRoot()
        try "SKU,Level\nMUG-BLU-01,61\nNO-SUCH-SKU,1\n".write(toFile: root + "/inbox/stock/stock.csv", atomically: true, encoding: .utf8)
        try "Order Number,Tracking Number,Carrier\n99999999,RM1GB,Royal Mail Tracked 48\n"
            .write(toFile: root + "/inbox/shipments/stock.csv", atomically: true, encoding: .utf8)
        for kind in ["stock", "shipments"] {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: root + "/inbox/\(kind)/stock.csv")
        }
        let run = try await linnbridgeAsync(["watch", "--root", root, "--once"], environment: WatchCommandTests.environment(server))
        #expect(run.status == 1, "\(run.stderr)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: root + "/errors").filter { $0.hasSuffix(".errors.csv") }.sorted()
        #expect(reports == ["stock-2.csv.errors.csv", "stock.csv.errors.csv"], "\(reports)")
        let texts = try reports.map { try String(contentsOfFile: root + "/errors/" + $0, encoding: .utf8) }
        #expect(texts.contains { $0.contains("NO-SUCH-SKU") }, "the stock report survives")
        #expect(texts.contains { $0.contains("99999999") }, "the shipment report survives")
        #expect(WatchCommandTests.archived(root).count == 2)
    }
}
