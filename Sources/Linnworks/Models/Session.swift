/// What `Auth/AuthorizeByApplication` takes: the app's id and secret and the install token.
///
/// Exists as a model so client and sandbox agree on the three wire keys; the values are
/// secrets, so this type is built only at the moment of sending and never logged.
public struct AuthorizeByApplicationRequest: Codable, Sendable {
    public var applicationID: String?
    public var applicationSecret: String?
    public var token: String?

    public init(applicationID: String? = nil, applicationSecret: String? = nil, token: String? = nil) {
        self.applicationID = applicationID
        self.applicationSecret = applicationSecret
        self.token = token
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "ApplicationId", applicationSecret = "ApplicationSecret", token = "Token"
    }
}

/// The session Linnworks hands back from `AuthorizeByApplication` (`BaseSession`).
///
/// Exists because two of its fields drive every later call: `Token` (the session token, sent
/// raw in `Authorization`) and `Server` (the data host). The rest is kept for completeness.
public struct BaseSession: Codable, Sendable, Equatable {
    public var id: String?
    public var entityID: String?
    public var databaseName: String?
    public var databaseServer: String?
    public var privateDatabaseServer: String?
    public var databaseUser: String?
    public var databasePassword: String?
    public var appName: String?
    public var registrationID: String?
    public var userName: String?
    public var md5Hash: String?
    public var locality: String?
    public var isSuperAdmin: Bool?
    public var ttl: Int?
    public var token: String?
    public var accessToken: String?
    public var groupName: String?
    public var device: String?
    public var deviceType: String?
    public var userType: String?
    public var status: StatusDetails?
    public var userID: String?
    public var properties: [String: String]?
    public var email: String?
    public var server: String?
    public var pushServer: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id = "Id", entityID = "EntityId", databaseName = "DatabaseName", databaseServer = "DatabaseServer"
        case privateDatabaseServer = "PrivateDatabaseServer", databaseUser = "DatabaseUser"
        case databasePassword = "DatabasePassword", appName = "AppName", registrationID = "sid_registration"
        case userName = "UserName", md5Hash = "Md5Hash", locality = "Locality", isSuperAdmin = "SuperAdmin"
        case ttl = "TTL", token = "Token", accessToken = "AccessToken", groupName = "GroupName"
        case device = "Device", deviceType = "DeviceType", userType = "UserType", status = "Status"
        case userID = "UserId", properties = "Properties", email = "Email", server = "Server"
        case pushServer = "PushServer"
    }
}

/// Whether the Linnworks account is usable (`AVAILABLE`) or locked.
public struct StatusDetails: Codable, Sendable, Equatable {
    public var state: String?
    public var reason: String?
    public var parameters: [String: String]?

    public init(state: String? = nil, reason: String? = nil, parameters: [String: String]? = nil) {
        self.state = state
        self.reason = reason
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case state = "State", reason = "Reason", parameters = "Parameters"
    }
}

/// The body Linnworks sends with a 4xx/5xx: `{"Code":"-","Message":"Token is wrong."}`.
///
/// Exists so the client can carry Linnworks' own sentence into a typed error, and so the
/// sandbox answers failures in the same shape.
public struct LinnworksErrorBody: Codable, Sendable, Equatable {
    public var code: String?
    public var message: String?

    public init(code: String? = "-", message: String?) {
        self.code = code
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case code = "Code", message = "Message"
    }
}
