import CLibXML2

/// Re-reads JUnit XML with libxml2 (`xmlCtxtReadMemory`, no network access).
public enum JUnitReader {
    /// libxml2's well-formedness errors for `xml`; empty when the document is well-formed.
    public static func wellFormednessErrors(_ xml: [UInt8]) -> [String] {
        let parsed = LibXML.parse(xml)
        if let document = parsed.document { xmlFreeDoc(document) }
        return parsed.errors
    }

    /// Parses `xml` into an element tree; throws with libxml2's messages if it is not well-formed.
    public static func parse(_ xml: [UInt8]) throws(JUnitWriteError) -> XMLElementNode {
        let parsed = LibXML.parse(xml)
        guard let document = parsed.document else {
            throw JUnitWriteError(message: "not well-formed XML: " + parsed.errors.joined(separator: "; "))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw JUnitWriteError(message: "document has no root element")
        }
        return element(root, in: document)
    }

    private static func element(_ node: xmlNodePtr, in document: xmlDocPtr) -> XMLElementNode {
        var result = XMLElementNode(name: LibXML.string(node.pointee.name))
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            if let chars = xmlNodeListGetString(document, current.pointee.children, 1) {
                value = String(cString: chars)
                specgate_xmlFree(chars)
            }
            result.attributes.append(XMLAttribute(name: LibXML.string(current.pointee.name), value: value))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                result.children.append(element(current, in: document))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                result.text += LibXML.string(current.pointee.content)
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }
}
