import Linnworks

/// `Orders/*`: look-ups, shipping writes and processing (Documentation/LinnworksAPI.md §5–§7).
extension SandboxAccount {
    /// `SetOrderShippingInfo`: null or absent fields keep their value; processed or unknown orders are refused.
    func setOrderShippingInfo(_ parameters: Parameters) throws(APIFailure) -> UpdateTotalsResult {
        guard let orderID = try parameters.guid("orderId") else { throw .invalidParameter("orderId") }
        guard let info = try parameters.decode("info", as: ShippingInfoUpdate.self) else {
            throw .invalidParameter("info")
        }
        return try state.withLock { state throws(APIFailure) in
            guard let index = state.orderIndexByID[orderID] else {
                throw .message(400, "Order not found")
            }
            if state.orders[index].isProcessed {
                throw .message(400, "Order is processed and its shipping information cannot be changed")
            }
            var shipping = state.orders[index].details.shippingInfo ?? OrderShippingInfo()
            if let serviceText = info.postalServiceID {
                guard let serviceID = GUID.normalized(serviceText) else { throw .invalidParameter("info") }
                if serviceID == GUID.zero {
                    shipping.postalServiceID = GUID.zero
                    shipping.postalServiceName = ""
                    shipping.vendor = ""
                } else {
                    guard let service = state.postalServices.first(where: { $0.id == serviceID }) else {
                        throw .invalidParameter("info")
                    }
                    shipping.postalServiceID = serviceID
                    shipping.postalServiceName = service.name
                    shipping.vendor = service.vendor
                }
            }
            if let weight = info.totalWeight { shipping.totalWeight = weight }
            if let weight = info.itemWeight { shipping.itemWeight = weight }
            if let cost = info.postageCost {
                shipping.postageCost = cost
                shipping.postageCostExTax = cost
            }
            if let tracking = info.trackingNumber { shipping.trackingNumber = tracking }
            if let manual = info.isManualAdjust { shipping.isManualAdjust = manual }
            state.orders[index].details.shippingInfo = shipping
            var totals = state.orders[index].details.totalsInfo ?? OrderTotalsInfo()
            totals.postageCost = shipping.postageCost
            totals.postageCostExTax = shipping.postageCostExTax
            totals.totalCharge = (totals.subtotal ?? 0) + (shipping.postageCost ?? 0) + (totals.tax ?? 0)
            state.orders[index].details.totalsInfo = totals
            return UpdateTotalsResult(totalsInfo: totals, shippingInfo: shipping)
        }
    }

    /// `ProcessOrdersInBatch`: one result per id in request order; processing takes the items'
    /// stock at the order's location. At most 200 ids.
    func processOrdersInBatch(_ parameters: Parameters) throws(APIFailure) -> [ProcessOrderResult] {
        guard let ids = try parameters.decode("ordersIds", as: [String].self) else { throw .invalidParameter("ordersIds") }
        if ids.count > 200 { throw .message(400, "Too many orders in one batch (at most 200)") }
        _ = try parameters.guid("locationId")
        return state.withLock { state in
            let now = AccountState.now()
            return ids.map { text in
                guard let id = GUID.normalized(text), let index = state.orderIndexByID[id] else {
                    return ProcessOrderResult(orderID: GUID.normalized(text) ?? text, isProcessed: false,
                                              error: "Order not found")
                }
                let order = state.orders[index]
                if order.isProcessed {
                    return ProcessOrderResult(orderID: id, isProcessed: false, error: "Order is already processed")
                }
                if order.isParked {
                    return ProcessOrderResult(orderID: id, isProcessed: false, error: "Order is parked")
                }
                if order.details.generalInfo?.isOnHoldOrCancelled == true {
                    return ProcessOrderResult(orderID: id, isProcessed: false, error: "Order is on hold")
                }
                for item in order.details.items ?? [] {
                    guard let stock = item.sku.flatMap({ state.itemIndexBySKU[$0.lowercased()] }) else { continue }
                    let quantity = item.quantity ?? 0
                    state.levels[stock][order.locationIndex] -= quantity
                    state.inOrders[stock][order.locationIndex] -= quantity
                    state.lastUpdate[stock][order.locationIndex] = now
                }
                state.orders[index].details.isProcessed = true
                state.orders[index].details.processedDate = now
                return ProcessOrderResult(orderID: id, isProcessed: true, error: nil)
            }
        }
    }

