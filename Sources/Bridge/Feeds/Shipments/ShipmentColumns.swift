import CSV

/// The columns of a shipment confirmation and the header names 3PLs use for them (Documentation/Product.md, "Shipment files").
enum ShipmentColumns {
    static let order = "order"
    static let tracking = "tracking"
    static let service = "service"
    static let weight = "weight"
    static let cost = "cost"
    static let voided = "voided"

    static let all: [ColumnSpec] = [
        ColumnSpec(order, aliases: ["Order Id", "Order Number", "NumOrderId", "Reference", "Order Reference",
                                    "Channel Reference", "Order No", "Order Ref"], required: true),
        ColumnSpec(tracking, aliases: ["Tracking Number", "Tracking", "Tracking Code", "Consignment",
                                       "Consignment Number", "AWB", "Tracking No"]),
        ColumnSpec(service, aliases: ["Carrier", "Courier", "Shipping Service", "Postal Service", "Service",
                                      "Shipping Method"]),
        ColumnSpec(weight, aliases: ["Weight", "Total Weight", "Weight Kg"]),
        ColumnSpec(cost, aliases: ["Postage Cost", "Shipping Cost", "Cost"]),
        ColumnSpec(voided, aliases: ["Voided", "Void", "Cancelled"]),
    ]
}
