import SpecGateCore
import SpecGateJSON
import Testing

/// The real Cal.com API v2 document (specs/calcom/openapi-v2.json).
@Suite struct LoadCalcomTests {
    static let spec = Result { () throws(SpecLoadError) -> APISpec in
        let documents = try DocumentSetLoader(provider: DiskProvider())
            .load(rootURI: Fixtures.repositoryURI("specs/calcom/openapi-v2.json"))
        return try OpenAPIModelBuilder.build(documents)
    }

    @Test func loadsEveryOperation() throws {
        let spec = try Self.spec.get()
        #expect(spec.openAPIVersion == "3.0.0")
        #expect(spec.dialect == .openAPI30)
        #expect(spec.operations.count == 285)
        #expect(spec.operations.filter { $0.tags.contains("Bookings") }.count == 17)
        #expect(spec.operations.allSatisfy { $0.operationId != nil })
        // A real defect of the document: two operationIds are used twice each.
        #expect(Set(spec.operations.map(\.id)).count == 283)
    }

    @Test func reassignToUserOperation() throws {
        let spec = try Self.spec.get()
        let operation = try #require(
            spec.operations.first { $0.method == .post && $0.path == "/v2/bookings/{bookingUid}/reassign/{userId}" })
        #expect(operation.tags == ["Bookings"])
        let bookingUid = try #require(operation.parameters.first { $0.name == "bookingUid" })
        let userId = try #require(operation.parameters.first { $0.name == "userId" })
        #expect(bookingUid.location == .path && userId.location == .path)
        #expect(spec.documents.value(at: try #require(bookingUid.schema))?["type"] == "string")
        #expect(spec.documents.value(at: try #require(userId.schema))?["type"] == "number")
        let headers = operation.parameters(in: .header)
        #expect(Set(headers.map(\.name)) == ["Authorization", "cal-api-version"])
        #expect(headers.allSatisfy { $0.required })
        let body = try #require(operation.requestBody)
        #expect(body.content.map(\.mediaType) == ["application/json"])
        #expect(body.content.first?.isJSON == true)
        let ok = try #require(operation.response(for: 200))
        let schema = try #require(ok.content.first { $0.isJSON }?.schema)
        #expect(schema.pointer == JSONPointer(tokens: ["components", "schemas", "ReassignBookingOutput_2024_08_13"]))
        #expect(spec.documents.value(at: schema)?["required"] == ["status", "data"])
    }
}