    /// `GetOpenOrderIdByOrderOrReferenceId`: an order number or any reference → the open order's id, or null.
    func getOpenOrderID(_ parameters: Parameters) throws(APIFailure) -> String? {
        guard let key = try parameters.string("orderOrReferenceId") else { throw .invalidParameter("orderOrReferenceId") }
        let filter = OrderFilter(filter: try parameters.decode("filters", as: FieldsFilter.self))
        let location = try parameters.guid("locationId")
        return state.withLock { state in
            let number = Int(key)
            let lowered = key.lowercased()
            return state.orders.first { order in
                guard !order.isProcessed, filter.matches(order) else { return false }
                if let location, order.details.generalInfo?.locationID != location { return false }
                if let number, order.details.orderNumber == number { return true }
                let general = order.details.generalInfo
                return [general?.reference, general?.secondaryReference, general?.externalReference]
                    .contains { $0?.lowercased() == lowered && !lowered.isEmpty }
            }?.details.orderID
        }
    }

    /// `GetOrderDetailsByNumOrderId`: open or processed; the "empty class" when not found.
    func getOrderDetailsByNumber(_ parameters: Parameters) throws(APIFailure) -> OrderDetails {
        guard let number = try parameters.int("OrderId") else { throw .invalidParameter("OrderId") }
        return state.withLock { state in
            guard let index = state.orderIndexByNumber[number] else { return AccountState.emptyOrderDetails() }
            return state.details(at: index)
        }
    }

    /// `GetOrderDetailsByReferenceId`: orders whose reference or secondary reference matches, at most 50.
    func getOrderDetailsByReference(_ parameters: Parameters) throws(APIFailure) -> [OrderDetails] {
        guard let reference = try parameters.string("ReferenceId")?.lowercased() else {
            throw .invalidParameter("ReferenceId")
        }
        return state.withLock { state in
            let found = state.orders.indices.filter { index in
                let general = state.orders[index].details.generalInfo
                return general?.reference?.lowercased() == reference || general?.secondaryReference?.lowercased() == reference
            }
            return found.prefix(50).map { state.details(at: $0) }
        }
    }

    /// `GetAllOpenOrders`: ids of open orders at `fulfilmentCenter` (Default when absent) that match the filters.
    func getAllOpenOrders(_ parameters: Parameters) throws(APIFailure) -> [String] {
        let filter = OrderFilter(filter: try parameters.decode("filters", as: FieldsFilter.self))
        let sorting = try parameters.decode("sorting", as: [FieldSorting].self) ?? []
        let location = try parameters.guid("fulfilmentCenter") ?? GUID.zero
        return state.withLock { state in
            // Indices rather than orders: filtering the array copied every matching order's details,
            // most of this call's cost.
            let orders = state.orders
            var found = orders.indices.filter { index in
                !orders[index].isProcessed && orders[index].details.generalInfo?.locationID == location
                    && filter.matches(orders[index])
            }
            if let sort = sorting.first {
                let descending = sort.direction?.lowercased() == "descending"
                switch sort.fieldCode?.uppercased() {
                case "GENERAL_INFO_DATE", "GENERAL_INFO_RECEIVED_DATE":
                    found.sort {
                        (orders[$0].details.generalInfo?.receivedDate ?? "") < (orders[$1].details.generalInfo?.receivedDate ?? "")
                    }
                default:
                    found.sort { (orders[$0].details.orderNumber ?? 0) < (orders[$1].details.orderNumber ?? 0) }
                }
                if descending { found.reverse() }
            }
            return found.compactMap { orders[$0].details.orderID }
        }
    }

    /// `GetOrdersById`: open or processed orders by id; unknown ids left out; at most 500 ids.
    func getOrdersByID(_ parameters: Parameters) throws(APIFailure) -> [OrderDetails] {
        let ids = try SandboxAccount.orderIDs(parameters)
        return state.withLock { state in state.orderIndices(ids: ids, openOnly: false).map { state.details(at: $0) } }
    }

    /// `getOrdersByID`'s answer as JSON text, written from the stored orders under the lock.
    func getOrdersByIDJSON(_ parameters: Parameters) throws(APIFailure) -> [UInt8] {
        let ids = try SandboxAccount.orderIDs(parameters)
        return state.withLock { state in
            var out: [UInt8] = []
            out.reserveCapacity(ids.count * SandboxAccount.bytesPerOrder)
            state.writeDetailsJSON(of: state.orderIndices(ids: ids, openOnly: false), to: &out)
            return out
        }
    }

    private static func orderIDs(_ parameters: Parameters) throws(APIFailure) -> [String] {
        guard let ids = try parameters.decode("pkOrderIds", as: [String].self) else { throw .invalidParameter("pkOrderIds") }
        if ids.count > 500 { throw .message(400, "Too many order ids in one call (at most 500)") }
        return ids
    }

    /// Room reserved per order for a list answer, so the buffer is not regrown and copied as it
    /// fills: a two-item order is about 5 KB.
    static let bytesPerOrder = 6 * 1024
}
