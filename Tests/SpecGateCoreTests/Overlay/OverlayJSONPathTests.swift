import SpecGateJSON
import Testing

@testable import SpecGateCore

private func json(_ text: String) throws -> JSONValue {
    try JSONParser().parse(Array(text.utf8))
}

private func select(_ path: String, _ document: JSONValue) throws -> [String] {
    try JSONPath(path).select(in: document).map(\.description)
}

private let store: JSONValue = [
    "store": [
        "book": [
            ["category": "reference", "author": "Rees", "title": "Sayings", "price": 8.95],
            ["category": "fiction", "author": "Waugh", "title": "Sword", "price": 12.99],
            ["category": "fiction", "author": "Melville", "title": "Moby", "isbn": "0-553", "price": 8.99],
            ["category": "fiction", "author": "Tolkien", "title": "Rings", "isbn": "0-395", "price": 22.99],
        ],
        "bicycle": ["color": "red", "price": 399],
    ]
]

@Suite struct OverlayJSONPathTests {
    @Test func rootAndDotNames() throws {
        #expect(try select("$", store) == [""])
        #expect(try select("$.store.bicycle.color", store) == ["/store/bicycle/color"])
        #expect(try select("$.store.missing", store) == [])
    }

    @Test func bracketNamesWithEscapesAndSlashes() throws {
        let doc: JSONValue = [
            "paths": ["/v2/bookings/{bookingUid}/reassign": ["post": ["operationId": "x"]]], "a'b": 1, "t\"q": 2,
        ]
        #expect(
            try select("$.paths['/v2/bookings/{bookingUid}/reassign'].post", doc) == [
                "/paths/~1v2~1bookings~1{bookingUid}~1reassign/post"
            ])
        #expect(try select("$['a\\'b']", doc) == ["/a'b"])
        #expect(try select("$[\"t\\\"q\"]", doc) == ["/t\"q"])
        #expect(try select("$['\\u0061\\u0027b']", doc) == ["/a'b"])
        #expect(try select("$[ 'a\\'b' , 't\"q' ]", doc) == ["/a'b", "/t\"q"])
    }

    @Test func wildcards() throws {
        #expect(try select("$.store.bicycle.*", store) == ["/store/bicycle/color", "/store/bicycle/price"])
        #expect(try select("$.store.book[*].author", store).count == 4)
        #expect(try select("$.store.bicycle.color.*", store) == [])
    }

    @Test func indicesAndSlices() throws {
        #expect(try select("$.store.book[0].title", store) == ["/store/book/0/title"])
        #expect(try select("$.store.book[-1].title", store) == ["/store/book/3/title"])
        #expect(try select("$.store.book[4]", store) == [])
        #expect(try select("$.store.book[1:3]", store) == ["/store/book/1", "/store/book/2"])
        #expect(try select("$.store.book[:2]", store) == ["/store/book/0", "/store/book/1"])
        #expect(try select("$.store.book[::2]", store) == ["/store/book/0", "/store/book/2"])
        #expect(
            try select("$.store.book[::-1]", store) == [
                "/store/book/3", "/store/book/2", "/store/book/1", "/store/book/0",
            ])
        #expect(try select("$.store.book[-2:]", store) == ["/store/book/2", "/store/book/3"])
        #expect(try select("$.store.book[0:4:0]", store) == [])
        #expect(try select("$.store.book[0,0]", store) == ["/store/book/0", "/store/book/0"])
    }

    @Test func descendants() throws {
        #expect(try select("$..author", store).count == 4)
        #expect(
            try select("$..price", store) == [
                "/store/book/0/price", "/store/book/1/price", "/store/book/2/price", "/store/book/3/price",
                "/store/bicycle/price",
            ])
        #expect(try select("$.store..[?@.isbn]", store) == ["/store/book/2", "/store/book/3"])
        #expect(
            try select(
                "$..[?@.pattern == 'X']",
                ["a": ["b": ["pattern": "X"], "c": ["pattern": "Y"]], "d": [["pattern": "X"]]])
                == ["/a/b", "/d/0"])
        #expect(try select("$..*", ["a": [1]]) == ["/a", "/a/0"])
    }

    @Test func filterComparisons() throws {
        #expect(
            try select("$.store.book[?@.price < 10].title", store) == ["/store/book/0/title", "/store/book/2/title"])
        #expect(
            try select("$.store.book[?@.price >= 12.99].author", store) == [
                "/store/book/1/author", "/store/book/3/author",
            ])
        #expect(try select("$.store.book[?@.category != 'fiction']", store) == ["/store/book/0"])
        #expect(try select("$.store.book[?@.category == \"fiction\" && @.price > 20]", store) == ["/store/book/3"])
        #expect(try select("$.store.book[?@.price < 9 || @.author == 'Waugh']", store).count == 3)
        #expect(try select("$.store.book[?!@.isbn]", store) == ["/store/book/0", "/store/book/1"])
        #expect(try select("$.store.book[?!(@.price < 10 || @.price > 20)]", store) == ["/store/book/1"])
        #expect(try select("$.store.book[?@.price == $.store.bicycle.price]", store) == [])
        #expect(try select("$.store.book[?@.missing == @.other]", store).count == 4)
        #expect(try select("$[?@ == 1]", [1, 1.0, "1", 2]) == ["/0", "/1"])
        #expect(try select("$[?@ == null]", [JSONValue.null, false]) == ["/0"])
        #expect(try select("$[?@ == true]", [JSONValue.null, true]) == ["/1"])
        #expect(try select("$[?@ < 'b']", ["a", "c", 1]) == ["/0"])
    }

    @Test func functions() throws {
        #expect(try select("$.store.book[?length(@.title) == 4]", store) == ["/store/book/2"])
        #expect(try select("$.store.book[?length(@.title) == 5]", store) == ["/store/book/1", "/store/book/3"])
        #expect(try select("$.store[?count(@.*) == 2]", store) == ["/store/bicycle"])
        #expect(try select("$.store.book[?match(@.author, 'M.*')]", store) == ["/store/book/2"])
        #expect(try select("$.store.book[?search(@.author, 'ol')]", store) == ["/store/book/3"])
        #expect(try select("$.store.book[?value(@..isbn) == '0-553']", store) == ["/store/book/2"])
    }

    @Test(arguments: [
        ("", 0), ("store", 0), ("$.", 2), ("$[", 2), ("$['a'", 5), ("$['a]", 2), ("$[01]", 2), ("$[?@.a ==]", 9),
        ("$[?@.a = 1]", 7), ("$[?foo(@)]", 3), ("$[?@..a == 1]", 3), ("$[?'x']", 3), ("$['\\q']", 4), ("$.a b", 3),
        ("$[?length(@.a)]", 3), ("$[?count(1) == 1]", 9),
    ])
    func syntaxErrors(text: String, offset: Int) {
        #expect(throws: JSONPathError.self) { try JSONPath(text) }
        do {
            _ = try JSONPath(text)
        } catch {
            #expect(error.offset == offset, "\(text): \(error.message)")
        }
    }
}
