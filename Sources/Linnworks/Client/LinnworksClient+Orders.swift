/// Order look-ups and shipping writes.
extension LinnworksClient {
    /// The order with this order number, open or processed; nil when there is none.
    public func getOrderDetailsByNumOrderId(_ orderNumber: Int) async throws(LinnworksError) -> OrderDetails? {
        var form = FormBody()
        form.add("OrderId", orderNumber)
        let details = try await call(.getOrderDetailsByNumOrderID, form, as: OrderDetails.self)
        return details.isEmptyResult ? nil : details
    }

    /// Orders whose reference or secondary reference is `reference` (at most 50).
    public func getOrderDetailsByReferenceId(_ reference: String) async throws(LinnworksError) -> [OrderDetails] {
        var form = FormBody()
        form.add("ReferenceId", reference)
        return try await call(.getOrderDetailsByReferenceID, form, as: [OrderDetails].self)
    }

    /// Ids of every open order at `fulfilmentCenter` matching `filters`, unpaged.
    /// Always name the location: without it Linnworks searches only the Default location.
    public func getAllOpenOrders(fulfilmentCenter: String, filters: FieldsFilter? = nil, sorting: [FieldSorting] = [],
                                 additionalFilter: String? = nil, exactMatch: Bool = false)
        async throws(LinnworksError) -> [String] {
        var form = FormBody()
        try form.add("filters", json: filters)
        try form.add("sorting", json: sorting)
        form.add("fulfilmentCenter", fulfilmentCenter)
        form.add("additionalFilter", additionalFilter ?? "")
        form.add("exactMatch", exactMatch)
        return try await call(.getAllOpenOrders, form, as: [String].self)
    }

    /// Full details of these orders, open or processed; unknown ids are left out.
    public func getOrdersById(_ orderIDs: [String]) async throws(LinnworksError) -> [OrderDetails] {
        var form = FormBody()
        try form.add("pkOrderIds", json: orderIDs)
        return try await call(.getOrdersByID, form, as: [OrderDetails].self)
    }

    /// Full details of these open orders; `detailLevel` empty means everything.
    public func getOpenOrdersDetails(_ orderIDs: [String], detailLevel: [String] = [])
        async throws(LinnworksError) -> [OrderDetails] {
        var form = FormBody()
        try form.add("request", json: OpenOrdersDetailsRequest(orderIDs: orderIDs, detailLevel: detailLevel))
        return try await call(.getOpenOrdersDetails, form, as: OpenOrdersDetailsResponse.self).orders ?? []
    }

    /// Changes an open order's shipping info; fields left nil keep their current values.
    public func setOrderShippingInfo(orderID: String, _ update: ShippingInfoUpdate)
        async throws(LinnworksError) -> UpdateTotalsResult {
        var form = FormBody()
        form.add("orderId", orderID)
        try form.add("info", json: update)
        return try await call(.setOrderShippingInfo, form, as: UpdateTotalsResult.self)
    }
}
