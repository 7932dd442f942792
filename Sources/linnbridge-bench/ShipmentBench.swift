import Bridge
import Foundation
import Linnworks
import Sandbox
import Support

/// The shipment feed against the sandbox at `--time-scale 60` (the shipment figures): 2,000 orders in
/// 3,000 rows (every other order with a second parcel), rate of `SetOrderShippingInfo` calls
/// against its ceiling, look-up calls per row, 429s; then the same with 5 % after-commit faults on
/// every write call, checking from the sandbox's state and call log that every order was
/// processed exactly once and every row applied or reported. Everything runs in this process.
enum ShipmentBench {
    static func run(arguments: [String]) async throws {
        var orders = 2000
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--orders": orders = Int(iterator.next() ?? "") ?? orders
            default: throw BenchError.usage("shipments [--orders N]")
            }
        }
        MallocArenas.limit()
        try await once(orders: orders, faults: nil)
        try await once(orders: orders, faults: "seed=9,error-after=0.05,only=SetOrderShippingInfo+ProcessOrdersInBatch")
    }

    static func once(orders: Int, faults: String?) async throws {
        var options = SandboxOptions()
        options.seed = "synthetic:skus=500,orders=\(orders * 6 / 5)"
        options.timeScale = 60
        if let faults { options.faults = try FaultPlan.parse(faults) }
        let server = try SandboxServer(options: options)
        try server.start()
        defer { server.stop() }
        let eligible = server.snapshot().orders.filter { !$0.isProcessed && !$0.isParked }.prefix(orders)
        var text = "Order Number,Tracking Number,Service,Weight\r\n"
        for (index, order) in eligible.enumerated() {
            text += "\(order.orderNumber),TRK\(order.orderNumber)A,,0.5\r\n"
            if index % 2 == 0 { text += "\(order.orderNumber),TRK\(order.orderNumber)B,,0.5\r\n" }
        }
        let dir = NSTemporaryDirectory() + "linnbridge-shipment-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/shipments.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        var configuration = LinnworksClientConfiguration()
        configuration.timeScale = 60
        configuration.retry.initialDelay = 0.05
        let client = LinnworksClient(credentials: server.credentials(), configuration: configuration)
        var feedOptions = ShipmentFeedOptions()
        feedOptions.stateDirectory = dir
        let summary = try await ShipmentFeed(options: feedOptions, client: client).run(path: path, reportPath: path + ".errors.csv")

        let records = server.callRecords()
        let shippingCalls = records.filter { $0.endpoint == .setOrderShippingInfo }.count
        let lookUps = records.filter {
            [.getAllOpenOrders, .getOrdersByID, .getOrderDetailsByNumOrderID, .getOrderDetailsByReferenceID].contains($0.endpoint)
        }.count
        let ceiling = Double(Endpoint.setOrderShippingInfo.callsPerMinute)
        let rate = Double(shippingCalls) / summary.seconds
        let label = faults == nil ? "shipments" : "shipments with 5 % after-commit faults"
        print(String(format: "%@: %d orders, %d rows: %d applied, %d rejected in %.1f s; SetOrderShippingInfo %d calls = %.0f/s (%.1f %% of %.0f/s ceiling); look-ups %d = %.3f per row; 429s %d",
                     label, eligible.count, summary.rowsRead, summary.applied, summary.rejected, summary.seconds, shippingCalls, rate,
                     100 * rate / ceiling, ceiling, lookUps, Double(lookUps) / Double(summary.rowsRead), server.counters().throttled))
        var reached: [String: Int] = [:]
        for record in records where record.endpoint == .processOrdersInBatch && record.status != 429
            && ["none", "error-after", "drop-after"].contains(record.fault) {
            for id in orderIDs(in: record.parameters) { reached[id, default: 0] += 1 }
        }
        let state = server.snapshot()
        let processedOnce = eligible.filter { order in
            state.order(id: order.orderID)?.isProcessed == true && reached[order.orderID] == 1
        }.count
        print("\(label): \(processedOnce) of \(eligible.count) orders processed, each reaching processing exactly once; "
              + "rows applied + rejected = \(summary.applied + summary.rejected) of \(summary.rowsRead); faults \(server.counters().faults)")
    }

    /// The ids of a logged `ProcessOrdersInBatch` call (form fields: `ordersIds` holds JSON text).
    static func orderIDs(in parameters: String) -> [String] {
        guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(parameters.utf8)),
              let text = fields.first(where: { $0.key.lowercased() == "ordersids" })?.value,
              let ids = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return [] }
        return ids.map { $0.lowercased() }
    }
}
