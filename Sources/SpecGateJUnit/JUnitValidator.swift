import CLibXML2

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// XSD validation of JUnit XML through libxml2 (`xmlSchemaValidateDoc`).
///
/// Holds the schema text, not libxml2 objects, so it is a plain `Sendable` value; each call parses
/// the (small) schema afresh.
public struct JUnitValidator: Sendable {
    /// Where the schema was read from (used in messages).
    public let xsdPath: String
    private let schemaBytes: [UInt8]

    /// Reads and compiles the schema at `xsdPath`; throws if it is unreadable or not a valid XSD.
    public init(xsdPath: String) throws(JUnitWriteError) {
        guard let data = FileManager.default.contents(atPath: xsdPath) else {
            throw JUnitWriteError(path: xsdPath, message: "cannot read the schema")
        }
        self.xsdPath = xsdPath
        self.schemaBytes = [UInt8](data)
        var problems: [String] = []
        let compiled = withSchema(errors: &problems) { _ in true }
        if compiled != true {
            throw JUnitWriteError(path: xsdPath, message: "invalid XML schema: " + problems.joined(separator: "; "))
        }
    }

    /// Validates the whole document; returns libxml2's messages (well-formedness or validity),
    /// empty when the document is valid.
    public func validate(xml: [UInt8]) -> [String] {
        let parsed = LibXML.parse(xml)
        guard let document = parsed.document else { return parsed.errors }
        defer { xmlFreeDoc(document) }
        return validate(document: document)
    }

    /// Validates each `testsuite` element on its own (the root itself if it is a `testsuite`, else
    /// every `testsuite` child of the root), copying it into its own document first — as needed
    /// for Surefire's schema, whose root is `testsuite`. Messages are prefixed with `testsuite[i]`
    /// (1-based); empty when all are valid.
    public func validateEachTestSuite(xml: [UInt8]) -> [String] {
        let parsed = LibXML.parse(xml)
        guard let document = parsed.document else { return parsed.errors }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return ["document has no root element"] }
        var suites: [xmlNodePtr] = []
        if LibXML.string(root.pointee.name) == "testsuite" {
            suites = [root]
        } else {
            var child = root.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, LibXML.string(node.pointee.name) == "testsuite" {
                    suites.append(node)
                }
                child = node.pointee.next
            }
        }
        var messages: [String] = []
        for (index, suite) in suites.enumerated() {
            guard let single = LibXML.withXMLChars("1.0", { xmlNewDoc($0) }) else {
                return messages + ["libxml2: xmlNewDoc failed"]
            }
            defer { xmlFreeDoc(single) }
            guard let copy = xmlDocCopyNode(suite, single, 1) else {
                messages.append("testsuite[\(index + 1)]: libxml2 could not copy the element")
                continue
            }
            xmlDocSetRootElement(single, copy)
            messages += validate(document: single).map { "testsuite[\(index + 1)]: \($0)" }
        }
        return messages
    }

    private func validate(document: xmlDocPtr) -> [String] {
        var schemaProblems: [String] = []
        let outcome: (code: Int32, messages: [String])? = withSchema(errors: &schemaProblems) { schema in
            guard let context = xmlSchemaNewValidCtxt(schema) else {
                return (-1, ["libxml2: cannot create a validation context"])
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            var messages: [String] = []
            let code = withUnsafeMutablePointer(to: &messages) { sink in
                xmlSchemaSetValidStructuredErrors(
                    context, { LibXML.collectSchemaError($0, $1) }, UnsafeMutableRawPointer(sink))
                return xmlSchemaValidateDoc(context, document)
            }
            return (code, messages)
        }
        guard let outcome else {
            return ["\(xsdPath): the schema could not be compiled"] + schemaProblems
        }
        if outcome.code != 0, outcome.messages.isEmpty {
            return ["libxml2 schema validation failed (code \(outcome.code))"]
        }
        return outcome.messages
    }

    /// Compiles the schema and runs `body` with it; nil (with `errors` filled) if it does not compile.
    private func withSchema<R>(errors: inout [String], _ body: (xmlSchemaPtr) -> R) -> R? {
        xmlInitParser()
        let parserContext: xmlSchemaParserCtxtPtr? = schemaBytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlSchemaNewMemParserCtxt($0, Int32(clamping: buffer.count))
                }
            }
        }
        guard let parserContext else {
            errors.append("libxml2: cannot create a schema parser context")
            return nil
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let schema: xmlSchemaPtr? = withUnsafeMutablePointer(to: &errors) { sink in
            xmlSchemaSetParserStructuredErrors(
                parserContext, { LibXML.collectSchemaError($0, $1) }, UnsafeMutableRawPointer(sink))
            return xmlSchemaParse(parserContext)
        }
        guard let schema else { return nil }
        defer { xmlSchemaFree(schema) }
        return body(schema)
    }
}
