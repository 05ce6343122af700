import CLibXML2

/// Thin internal helpers over libxml2: parsing with collected errors, C-string conversion.
enum LibXML {
    /// A parsed document or the errors that prevented it; the caller frees `document` with `xmlFreeDoc`.
    struct Parsed {
        var document: xmlDocPtr?
        var errors: [String]
    }

    /// Parses `bytes` without network access, collecting every error libxml2 reports.
    static func parse(_ bytes: [UInt8], url: String = "report.xml") -> Parsed {
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            return Parsed(document: nil, errors: ["libxml2: cannot create a parser context"])
        }
        defer { xmlFreeParserCtxt(context) }
        var errors: [String] = []
        let options = Int32(XML_PARSE_NONET.rawValue)
        let document: xmlDocPtr? = withUnsafeMutablePointer(to: &errors) { sink in
            context.pointee._private = UnsafeMutableRawPointer(sink)
            if let sax = context.pointee.sax {
                sax.pointee.serror = { userData, error in LibXML.collectParserError(userData, error) }
            }
            defer { context.pointee._private = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                        xmlCtxtReadMemory(context, chars, Int32(clamping: buffer.count), url, "UTF-8", options)
                    }
                }
            }
        }
        if document == nil, errors.isEmpty {
            if let last = xmlCtxtGetLastError(context), let text = format(last) {
                errors.append(text)
            } else {
                errors.append(bytes.isEmpty ? "empty document" : "libxml2 could not parse the document")
            }
        }
        if let document, !errors.isEmpty {
            xmlFreeDoc(document)
            return Parsed(document: nil, errors: errors)
        }
        return Parsed(document: document, errors: errors)
    }

    /// "line N: message" for error-level diagnostics; nil for warnings.
    static func format(_ error: xmlErrorPtr) -> String? {
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return nil }
        var text = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return error.pointee.line > 0 ? "line \(error.pointee.line): \(text)" : text
    }

    /// Name of an element or attribute node.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// Calls `body` with a NUL-terminated `xmlChar` copy of `text`.
    static func withXMLChars<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { cString in
            cString.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1) { body($0) }
        }
    }

    /// Parser errors arrive with the parser context as user data; the sink is in its `_private` field.
    static func collectParserError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
        guard let userData, let error, let text = format(error) else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let sink = context.pointee._private else { return }
        sink.assumingMemoryBound(to: [String].self).pointee.append(text)
    }

    /// Schema parser and validator errors arrive with the sink (`[String]`) itself as user data.
    static func collectSchemaError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
        guard let userData, let error, let text = format(error) else { return }
        userData.assumingMemoryBound(to: [String].self).pointee.append(text)
    }
}
