@testable import Bridge
import Linnworks
import Testing

/// Matching a file's carrier to a Linnworks postal service.
@Suite struct PostalServiceDirectoryTests {
    static func service(id: String?, postalServiceID: String? = nil, name: String?, code: String? = nil, tag: String? = nil) -> PostalService {
        var service = PostalService()
        service.id = id
        service.postalServiceID = postalServiceID
        service.name = name
        service.code = code
        service.tag = tag
        return service
    }

    static let directory = PostalServiceDirectory([service(id: "s1", name: "Royal Mail 48", code: "RM48", tag: "tracked"),
                                                   service(id: nil, postalServiceID: "S2", name: "DPD Classic")],
                                                  aliases: [" DPD Next Day ": "dpd classic"])

    @Test func byNameCodeOrTagCaseAndSpacesAside() {
        for text in ["royal mail 48", " RM48 ", "TRACKED"] { #expect(Self.directory.service(named: text)?.name == "Royal Mail 48") }
        #expect(Self.directory.service(named: "Pigeon") == nil)
    }

    @Test func anAliasNamesAnotherService() {
        #expect(Self.directory.service(named: "dpd next day")?.name == "DPD Classic")
    }

    @Test func byIDEitherField() {
        #expect(Self.directory.service(id: "S1")?.name == "Royal Mail 48")
        #expect(Self.directory.service(id: "s2")?.name == "DPD Classic")
        #expect(Self.directory.service(id: nil) == nil)
    }
}
