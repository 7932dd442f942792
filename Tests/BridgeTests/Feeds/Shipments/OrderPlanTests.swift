@testable import Bridge
import Linnworks
import Testing

/// The order rules alone: what one order's parcels come to.
@Suite struct OrderPlanTests {
    static func service(_ id: String, _ name: String, trackingRequired: Bool = false) -> PostalService {
        var service = PostalService()
        service.id = id
        service.name = name
        service.isTrackingNumberRequired = trackingRequired
        return service
    }

    static let services = PostalServiceDirectory([service("s1", "Royal Mail 48", trackingRequired: true), service("s2", "DPD")],
                                                 aliases: ["Next Day": "DPD"])

    static func row(_ line: Int, tracking: String = "", service: String = "", weight: Double? = nil, cost: Double? = nil) -> ShipmentRow {
        ShipmentRow(line: line, reference: "1001", trackingNumber: tracking, service: service, weight: weight, cost: cost)
    }

    static func order(processed: Bool = false, parked: Bool = false, onHold: Bool = false, service: String? = "s2",
                      tracking: String? = nil) -> OrderSummary {
        OrderSummary(id: "o1", orderNumber: 1001, isProcessed: processed, isParked: parked, isOnHoldOrCancelled: onHold,
                     postalServiceID: service, trackingNumber: tracking, totalWeight: 1.5, postageCost: 4)
    }

    func codes(_ decision: OrderPlan.Decision) -> [RowErrorCode] {
        guard case let .reject(errors) = decision else { return [] }
        return errors.map(\.code)
    }

    @Test func parcelsAreJoinedAndWeightsAndCostsSummed() {
        let plan = OrderPlan(order: Self.order(), rows: [Self.row(2, tracking: "T1", weight: 0.5, cost: 1),
                                                         Self.row(3, tracking: "T2", weight: 0.25, cost: 2),
                                                         Self.row(4, tracking: "T1")])
        guard case let .send(update) = plan.decide(services: Self.services) else { Issue.record("not sent"); return }
        #expect(update.trackingNumber == "T1, T2")
        #expect(update.totalWeight == 0.75 && update.postageCost == 3)
        #expect(update.postalServiceID == "s2", "the order's own service when the file names none")
    }

    @Test func whatTheFileLeavesOutKeepsTheOrdersValues() {
        guard case let .send(update) = OrderPlan(order: Self.order(), rows: [Self.row(2, tracking: "T1")]).decide(services: Self.services) else {
            Issue.record("not sent"); return
        }
        #expect(update.totalWeight == 1.5 && update.postageCost == 4)
    }

    @Test func aServiceByAliasOrNameIsUsed() {
        guard case let .send(update) = OrderPlan(order: Self.order(service: nil), rows: [Self.row(2, tracking: "T", service: "next day")])
            .decide(services: Self.services) else { Issue.record("not sent"); return }
        #expect(update.postalServiceID == "s2")
    }

    @Test func processedWithTheSameTrackingIsDoneOtherwiseAlreadyProcessed() {
        let same = OrderPlan(order: Self.order(processed: true, tracking: "t2, T1"), rows: [Self.row(2, tracking: "T1"), Self.row(3, tracking: "T2")])
        guard case .done = same.decide(services: Self.services) else { Issue.record("a re-dropped file must be done"); return }
        let other = OrderPlan(order: Self.order(processed: true, tracking: "X9"), rows: [Self.row(2, tracking: "T1")])
        #expect(codes(other.decide(services: Self.services)) == [.alreadyProcessed])
    }

    @Test func parkedOrOnHoldIsNotProcessable() {
        for order in [Self.order(parked: true), Self.order(onHold: true)] {
            #expect(codes(OrderPlan(order: order, rows: [Self.row(2, tracking: "T")]).decide(services: Self.services)) == [.orderNotProcessable])
        }
    }

    @Test func anUnknownServiceFailsItsRowAndHoldsBackTheOthers() {
        let plan = OrderPlan(order: Self.order(), rows: [Self.row(2, tracking: "T1"), Self.row(3, tracking: "T2", service: "Pigeon")])
        let decision = plan.decide(services: Self.services)
        #expect(codes(decision) == [.orderHeldBack, .unknownService])
        guard case let .reject(errors) = decision else { return }
        #expect(errors[0].message.contains("line 3"), "the held-back row says which line failed")
    }

    @Test func twoServicesInOneOrderFail() {
        let plan = OrderPlan(order: Self.order(), rows: [Self.row(2, tracking: "T1", service: "DPD"), Self.row(3, tracking: "T2", service: "Royal Mail 48")])
        #expect(codes(plan.decide(services: Self.services)) == [.orderHeldBack, .unknownService])
    }

    @Test func aServiceThatNeedsTrackingGetsIt() {
        let plan = OrderPlan(order: Self.order(service: "s1"), rows: [Self.row(2)])
        #expect(codes(plan.decide(services: Self.services)) == [.badTracking])
        let tracked = OrderPlan(order: Self.order(service: "s1"), rows: [Self.row(2, tracking: "T")])
        guard case .send = tracked.decide(services: Self.services) else { Issue.record("tracked: sent"); return }
    }

    @Test func sameTrackingIgnoresCaseSpacesAndOrder() {
        #expect(OrderPlan.sameTracking("a1, B2", "b2,A1 "))
        #expect(!OrderPlan.sameTracking("a1", "a1, b2"))
        #expect(OrderPlan.sameTracking(nil, ""))
    }
}
