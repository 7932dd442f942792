import Linnworks

// The wrappers the order endpoints answer with, written as `JSONValueEncoder` writes them (see
// `JSONBytesEncodable` for why): `GetOpenOrdersDetails`, the `OpenOrders/GetOpenOrders` pages
// (whose `OpenOrder`s share `OrderDetails`' parts) and `AssignOrderIdentifier`.

extension OpenOrdersDetailsResponse: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Orders":"#, orders)
        out.endObject()
    }
}

extension OpenOrdersPage: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"ResultCountRemovedByPostFilter":"#, removedByPostFilter)
        out.member(#","PageNumber":"#, pageNumber)
        out.member(#","EntriesPerPage":"#, entriesPerPage)
        out.member(#","TotalEntries":"#, totalEntries)
        out.member(#","TotalPages":"#, totalPages)
        out.member(#","Data":"#, orders)
        out.endObject()
    }
}

extension OpenOrder: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"NumOrderId":"#, orderNumber)
        out.member(#","GeneralInfo":"#, generalInfo)
        out.member(#","ShippingInfo":"#, shippingInfo)
        out.member(#","CustomerInfo":"#, customerInfo)
        out.member(#","TotalsInfo":"#, totalsInfo)
        out.member(#","TaxInfo":"#, taxInfo)
        out.member(#","FolderName":"#, folderNames)
        out.member(#","IsPostFilteredOut":"#, isPostFilteredOut)
        out.member(#","CanFulfil":"#, canFulfil)
        out.member(#","Fulfillment":"#, fulfilment)
        out.member(#","Items":"#, items)
        out.member(#","HasItems":"#, hasItems)
        out.member(#","TotalItemsSum":"#, totalItemsSum)
        out.member(#","OrderId":"#, orderID)
        out.endObject()
    }
}

extension OrderTaxInfo: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"TaxNumber":"#, taxNumber)
        out.endObject()
    }
}

extension OrderFulfillmentState: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"FulfillmentState":"#, fulfilmentState)
        out.member(#","PurchaseOrderState":"#, purchaseOrderState)
        out.endObject()
    }
}

extension AssignResult: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Changed":"#, changed)
        out.member(#","NotChanged":"#, notChanged)
        out.endObject()
    }
}
