import Foundation
import Testing
import Linnworks
import Sandbox

/// Every endpoint the bridge uses, through the real client, against the real sandbox.
@Suite struct ClientEndpointTests {
    @Test func stockLocationsIncludeDefaultAndTheFulfilmentCentre() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let locations = try await fixture.client.getStockLocations()
        #expect(locations.contains { $0.stockLocationID == ClientFixture.defaultLocation && $0.locationName == "Default" })
        #expect(locations.contains { $0.locationName == "3PL Warehouse" && $0.isFulfilmentCentre == true })
    }

    @Test func setStockLevelIsAbsoluteAndLeavesOutUnknownSKUs() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let answer = try await fixture.client.setStockLevel([
            StockLevelUpdate(sku: "MUG-BLU-01", locationID: ClientFixture.warehouse, level: 3),
            StockLevelUpdate(sku: "NO-SUCH-SKU", locationID: ClientFixture.warehouse, level: 9),
            StockLevelUpdate(sku: "0042-KÄSE", locationID: ClientFixture.defaultLocation, level: 0),
        ], changeSource: "test")
        #expect(answer.map(\.sku) == ["MUG-BLU-01", "0042-KÄSE"])
        #expect(answer[0].stockLevel == 3)
        #expect(answer[0].location?.stockLocationID == ClientFixture.warehouse)
        _ = try await fixture.client.setStockLevel([StockLevelUpdate(sku: "MUG-BLU-01", locationID: ClientFixture.warehouse, level: 3)])
        #expect(fixture.server.snapshot().level(sku: "MUG-BLU-01", location: "3PL Warehouse") == 3, "absolute, not added")
        #expect(fixture.server.snapshot().level(sku: "0042-KÄSE", location: "Default") == 0)
    }

    @Test func unknownLocationIsABadRequestWithLinnworksMessage() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        await #expect {
            _ = try await fixture.client.setStockLevel([StockLevelUpdate(sku: "MUG-BLU-01", locationID: UUID().uuidString, level: 1)])
        } throws: { error in
            guard case LinnworksError.badRequest(let endpoint, 400, let message) = error else { return false }
            return endpoint == .setStockLevel && message == "Parameter 'LocationId' has invalid value"
        }
        #expect(fixture.server.snapshot().level(sku: "MUG-BLU-01", location: "3PL Warehouse") != 1)
    }

    @Test func stockItemsComePageByPage() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let first = try await fixture.client.getStockItemsFull(pageNumber: 1, entriesPerPage: 7)
        let third = try await fixture.client.getStockItemsFull(pageNumber: 3, entriesPerPage: 7)
        #expect(first.count == 7 && third.count == 6)
        #expect(first[0].stockLevels?.count == 2)
        let all = try await fixture.client.getAllStockItemsFull(entriesPerPage: 7)
        #expect(all.count == 20)
        #expect(Set(all.compactMap(\.sku)).count == 20)
        let mugs = try await fixture.client.getStockItemsFull(keyword: "mug", pageNumber: 1)
        #expect(mugs.compactMap(\.sku).sorted() == ["MUG-BLU-01", "MUG-RED-01"])
    }

    @Test func postalServicesSayWhetherTrackingIsRequired() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let services = try await fixture.client.getPostalServices()
        #expect(services.count == 5)
        #expect(services.first { $0.name == "Royal Mail Tracked 48" }?.isTrackingNumberRequired == true)
        #expect(services.first { $0.name == "Royal Mail 2nd Class" }?.isTrackingNumberRequired == false)
    }

    @Test func ordersAreFoundByNumberAndReference() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let order = try #require(try await fixture.client.getOrderDetailsByNumOrderId(20004))
        #expect(order.orderID == fixture.orderID(20004))
        #expect(order.generalInfo?.locationID == ClientFixture.warehouse)
        #expect(order.items?.map(\.sku) == ["NOTE-A5-DOT", "PEN-GEL-BLK"])
        #expect(try await fixture.client.getOrderDetailsByNumOrderId(99999) == nil, "the empty class reads as nil")
        let processed = try #require(try await fixture.client.getOrderDetailsByNumOrderId(20006))
        #expect(processed.isProcessed == true)
        let byReference = try await fixture.client.getOrderDetailsByReferenceId(order.generalInfo!.reference!)
        #expect(byReference.map(\.orderNumber) == [20004])
        let bySecondary = try await fixture.client.getOrderDetailsByReferenceId("po-7703")
        #expect(bySecondary.map(\.orderNumber) == [20004])
        let german = try #require(try await fixture.client.getOrderDetailsByNumOrderId(20002))
        #expect(german.customerInfo?.address?.fullName == "Jürgen Müller")
    }

    @Test func openOrdersAtTheFulfilmentCentreWithFilters() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let all = try await fixture.client.getAllOpenOrders(fulfilmentCenter: ClientFixture.warehouse)
        // 12 orders at the 3PL location, 2 of them processed.
        #expect(all.count == 10)
        #expect(!all.contains(fixture.orderID(20006)))
        let notExported = try await fixture.client.getAllOpenOrders(
            fulfilmentCenter: ClientFixture.warehouse, filters: .identifier("EXPORTED", present: false))
        #expect(notExported.count == 9 && !notExported.contains(fixture.orderID(20008)))
        let exported = try await fixture.client.getAllOpenOrders(
            fulfilmentCenter: ClientFixture.warehouse, filters: .identifier("EXPORTED", present: true))
        #expect(exported == [fixture.orderID(20008)])
        let byExternal = try await fixture.client.getAllOpenOrders(
            fulfilmentCenter: ClientFixture.warehouse,
            filters: FieldsFilter(textFields: [TextFieldFilter(fieldCode: "GENERAL_INFO_EXTERNAL_REFERENCE_NUMBER",
                                                               type: "Equal", text: "EXT-90002")]))
        #expect(byExternal == [fixture.orderID(20003)])
        let atDefault = try await fixture.client.getAllOpenOrders(fulfilmentCenter: ClientFixture.defaultLocation)
        #expect(Set(atDefault) == [fixture.orderID(20011), fixture.orderID(20012)])
    }

    @Test func ordersByIDAndOpenOrderDetails() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let ids = [fixture.orderID(20001), fixture.orderID(20006), UUID().uuidString.lowercased()]
        let byID = try await fixture.client.getOrdersById(ids)
        #expect(byID.map(\.orderNumber) == [20001, 20006], "open and processed; unknown left out")
        let open = try await fixture.client.getOpenOrdersDetails(ids)
        #expect(open.map(\.orderNumber) == [20001], "processed orders are not open")
        #expect(open[0].generalInfo?.identifiers?.map(\.tag) == ["AMAZON_PRIME"])
    }

    @Test func shippingInfoKeepsWhatIsLeftUnset() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let id = fixture.orderID(20003)
        let before = try #require(try await fixture.client.getOrderDetailsByNumOrderId(20003)).shippingInfo
        let result = try await fixture.client.setOrderShippingInfo(orderID: id, ShippingInfoUpdate(trackingNumber: "15501234567890"))
        #expect(result.shippingInfo?.trackingNumber == "15501234567890")
        #expect(result.shippingInfo?.postalServiceID == before?.postalServiceID)
        #expect(result.shippingInfo?.postageCost == before?.postageCost)
        #expect(result.shippingInfo?.totalWeight == before?.totalWeight)
        let services = try await fixture.client.getPostalServices()
        let evri = try #require(services.first { $0.name == "Evri Standard" })
        let changed = try await fixture.client.setOrderShippingInfo(
            orderID: id, ShippingInfoUpdate(postalServiceID: evri.id, totalWeight: 2.5, postageCost: 4.2, isManualAdjust: false))
        #expect(changed.shippingInfo?.postalServiceName == "Evri Standard")
        #expect(changed.shippingInfo?.vendor == "Evri")
        #expect(changed.shippingInfo?.trackingNumber == "15501234567890", "kept from the first call")
        #expect(changed.totalsInfo?.postageCost == 4.2)
        #expect(fixture.server.snapshot().order(number: 20003)?.shippingInfo.totalWeight == 2.5)
    }

    @Test func shippingInfoOfAProcessedOrderIsRefused() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        await #expect {
            _ = try await fixture.client.setOrderShippingInfo(orderID: fixture.orderID(20006), ShippingInfoUpdate(trackingNumber: "X"))
        } throws: { error in
            if case LinnworksError.badRequest(.setOrderShippingInfo, 400, _) = error { return true }
            return false
        }
        #expect(fixture.server.snapshot().order(number: 20006)?.shippingInfo.trackingNumber == "RM123456789GB")
    }

    @Test func processingAnswersOnePerOrderAndTakesStock() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let unknown = UUID().uuidString.lowercased()
        let ids = [fixture.orderID(20001), unknown, fixture.orderID(20005), fixture.orderID(20006), fixture.orderID(20009)]
        let mugsBefore = fixture.server.snapshot().level(sku: "MUG-BLU-01", location: "3PL Warehouse")!
        let soapBefore = fixture.server.snapshot().level(sku: "SOAP-OAT", location: "3PL Warehouse")!
        let results = try await fixture.client.processOrdersInBatch(ids)
        #expect(results.map(\.orderID) == ids)
        #expect(results.map(\.isProcessed) == [true, false, false, false, true])
        #expect(results[1].error != nil && results[2].error != nil && results[3].error != nil)
        #expect(results[0].error == nil)
        let after = fixture.server.snapshot()
        #expect(after.level(sku: "MUG-BLU-01", location: "3PL Warehouse") == mugsBefore - 2)
        #expect(after.level(sku: "SOAP-OAT", location: "3PL Warehouse") == soapBefore - 6)
        #expect(after.order(number: 20001)?.isProcessed == true)
        #expect(after.order(number: 20005)?.isProcessed == false, "parked orders are not processed")
        let again = try await fixture.client.processOrdersInBatch([fixture.orderID(20001)])
        #expect(again[0].isProcessed == false, "already processed")
        #expect(fixture.server.snapshot().level(sku: "MUG-BLU-01", location: "3PL Warehouse") == mugsBefore - 2)
    }

    @Test func moreThan200OrdersInOneBatchIsABadRequest() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let ids = (0..<201).map { _ in UUID().uuidString.lowercased() }
        await #expect(throws: LinnworksError.self) { _ = try await fixture.client.processOrdersInBatch(ids) }
    }

    @Test func identifiersAreSavedAndAssigned() async throws {
        let fixture = try ClientFixture()
        defer { fixture.server.stop() }
        let before = try await fixture.client.getIdentifiers()
        #expect(before.compactMap(\.tag).contains("EXPORTED"))
        let saved = try await fixture.client.saveIdentifier(Identifier(name: "Sent to 3PL", tag: "SENT_3PL"))
        #expect(saved.tag == "SENT_3PL" && saved.isCustom == true && saved.identifierID != nil)
        #expect(try await fixture.client.getIdentifiers().count == before.count + 1)
        let renamed = try await fixture.client.saveIdentifier(Identifier(name: "Sent", tag: "SENT_3PL"))
        #expect(renamed.identifierID == saved.identifierID && renamed.name == "Sent")
        let ids = [fixture.orderID(20002), fixture.orderID(20006), fixture.orderID(20002)]
        let result = try await fixture.client.assignOrderIdentifier(tag: "SENT_3PL", orderIDs: ids)
        #expect(result.changed == [fixture.orderID(20002)])
        #expect(result.notChanged == [fixture.orderID(20006), fixture.orderID(20002)])
        #expect(fixture.server.snapshot().order(number: 20002)?.identifiers == ["SENT_3PL"])
        await #expect(throws: LinnworksError.self) {
            _ = try await fixture.client.assignOrderIdentifier(tag: "NO_SUCH_TAG", orderIDs: ids)
        }
    }
}
