/// A tag Linnworks can put on an order (`Identifier`), keyed by `Tag`.
///
/// Exists because the open-order export marks each exported order with one (default
/// `EXPORTED`) and leaves marked orders out of the next export.
public struct Identifier: Codable, Sendable, Equatable {
    public var identifierID: Int?
    public var name: String?
    public var tag: String?
    public var isCustom: Bool?
    public var imageID: String?
    public var imageURL: String?

    public init(identifierID: Int? = nil, name: String? = nil, tag: String? = nil, isCustom: Bool? = nil,
                imageID: String? = nil, imageURL: String? = nil) {
        self.identifierID = identifierID
        self.name = name
        self.tag = tag
        self.isCustom = isCustom
        self.imageID = imageID
        self.imageURL = imageURL
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case identifierID = "IdentifierId", name = "Name", tag = "Tag", isCustom = "IsCustom"
        case imageID = "ImageId", imageURL = "ImageUrl"
    }
}

/// `OpenOrders/SaveIdentifier` request: create or update one identifier.
public struct SaveIdentifierRequest: Codable, Sendable, Equatable {
    public var identifier: Identifier?

    public init(identifier: Identifier?) { self.identifier = identifier }

    enum CodingKeys: String, CodingKey, CaseIterable { case identifier = "Identifier" }
}

/// `OpenOrders/AssignOrderIdentifier` request: put `Tag` on these orders.
public struct ChangeOrderIdentifierRequest: Codable, Sendable, Equatable {
    public var orderIDs: [String]?
    public var tag: String?

    public init(orderIDs: [String]?, tag: String?) {
        self.orderIDs = orderIDs
        self.tag = tag
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case orderIDs = "OrderIds", tag = "Tag" }
}

/// Which orders an identifier change touched (`AssignResult`).
public struct AssignResult: Codable, Sendable, Equatable {
    public var changed: [String]?
    public var notChanged: [String]?

    public init(changed: [String]? = nil, notChanged: [String]? = nil) {
        self.changed = changed
        self.notChanged = notChanged
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case changed = "Changed", notChanged = "NotChanged" }
}
