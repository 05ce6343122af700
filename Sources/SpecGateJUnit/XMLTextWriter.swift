import CLibXML2

/// Internal wrapper over libxml2's `xmlTextWriter` writing into memory; every failing call throws.
/// Values must already be sanitized (see `XMLText.sanitize`).
struct XMLTextWriter: ~Copyable {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    init() throws(JUnitWriteError) {
        xmlInitParser()
        guard let buffer = xmlBufferCreate() else {
            throw JUnitWriteError(message: "libxml2: xmlBufferCreate failed")
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw JUnitWriteError(message: "libxml2: xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func startDocument() throws(JUnitWriteError) {
        try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
        try check(
            LibXML.withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) }, "xmlTextWriterSetIndentString")
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    func startElement(_ name: String) throws(JUnitWriteError) {
        try check(LibXML.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws(JUnitWriteError) {
        let rc = LibXML.withXMLChars(name) { n in
            LibXML.withXMLChars(value) { v in xmlTextWriterWriteAttribute(writer, n, v) }
        }
        try check(rc, "attribute \(name)")
    }

    /// Escaped character data (never CDATA, so `]]>` needs no special care).
    func text(_ value: String) throws(JUnitWriteError) {
        try check(LibXML.withXMLChars(value) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    func endElement() throws(JUnitWriteError) {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// Ends the document, flushes and returns the bytes written (ending with a newline).
    func finish() throws(JUnitWriteError) -> [UInt8] {
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        var bytes = Array(UnsafeBufferPointer(start: content, count: count))
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    private func check(_ rc: Int32, _ what: String) throws(JUnitWriteError) {
        if rc < 0 { throw JUnitWriteError(message: "libxml2 xmlTextWriter failed: \(what)") }
    }
}
