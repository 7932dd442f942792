/// The filter the order searches take (`FieldsFilter`): text, number, date, list and flag conditions.
///
/// Exists because the export asks for "orders at the 3PL location without the EXPORTED tag"
/// and the shipment feed looks orders up by reference; each is one of these conditions.
public struct FieldsFilter: Codable, Sendable, Equatable {
    public var textFields: [TextFieldFilter]?
    public var booleanFields: [BooleanFieldFilter]?
    public var numericFields: [NumericFieldFilter]?
    public var dateFields: [DateFieldFilter]?
    public var listFields: [ListFieldFilter]?
    public var fieldVisibility: [FieldVisibility]?

    public init(textFields: [TextFieldFilter]? = nil, booleanFields: [BooleanFieldFilter]? = nil,
                numericFields: [NumericFieldFilter]? = nil, dateFields: [DateFieldFilter]? = nil,
                listFields: [ListFieldFilter]? = nil, fieldVisibility: [FieldVisibility]? = nil) {
        self.textFields = textFields
        self.booleanFields = booleanFields
        self.numericFields = numericFields
        self.dateFields = dateFields
        self.listFields = listFields
        self.fieldVisibility = fieldVisibility
    }

    enum CodingKeys: String, CodingKey {
        case textFields = "TextFields", booleanFields = "BooleanFields", numericFields = "NumericFields"
        case dateFields = "DateFields", listFields = "ListFields", fieldVisibility = "FieldVisibility"
    }

    /// Orders that do (`Is`) or do not (`Not`) carry the identifier `tag`.
    public static func identifier(_ tag: String, present: Bool) -> FieldsFilter {
        FieldsFilter(listFields: [ListFieldFilter(fieldCode: "GENERAL_INFO_IDENTIFIER",
                                                  type: present ? "Is" : "Not", value: tag)])
    }
}

/// A text condition: `Type` is Equal, Contains, StartWith or EndsWith.
public struct TextFieldFilter: Codable, Sendable, Equatable {
    public var type: String?
    public var text: String?
    public var fieldCode: String?

    public init(fieldCode: String?, type: String?, text: String?) {
        self.fieldCode = fieldCode
        self.type = type
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case type = "Type", text = "Text", fieldCode = "FieldCode" }
}

/// A yes/no condition.
public struct BooleanFieldFilter: Codable, Sendable, Equatable {
    public var value: Bool?
    public var fieldCode: String?

    public init(fieldCode: String?, value: Bool?) {
        self.fieldCode = fieldCode
        self.value = value
    }

    enum CodingKeys: String, CodingKey { case value = "Value", fieldCode = "FieldCode" }
}

/// A number condition: `Type` is Equal, Greater or Lower.
public struct NumericFieldFilter: Codable, Sendable, Equatable {
    public var type: String?
    public var value: Double?
    public var fieldCode: String?

    public init(fieldCode: String?, type: String?, value: Double?) {
        self.fieldCode = fieldCode
        self.type = type
        self.value = value
    }

    enum CodingKeys: String, CodingKey { case type = "Type", value = "Value", fieldCode = "FieldCode" }
}

/// A date condition: `Type` is Range, OlderThan or LastDays.
public struct DateFieldFilter: Codable, Sendable, Equatable {
    public var dateFrom: String?
    public var dateTo: String?
    public var type: String?
    public var value: Int?
    public var fieldCode: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case dateFrom = "DateFrom", dateTo = "DateTo", type = "Type", value = "Value", fieldCode = "FieldCode"
    }
}

/// A list condition: `Type` is Is or Not (identifiers use `GENERAL_INFO_IDENTIFIER`).
public struct ListFieldFilter: Codable, Sendable, Equatable {
    public var value: String?
    public var type: String?
    public var fieldCode: String?

    public init(fieldCode: String?, type: String?, value: String?) {
        self.fieldCode = fieldCode
        self.type = type
        self.value = value
    }

    enum CodingKeys: String, CodingKey { case value = "Value", type = "Type", fieldCode = "FieldCode" }
}

/// Column visibility of a view; carried through, not used by the bridge.
public struct FieldVisibility: Codable, Sendable, Equatable {
    public var name: String?
    public var isVisible: Bool?
    public var canFilter: Bool?
    public var canSort: Bool?
    public var fieldType: String?
    public var code: String?
    public var subFields: [FieldVisibility]?
    public var isFilterOnly: Bool?
    public var hotButtonIcon: String?
    public var hotButtonKey: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case name = "Name", isVisible = "Visible", canFilter = "CanFilter", canSort = "CanSort"
        case fieldType = "FieldType", code = "Code", subFields = "SubFields", isFilterOnly = "IsFilterOnly"
        case hotButtonIcon = "HotButtonIcon", hotButtonKey = "HotButtonKey"
    }
}

/// One sort key: `Direction` is Ascending or Descending.
public struct FieldSorting: Codable, Sendable, Equatable {
    public var fieldCode: String?
    public var direction: String?
    public var order: Int?

    public init(fieldCode: String?, direction: String?, order: Int? = 0) {
        self.fieldCode = fieldCode
        self.direction = direction
        self.order = order
    }

    enum CodingKeys: String, CodingKey { case fieldCode = "FieldCode", direction = "Direction", order = "Order" }
}
