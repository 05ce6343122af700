import SpecGateCore
import SpecGateJSON
import Testing

/// `ResponseEnums`: the enum sites of a body schema, and its observer, which walks a body once for all of
/// them (sites on one path, array items, a value listed twice in an enum).
@Suite struct ResponseEnumsTests {
    static let specText = """
        openapi: 3.0.3
        info: {title: Enums, version: "1"}
        paths:
          /bookings:
            get:
              operationId: listBookings
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          status: {type: string, enum: [success, error]}
                          data:
                            type: array
                            items:
                              oneOf:
                                - $ref: '#/components/schemas/Single'
                                - $ref: '#/components/schemas/Recurring'
        components:
          schemas:
            Single:
              type: object
              properties:
                status: {type: string, enum: [accepted, cancelled]}
                attendees:
                  type: array
                  items:
                    type: object
                    properties:
                      language: {type: string, enum: [en, fr, de, en]}
            Recurring:
              type: object
              properties:
                status: {type: string, enum: [accepted, pending, cancelled]}
                every: {type: integer, enum: [1, 7]}
        """

    @Test func observerFindsWhatAWalkPerSiteFinds() throws {
        let spec = try Fixtures.spec(text: Self.specText)
        let operation = try #require(spec.operation(id: "listBookings"))
        let schema = try #require(operation.responses.first?.content.first?.schema)
        let enums = ResponseEnums(spec: spec, operations: spec.operations)
        let observer = try #require(enums.observer(for: schema))
        let sites = observer.sites
        #expect(
            sites.map { $0.path.joined(separator: "/") }.sorted() == [
                "data/*/attendees/*/language", "data/*/every", "data/*/status", "data/*/status", "status",
            ])
        let body = try JSONParser().parse(
            Array(
                """
                {"status": "success", "data": [
                  {"status": "cancelled", "attendees": [{"language": "en"}, {"language": "de"}, {"language": "xx"}]},
                  {"status": "pending", "every": 7},
                  {"status": 3, "attendees": "none"},
                  "not an object"
                ]}
                """.utf8))
        var found: [String: Set<Int>] = [:]
        observer.observe(body) { site, positions in
            found[sites[site].location.description, default: []].formUnion(positions)
        }
        // The same, one site at a time with ==, as the judge did before the observer.
        var expected: [String: Set<Int>] = [:]
        for site in sites {
            var values = [body]
            for token in site.path {
                values = values.flatMap { value -> [JSONValue] in
                    switch value {
                    case .array(let items) where token == "*": return items
                    case .object(let object): return object[token].map { [$0] } ?? []
                    default: return []
                    }
                }
            }
            for value in values {
                for (i, candidate) in site.values.enumerated() where candidate == value {
                    expected[site.location.description, default: []].insert(i)
                }
            }
        }
        #expect(found == expected)
        // "en" is listed twice: both positions. Both items meet both oneOf branches' status sites: Single's
        // enum holds "cancelled" (1), Recurring's "pending" (1) and "cancelled" (2); `every` = 7 is index 1.
        #expect(found.values.contains([0, 3, 2]))
        #expect(found.values.contains([1, 2]))
        #expect(found.values.filter { $0 == [1] }.count == 2)
        #expect(found.values.contains([0]), "success")
        #expect(found.count == 5)
    }

    @Test func aSchemaWithoutEnumsHasNoObserver() throws {
        let spec = try Fixtures.spec(
            text: """
                openapi: 3.0.3
                info: {title: Plain, version: "1"}
                paths:
                  /x:
                    get:
                      operationId: x
                      responses:
                        '200':
                          description: OK
                          content:
                            application/json:
                              schema: {type: object, properties: {a: {type: string}}}
                """)
        let schema = try #require(spec.operation(id: "x")?.responses.first?.content.first?.schema)
        #expect(ResponseEnums(spec: spec, operations: spec.operations).observer(for: schema) == nil)
    }
}
