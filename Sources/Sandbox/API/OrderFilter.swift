import Linnworks

/// Applies a `FieldsFilter` to one order.
///
/// Exists so every order search (`GetAllOpenOrders`, `GetOpenOrderIdByOrderOrReferenceId`)
/// honours the same conditions: reference and number text conditions, numeric order-number
/// conditions, and the identifier list condition the export relies on. Unknown field codes
/// are ignored, as Linnworks ignores what it does not understand (Documentation/LinnworksAPI.md §12).
struct OrderFilter {
    let filter: FieldsFilter?

    func matches(_ order: AccountState.Order) -> Bool {
        guard let filter else { return true }
        let general = order.details.generalInfo
        for condition in filter.textFields ?? [] {
            let field: String?
            switch condition.fieldCode?.uppercased() {
            case "GENERAL_INFO_REFERENCE_NUMBER", "GENERAL_INFO_CHANNEL_REFERENCE_NUMBER": field = general?.reference
            case "GENERAL_INFO_SECONDARY_REFERENCE": field = general?.secondaryReference
            case "GENERAL_INFO_EXTERNAL_REFERENCE_NUMBER": field = general?.externalReference
            case "GENERAL_INFO_ORDER_ID": field = order.details.orderNumber.map(String.init)
            case "GENERAL_INFO_SOURCE": field = general?.source
            case "GENERAL_INFO_SUBSOURCE": field = general?.subSource
            case "CUSTOMER_INFO_NAME", "CUSTOMER_INFO_FULL_NAME": field = order.details.customerInfo?.address?.fullName
            default: continue
            }
            if !OrderFilter.text(field ?? "", condition.type, condition.text ?? "") { return false }
        }
        for condition in filter.numericFields ?? [] where condition.fieldCode?.uppercased() == "GENERAL_INFO_ORDER_ID" {
            let number = Double(order.details.orderNumber ?? 0)
            let value = condition.value ?? 0
            switch condition.type?.lowercased() {
            case "greater": if !(number > value) { return false }
            case "lower": if !(number < value) { return false }
            default: if number != value { return false }
            }
        }
        for condition in filter.listFields ?? [] where condition.fieldCode?.uppercased() == "GENERAL_INFO_IDENTIFIER" {
            let has = order.identifierTags.contains { $0.caseInsensitiveCompare(condition.value ?? "") == .orderedSame }
            if condition.type?.lowercased() == "not" ? has : !has { return false }
        }
        for condition in filter.booleanFields ?? [] {
            switch condition.fieldCode?.uppercased() {
            case "GENERAL_INFO_PARKED", "GENERAL_INFO_IS_PARKED":
                if order.isParked != (condition.value ?? false) { return false }
            default:
                continue
            }
        }
        return true
    }

    static func text(_ field: String, _ type: String?, _ wanted: String) -> Bool {
        let field = field.lowercased()
        let wanted = wanted.lowercased()
        switch type?.lowercased() {
        case "contains": return field.contains(wanted)
        case "startwith", "startswith": return field.hasPrefix(wanted)
        case "endswith", "endwith": return field.hasSuffix(wanted)
        default: return field == wanted
        }
    }
}
