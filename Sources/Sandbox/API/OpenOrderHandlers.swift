import Foundation
import Linnworks

/// `OpenOrders/*`: paged views, details and identifiers (Documentation/LinnworksAPI.md §8–§9).
extension SandboxAccount {
    /// `OpenOrders/GetOpenOrders`: one page of the open orders at `LocationId`.
    func getOpenOrdersPage(_ parameters: Parameters) throws(APIFailure) -> OpenOrdersPage {
        guard try parameters.int("ViewId") != nil else { throw .invalidParameter("ViewId") }
        guard let location = try parameters.guid("LocationId") else { throw .invalidParameter("LocationId") }
        guard let perPage = try parameters.int("EntriesPerPage"), perPage > 0 else {
            throw .invalidParameter("EntriesPerPage")
        }
        let page = max(1, try parameters.int("PageNumber") ?? 1)
        let only = try parameters.decode("OrderIds", as: [String].self).map { Set($0.compactMap(GUID.normalized)) }
        return state.withLock { state in
            let open = state.orders.indices.filter { index in
                let order = state.orders[index]
                return !order.isProcessed && order.details.generalInfo?.locationID == location
                    && (only == nil || only!.isEmpty || only!.contains(order.details.orderID ?? ""))
            }
            var answer = OpenOrdersPage()
            answer.removedByPostFilter = 0
            answer.pageNumber = page
            answer.entriesPerPage = perPage
            answer.totalEntries = open.count
            answer.totalPages = pageCount(open.count, perPage: perPage)
            answer.orders = open[pageRange(page: page, perPage: perPage, count: open.count)].map { state.openOrder(at: $0) }
            return answer
        }
    }

    /// `GetOpenOrdersDetails`: details of the named open orders; processed or unknown ids are left out.
    func getOpenOrdersDetails(_ parameters: Parameters) throws(APIFailure) -> OpenOrdersDetailsResponse {
        let ids = try SandboxAccount.openOrderIDs(parameters)
        return state.withLock { state in
            OpenOrdersDetailsResponse(orders: state.orderIndices(ids: ids, openOnly: true).map { state.details(at: $0) })
        }
    }

    /// `getOpenOrdersDetails`' answer as JSON text, written from the stored orders under the lock.
    func getOpenOrdersDetailsJSON(_ parameters: Parameters) throws(APIFailure) -> [UInt8] {
        let ids = try SandboxAccount.openOrderIDs(parameters)
        return state.withLock { state in
            var out: [UInt8] = []
            out.reserveCapacity(ids.count * SandboxAccount.bytesPerOrder)
            out.appendStatic(#"{"Orders":"#)
            state.writeDetailsJSON(of: state.orderIndices(ids: ids, openOnly: true), to: &out)
            out.endObject()
            return out
        }
    }

    private static func openOrderIDs(_ parameters: Parameters) throws(APIFailure) -> [String] {
        guard let ids = try parameters.decode("OrderIds", as: [String].self) else { throw .invalidParameter("OrderIds") }
        _ = try parameters.decode("DetailLevel", as: [String].self)
        return ids
    }

    func getIdentifiers() -> [Identifier] {
        state.withLock { $0.identifiers }
    }

    /// `SaveIdentifier`: updates the identifier with the same tag, or creates a custom one.
    func saveIdentifier(_ parameters: Parameters) throws(APIFailure) -> Identifier {
        guard let identifier = try parameters.decode("Identifier", as: Identifier.self),
              let tag = identifier.tag?.trimmingCharacters(in: .whitespaces).uppercased(), !tag.isEmpty else {
            throw .invalidParameter("Identifier")
        }
        return state.withLock { state in
            if let index = state.identifiers.firstIndex(where: { $0.tag == tag }) {
                if let name = identifier.name { state.identifiers[index].name = name }
                if let url = identifier.imageURL { state.identifiers[index].imageURL = url }
                return state.identifiers[index]
            }
            let next = (state.identifiers.compactMap(\.identifierID).max() ?? 0) + 1
            let created = Identifier(identifierID: next, name: identifier.name ?? tag, tag: tag, isCustom: true,
                                     imageID: GUID.zero, imageURL: identifier.imageURL ?? "")
            state.identifiers.append(created)
            return created
        }
    }

    /// `AssignOrderIdentifier`: open orders without the tag change; the rest are not changed. Unknown tag → 400.
    func assignOrderIdentifier(_ parameters: Parameters) throws(APIFailure) -> AssignResult {
        guard let tag = try parameters.string("Tag")?.uppercased() else { throw .invalidParameter("Tag") }
        guard let ids = try parameters.decode("OrderIds", as: [String].self) else { throw .invalidParameter("OrderIds") }
        return try state.withLock { state throws(APIFailure) in
            guard state.identifiers.contains(where: { $0.tag == tag }) else { throw .invalidParameter("Tag") }
            var result = AssignResult(changed: [], notChanged: [])
            for text in ids {
                guard let id = GUID.normalized(text), let index = state.orderIndexByID[id],
                      !state.orders[index].isProcessed, !state.orders[index].identifierTags.contains(tag) else {
                    result.notChanged?.append(GUID.normalized(text) ?? text)
                    continue
                }
                state.orders[index].identifierTags.append(tag)
                result.changed?.append(id)
            }
            return result
        }
    }
}
