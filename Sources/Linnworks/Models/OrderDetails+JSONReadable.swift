/// Fast readers for the order answers (see `JSONReader`): each switch covers every `CodingKeys`
/// case, so the compiler refuses a model property its reader does not read.

extension OrderDetails: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .orderID: orderID = try json.string()
            case .orderNumber: orderNumber = try json.int()
            case .isProcessed: isProcessed = try json.bool()
            case .processedDate: processedDate = try json.string()
            case .fulfilmentLocationID: fulfilmentLocationID = try json.string()
            case .generalInfo: generalInfo = try json.read(OrderGeneralInfo.self)
            case .shippingInfo: shippingInfo = try json.read(OrderShippingInfo.self)
            case .customerInfo: customerInfo = try json.read(OrderCustomerInfo.self)
            case .totalsInfo: totalsInfo = try json.read(OrderTotalsInfo.self)
            case .extendedProperties: extendedProperties = try json.read([ExtendedProperty].self)
            case .folderNames: folderNames = try json.read([String].self)
            case .items: items = try json.read([OrderItem].self)
            case .notes: notes = try json.read([OrderNote].self)
            case .paidDate: paidDate = try json.string()
            case .taxID: taxID = try json.string()
            }
        }
    }
}

extension OrderGeneralInfo: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .status: status = try json.int()
            case .labelPrinted: labelPrinted = try json.bool()
            case .labelError: labelError = try json.string()
            case .invoicePrinted: invoicePrinted = try json.bool()
            case .invoicePrintError: invoicePrintError = try json.string()
            case .pickListPrinted: pickListPrinted = try json.bool()
            case .pickListPrintError: pickListPrintError = try json.string()
            case .isRuleRun: isRuleRun = try json.bool()
            case .noteCount: noteCount = try json.int()
            case .isPartShipped: isPartShipped = try json.bool()
            case .marker: marker = try json.int()
            case .isParked: isParked = try json.bool()
            case .identifiers: identifiers = try json.read([Identifier].self)
            case .reference: reference = try json.string()
            case .secondaryReference: secondaryReference = try json.string()
            case .externalReference: externalReference = try json.string()
            case .receivedDate: receivedDate = try json.string()
            case .source: source = try json.string()
            case .subSource: subSource = try json.string()
            case .siteCode: siteCode = try json.string()
            case .isOnHoldOrCancelled: isOnHoldOrCancelled = try json.bool()
            case .despatchByDate: despatchByDate = try json.string()
            case .scheduledDelivery: scheduledDelivery = try json.read(ScheduledDelivery.self)
            case .hasScheduledDelivery: hasScheduledDelivery = try json.bool()
            case .locationID: locationID = try json.string()
            case .itemCount: itemCount = try json.int()
            case .pickwaveIDs: pickwaveIDs = try json.read([Int].self)
            case .stockAllocationType: stockAllocationType = try json.string()
            }
        }
    }
}

extension ScheduledDelivery: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .from: from = try json.string()
            case .to: to = try json.string()
            }
        }
    }
}

extension ExtendedProperty: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .rowID: rowID = try json.string()
            case .name: name = try json.string()
            case .value: value = try json.string()
            case .type: type = try json.string()
            }
        }
    }
}

extension OrderNote: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .noteID: noteID = try json.string()
            case .orderID: orderID = try json.string()
            case .noteDate: noteDate = try json.string()
            case .isInternal: isInternal = try json.bool()
            case .note: note = try json.string()
            case .createdBy: createdBy = try json.string()
            case .noteTypeID: noteTypeID = try json.int()
            }
        }
    }
}

extension OrderCustomerInfo: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .channelBuyerName: channelBuyerName = try json.string()
            case .address: address = try json.read(CustomerAddress.self)
            case .billingAddress: billingAddress = try json.read(CustomerAddress.self)
            }
        }
    }
}

extension CustomerAddress: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .email: email = try json.string()
            case .address1: address1 = try json.string()
            case .address2: address2 = try json.string()
            case .address3: address3 = try json.string()
            case .town: town = try json.string()
            case .region: region = try json.string()
            case .postCode: postCode = try json.string()
            case .country: country = try json.string()
            case .continent: continent = try json.string()
            case .fullName: fullName = try json.string()
            case .company: company = try json.string()
            case .phoneNumber: phoneNumber = try json.string()
            case .countryID: countryID = try json.string()
            }
        }
    }
}

extension OrderShippingInfo: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .vendor: vendor = try json.string()
            case .postalServiceID: postalServiceID = try json.string()
            case .postalServiceName: postalServiceName = try json.string()
            case .totalWeight: totalWeight = try json.double()
            case .itemWeight: itemWeight = try json.double()
            case .packageCategoryID: packageCategoryID = try json.string()
            case .packageCategory: packageCategory = try json.string()
            case .packageTypeID: packageTypeID = try json.string()
            case .packageType: packageType = try json.string()
            case .postageCost: postageCost = try json.double()
            case .postageCostExTax: postageCostExTax = try json.double()
            case .trackingNumber: trackingNumber = try json.string()
            case .isManualAdjust: isManualAdjust = try json.bool()
            }
        }
    }
}

extension OrderTotalsInfo: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .subtotal: subtotal = try json.double()
            case .postageCost: postageCost = try json.double()
            case .postageCostExTax: postageCostExTax = try json.double()
            case .tax: tax = try json.double()
            case .totalCharge: totalCharge = try json.double()
            case .paymentMethod: paymentMethod = try json.string()
            case .paymentMethodID: paymentMethodID = try json.string()
            case .profitMargin: profitMargin = try json.double()
            case .totalDiscount: totalDiscount = try json.double()
            case .currency: currency = try json.string()
            case .countryTaxRate: countryTaxRate = try json.double()
            case .conversionRate: conversionRate = try json.double()
            }
        }
    }
}

extension Identifier: JSONReadable {
    private static let keys = JSONKeyTable<CodingKeys>()

    init(reading json: inout JSONReader) throws(JSONReaderGaveUp) {
        self.init()
        try Self.keys.readObject(&json) { key, json throws(JSONReaderGaveUp) in
            switch key {
            case .identifierID: identifierID = try json.int()
            case .name: name = try json.string()
            case .tag: tag = try json.string()
            case .isCustom: isCustom = try json.bool()
            case .imageID: imageID = try json.string()
            case .imageURL: imageURL = try json.string()
            }
        }
    }
}
