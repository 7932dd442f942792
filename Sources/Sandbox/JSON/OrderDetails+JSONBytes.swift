import Linnworks

// `OrderDetails` and the parts it is made of, written as `JSONValueEncoder` writes them (see
// `JSONBytesEncodable` for why). Members follow each model's `CodingKeys`, in declaration order;
// each literal carries the `{` or `,` before its key.

extension OrderDetails: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) { writeJSON(to: &out, live: nil) }

    /// With `live`, the identifiers and items' stock written are `live`'s, as if it had been
    /// applied (`LiveOrderFields.apply(to:)`) to these details first.
    func writeJSON(to out: inout [UInt8], live: LiveOrderFields?) {
        out.member(#"{"OrderId":"#, orderID)
        out.member(#","NumOrderId":"#, orderNumber)
        out.member(#","Processed":"#, isProcessed)
        out.member(#","ProcessedDateTime":"#, processedDate)
        out.member(#","FulfilmentLocationId":"#, fulfilmentLocationID)
        if let live, let generalInfo {
            out.appendStatic(#","GeneralInfo":"#)
            generalInfo.writeJSON(to: &out, identifiers: live.identifiers)
        } else {
            out.member(#","GeneralInfo":"#, generalInfo)
        }
        out.member(#","ShippingInfo":"#, shippingInfo)
        out.member(#","CustomerInfo":"#, customerInfo)
        out.member(#","TotalsInfo":"#, totalsInfo)
        out.member(#","ExtendedProperties":"#, extendedProperties)
        out.member(#","FolderName":"#, folderNames)
        if let live, let items {
            out.appendStatic(#","Items":["#)
            for index in items.indices {
                if index > items.startIndex { out.append(UInt8(ascii: ",")) }
                items[index].writeJSON(to: &out, stock: live.stock[index])
            }
            out.append(UInt8(ascii: "]"))
        } else {
            out.member(#","Items":"#, items)
        }
        out.member(#","Notes":"#, notes)
        out.member(#","PaidDateTime":"#, paidDate)
        out.member(#","TaxId":"#, taxID)
        out.endObject()
    }
}

extension OrderGeneralInfo: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) { writeJSON(to: &out, identifiers: identifiers) }

    /// Writes `listed` as the identifiers (an order's tags as they are now).
    func writeJSON(to out: inout [UInt8], identifiers listed: [Identifier]?) {
        out.member(#"{"Status":"#, status)
        out.member(#","LabelPrinted":"#, labelPrinted)
        out.member(#","LabelError":"#, labelError)
        out.member(#","InvoicePrinted":"#, invoicePrinted)
        out.member(#","InvoicePrintError":"#, invoicePrintError)
        out.member(#","PickListPrinted":"#, pickListPrinted)
        out.member(#","PickListPrintError":"#, pickListPrintError)
        out.member(#","IsRuleRun":"#, isRuleRun)
        out.member(#","Notes":"#, noteCount)
        out.member(#","PartShipped":"#, isPartShipped)
        out.member(#","Marker":"#, marker)
        out.member(#","IsParked":"#, isParked)
        out.member(#","Identifiers":"#, listed)
        out.member(#","ReferenceNum":"#, reference)
        out.member(#","SecondaryReference":"#, secondaryReference)
        out.member(#","ExternalReferenceNum":"#, externalReference)
        out.member(#","ReceivedDate":"#, receivedDate)
        out.member(#","Source":"#, source)
        out.member(#","SubSource":"#, subSource)
        out.member(#","SiteCode":"#, siteCode)
        out.member(#","HoldOrCancel":"#, isOnHoldOrCancelled)
        out.member(#","DespatchByDate":"#, despatchByDate)
        out.member(#","ScheduledDelivery":"#, scheduledDelivery)
        out.member(#","HasScheduledDelivery":"#, hasScheduledDelivery)
        out.member(#","Location":"#, locationID)
        out.member(#","NumItems":"#, itemCount)
        out.member(#","PickwaveIds":"#, pickwaveIDs)
        out.member(#","StockAllocationType":"#, stockAllocationType)
        out.endObject()
    }
}

extension ScheduledDelivery: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"From":"#, from)
        out.member(#","To":"#, to)
        out.endObject()
    }
}

extension Identifier: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"IdentifierId":"#, identifierID)
        out.member(#","Name":"#, name)
        out.member(#","Tag":"#, tag)
        out.member(#","IsCustom":"#, isCustom)
        out.member(#","ImageId":"#, imageID)
        out.member(#","ImageUrl":"#, imageURL)
        out.endObject()
    }
}

extension OrderShippingInfo: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Vendor":"#, vendor)
        out.member(#","PostalServiceId":"#, postalServiceID)
        out.member(#","PostalServiceName":"#, postalServiceName)
        out.member(#","TotalWeight":"#, totalWeight)
        out.member(#","ItemWeight":"#, itemWeight)
        out.member(#","PackageCategoryId":"#, packageCategoryID)
        out.member(#","PackageCategory":"#, packageCategory)
        out.member(#","PackageTypeId":"#, packageTypeID)
        out.member(#","PackageType":"#, packageType)
        out.member(#","PostageCost":"#, postageCost)
        out.member(#","PostageCostExTax":"#, postageCostExTax)
        out.member(#","TrackingNumber":"#, trackingNumber)
        out.member(#","ManualAdjust":"#, isManualAdjust)
        out.endObject()
    }
}

extension OrderCustomerInfo: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"ChannelBuyerName":"#, channelBuyerName)
        out.member(#","Address":"#, address)
        out.member(#","BillingAddress":"#, billingAddress)
        out.endObject()
    }
}

extension CustomerAddress: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"EmailAddress":"#, email)
        out.member(#","Address1":"#, address1)
        out.member(#","Address2":"#, address2)
        out.member(#","Address3":"#, address3)
        out.member(#","Town":"#, town)
        out.member(#","Region":"#, region)
        out.member(#","PostCode":"#, postCode)
        out.member(#","Country":"#, country)
        out.member(#","Continent":"#, continent)
        out.member(#","FullName":"#, fullName)
        out.member(#","Company":"#, company)
        out.member(#","PhoneNumber":"#, phoneNumber)
        out.member(#","CountryId":"#, countryID)
        out.endObject()
    }
}

extension OrderTotalsInfo: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"Subtotal":"#, subtotal)
        out.member(#","PostageCost":"#, postageCost)
        out.member(#","PostageCostExTax":"#, postageCostExTax)
        out.member(#","Tax":"#, tax)
        out.member(#","TotalCharge":"#, totalCharge)
        out.member(#","PaymentMethod":"#, paymentMethod)
        out.member(#","PaymentMethodId":"#, paymentMethodID)
        out.member(#","ProfitMargin":"#, profitMargin)
        out.member(#","TotalDiscount":"#, totalDiscount)
        out.member(#","Currency":"#, currency)
        out.member(#","CountryTaxRate":"#, countryTaxRate)
        out.member(#","ConversionRate":"#, conversionRate)
        out.endObject()
    }
}

extension ExtendedProperty: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"RowId":"#, rowID)
        out.member(#","Name":"#, name)
        out.member(#","Value":"#, value)
        out.member(#","Type":"#, type)
        out.endObject()
    }
}

extension OrderNote: JSONBytesEncodable {
    func writeJSON(to out: inout [UInt8]) {
        out.member(#"{"OrderNoteId":"#, noteID)
        out.member(#","OrderId":"#, orderID)
        out.member(#","NoteDate":"#, noteDate)
        out.member(#","Internal":"#, isInternal)
        out.member(#","Note":"#, note)
        out.member(#","CreatedBy":"#, createdBy)
        out.member(#","NoteTypeId":"#, noteTypeID)
        out.endObject()
    }
}
