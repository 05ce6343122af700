import SpecGateCore
import SpecGateJSON
import Testing

/// Shape extraction (`ResponseShape`) and shape differences (`ShapeDifference`).
@Suite struct CompareShapeTests {
    func json(_ text: String) throws -> JSONValue { try JSONParser().parse(Array(text.utf8)) }

    @Test func shapeHasTypesByCollapsedPointerAndNoValues() throws {
        let body = try json(
            #"{"status":"success","data":[{"id":1,"uid":"a","n":null},{"id":2.5,"uid":"b","tags":["x"]}],"a/b":true}"#)
        let shape = ResponseShape.extract(body)
        #expect(shape.types[""] == ["object"])
        #expect(shape.types["/data"] == ["array"])
        #expect(shape.types["/data/*"] == ["object"])
        #expect(shape.types["/data/*/id"] == ["number"], "integers and decimals are one type")
        #expect(shape.types["/data/*/n"] == ["null"])
        #expect(shape.types["/data/*/tags/*"] == ["string"])
        #expect(shape.types["/a~1b"] == ["boolean"], "keys are escaped as JSON Pointer tokens")
        #expect(shape.types["/data/0/id"] == nil, "array indices are collapsed")
        #expect(shape.enumValues.isEmpty, "values are recorded only at enum pointers")
    }

    @Test func valuesOtherThanEnumsDoNotChangeTheShape() throws {
        let a = ResponseShape.extract(
            try json(#"{"data":{"id":1,"uid":"x1","start":"2024-08-13T09:00:00Z","status":"accepted"}}"#),
            enumPointers: ["/data/status"])
        let b = ResponseShape.extract(
            try json(#"{"data":{"id":977,"uid":"zz","start":"2030-01-01T00:00:00Z","status":"accepted"}}"#),
            enumPointers: ["/data/status"])
        #expect(a == b)
        #expect(ShapeDifference.between(a, b).isEmpty)
        #expect(a.enumValues["/data/status"] == [#""accepted""#])
    }

    @Test func enumValuesThatDifferAreReported() throws {
        let a = ResponseShape.extract(try json(#"{"status":"success","data":{}}"#), enumPointers: ["/status"])
        let b = ResponseShape.extract(try json(#"{"status":"succeeded","data":{}}"#), enumPointers: ["/status"])
        let differences = ShapeDifference.between(a, b)
        #expect(
            differences == [
                ShapeDifference(pointer: "/status", kind: .enumValues, a: [#""success""#], b: [#""succeeded""#])
            ])
        #expect(differences.first?.line == #"/status: enum values A "success", B "succeeded""#)
    }

    @Test func missingFieldsAndTypeChangesAreReportedOncePerField() throws {
        let a = ResponseShape.extract(try json(#"{"data":{"id":1,"title":"t","host":{"id":1,"name":"n"}}}"#))
        let b = ResponseShape.extract(try json(#"{"data":{"id":"1","extra":true}}"#))
        let differences = ShapeDifference.between(a, b)
        #expect(differences.map(\.pointer) == ["/data/extra", "/data/host", "/data/id", "/data/title"])
        #expect(
            differences.map(\.kind) == [.onlyInB, .onlyInA, .types, .onlyInA],
            "members of a missing object are not repeated")
        #expect(differences[2].line == "/data/id: type A number, B string")
    }

    @Test func anEmptyArrayIsAValueNotAShapeDifference() throws {
        let a = ResponseShape.extract(try json(#"{"data":[{"id":1,"attendees":[{"name":"a"}]}]}"#))
        let b = ResponseShape.extract(try json(#"{"data":[]}"#))
        let c = ResponseShape.extract(try json(#"{"data":[{"id":2,"attendees":[]}]}"#))
        #expect(ShapeDifference.between(a, b).isEmpty)
        #expect(ShapeDifference.between(a, c).isEmpty)
        // But an array that became an object is.
        let d = ResponseShape.extract(try json(#"{"data":{"id":1}}"#))
        #expect(ShapeDifference.between(a, d).contains { $0.pointer == "/data" && $0.kind == .types })
    }
}
