import Foundation
import SpecGateJSON
import Testing

@testable import SpecGateCore

/// The OpenAPI 3.1.1 style examples table: `color` as "", "blue", ["blue","black","brown"] and {R:100,G:200,B:150}.
@Suite("Parameter serialization")
struct GenerationSerializationTests {
    static let empty: JSONValue = ""
    static let string: JSONValue = "blue"
    static let array: JSONValue = ["blue", "black", "brown"]
    static let object: JSONValue = ["R": 100, "G": 200, "B": 150]

    struct Row: Sendable, CustomStringConvertible {
        var style: ParameterStyle
        var explode: Bool
        var location: ParameterLocation
        var expected: [String?]  // empty, string, array, object (nil: not defined by the table)
        var description: String { "\(style) explode=\(explode)" }
    }

    static let table: [Row] = [
        Row(
            style: .matrix, explode: false, location: .path,
            expected: [";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"]),
        Row(
            style: .matrix, explode: true, location: .path,
            expected: [";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"]),
        Row(
            style: .label, explode: false, location: .path,
            expected: [".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"]),
        Row(
            style: .label, explode: true, location: .path,
            expected: [".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"]),
        Row(
            style: .simple, explode: false, location: .path,
            expected: ["", "blue", "blue,black,brown", "R,100,G,200,B,150"]),
        Row(
            style: .simple, explode: true, location: .path,
            expected: ["", "blue", "blue,black,brown", "R=100,G=200,B=150"]),
        Row(
            style: .form, explode: false, location: .query,
            expected: ["color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"]),
        Row(
            style: .form, explode: true, location: .query,
            expected: ["color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"]),
        Row(
            style: .spaceDelimited, explode: false, location: .query,
            expected: [nil, nil, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"]),
        Row(
            style: .pipeDelimited, explode: false, location: .query,
            expected: [nil, nil, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"]),
        Row(
            style: .deepObject, explode: true, location: .query,
            expected: [nil, nil, nil, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"]),
    ]

    @Test(arguments: table)
    func styleTable(row: Row) {
        let values = [Self.empty, Self.string, Self.array, Self.object]
        for (value, expected) in zip(values, row.expected) {
            guard let expected else { continue }
            let actual = ParameterSerializer.serialize(
                name: "color", value: value, style: row.style, explode: row.explode, location: row.location)
            #expect(actual == expected, "\(row) \(value)")
        }
    }

    @Test func percentEncodingAndAllowReserved() {
        let value: JSONValue = "a b/c?d&é"
        #expect(
            ParameterSerializer.serialize(name: "q", value: value, style: .form, explode: true, location: .query)
                == "q=a%20b%2Fc%3Fd%26%C3%A9")
        #expect(
            ParameterSerializer.serialize(
                name: "q", value: value, style: .form, explode: true, location: .query, allowReserved: true)
                == "q=a%20b/c?d&%C3%A9")
        #expect(
            ParameterSerializer.serialize(name: "id", value: "x/y", style: .simple, explode: false, location: .path)
                == "x%2Fy")
        // Headers are not percent-encoded.
        #expect(
            ParameterSerializer.serialize(name: "h", value: "a b", style: .simple, explode: false, location: .header)
                == "a b")
        #expect(
            ParameterSerializer.serialize(name: "n", value: 1.5, style: .form, explode: true, location: .query)
                == "n=1.5")
        #expect(
            ParameterSerializer.serialize(name: "b", value: true, style: .form, explode: true, location: .cookie)
                == "b=true")
    }

    @Test func bodies() {
        let value: JSONValue = ["name": "Ann Lee", "tags": ["a", "b"], "meta": ["k": 1]]
        let json = BodyEncoder.encode(value, mediaType: "application/json; charset=utf-8")
        #expect(json.contentType == "application/json")
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"name":"Ann Lee","tags":["a","b"],"meta":{"k":1}}"#)
        let form = BodyEncoder.encode(value, mediaType: "application/x-www-form-urlencoded")
        #expect(String(decoding: form.bytes, as: UTF8.self) == "name=Ann%20Lee&tags=a&tags=b&meta=%7B%22k%22%3A1%7D")
        let multipart = BodyEncoder.encode(value, mediaType: "multipart/form-data")
        #expect(multipart.contentType == "multipart/form-data; boundary=" + BodyEncoder.multipartBoundary)
        let text = String(decoding: multipart.bytes, as: UTF8.self)
        #expect(
            text.hasPrefix(
                "--" + BodyEncoder.multipartBoundary
                    + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAnn Lee\r\n"))
        #expect(text.components(separatedBy: "name=\"tags\"").count == 3)
        #expect(text.contains("name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"k\":1}\r\n"))
        #expect(text.hasSuffix("--" + BodyEncoder.multipartBoundary + "--\r\n"))
    }
}

@Suite("Curl rendering")
struct GenerationPlanRenderingTests {
    /// The one renderer every output uses (`plan`, `run --dry-run`, findings, HTML, compare): shell-quoted,
    /// secrets as `$VAR` the shell expands, unknown credentials in sensitive headers redacted.
    @Test func curlLinesQuoteAndMaskSecrets() {
        let masker = SecretMasker(secrets: [
            .init(value: "s3cr3t", placeholder: "$API_KEY"), .init(value: "ABCD", placeholder: "$OTHER"),
        ])
        let text = CurlCommand.render(
            method: .post, url: "https://api.example.com/v2/x?q=a%20b",
            headers: [
                HeaderField(name: "Authorization", value: "Bearer s3cr3t"),
                HeaderField(name: "x-other", value: "tok-ABCD"), HeaderField(name: "x-note", value: "it's"),
                HeaderField(name: "x-api-key", value: "generated-key"),
            ],
            body: Array(#"{"a":"s3cr3t$"}"#.utf8), masker: masker)
        #expect(!text.contains("s3cr3t") && !text.contains("ABCD") && !text.contains("generated-key"))
        #expect(text.hasPrefix("curl -sS -X POST 'https://api.example.com/v2/x?q=a%20b'"))
        #expect(text.contains(#"-H 'Authorization: Bearer '"$API_KEY""#))
        #expect(text.contains(#"-H 'x-other: tok-'"$OTHER""#))
        #expect(text.contains(#"-H 'x-note: it'\''s'"#))
        #expect(text.contains(#"-H 'x-api-key: ***'"#))
        #expect(text.contains(#"--data-binary '{"a":"'"$API_KEY"'$"}'"#))
    }
}
