/// The wire spelling of every member name a request object may carry.
///
/// Exists because ASP.NET binds JSON members ignoring case (a client sends `LocationID`
/// or `sku`), while Swift's decoder matches exactly; request JSON is re-keyed to these
/// spellings before it is decoded into the shared models.
enum CanonicalKeys {
    static let names: [String] = [
        "SKU", "LocationId", "Level", "PostalServiceId", "TotalWeight", "ItemWeight", "PostageCost",
        "TrackingNumber", "ManualAdjust", "Module", "TextFields", "BooleanFields", "NumericFields",
        "DateFields", "ListFields", "FieldVisibility", "Type", "Text", "FieldCode", "Value", "DateFrom",
        "DateTo", "Direction", "Order", "Identifier", "IdentifierId", "Name", "Tag", "IsCustom", "ImageId",
        "ImageUrl", "OrderIds", "StockItemIds", "DetailLevel", "ViewId", "EntriesPerPage", "PageNumber",
        "ApplicationId", "ApplicationSecret", "Token", "Visible", "CanFilter", "CanSort", "FieldType", "Code",
        "SubFields", "IsFilterOnly", "HotButtonIcon", "HotButtonKey",
    ]

    private static let byLowercased: [String: String] = Dictionary(
        uniqueKeysWithValues: names.map { ($0.lowercased(), $0) })

    /// Parameter names whose values are credentials; the call log never records them.
    static let secretNames: Set<String> = ["applicationsecret", "token", "request"]

    static func apply(to value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { (byLowercased[$0.0.lowercased()] ?? $0.0, apply(to: $0.1)) })
        case .array(let items):
            return .array(items.map(apply))
        default:
            return value
        }
    }
}
