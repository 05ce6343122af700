import SpecGateJSON

/// Repro files of a run's failing exchanges (failures and errors not baselined), from the report alone:
/// every text is already masked, secrets as `$NAME` placeholders.
public enum ReproExport {
    /// The findings a repro file holds.
    public static func exchanges(_ report: RunReport) -> [Finding] {
        report.findings.filter { !$0.baselined }
    }

    /// Secret placeholders (`$CAL_API_KEY`) named in a text.
    static func variables(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            let after = rest[rest.index(after: dollar)...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if let first = name.first, first.isLetter || first == "_", first.isUppercase || first == "_",
                !names.contains(String(name))
            {
                names.append(String(name))
            }
            rest = after
        }
        return names
    }

    /// `$NAME` placeholders as `{{NAME}}` for the names given.
    static func substituting(_ text: String, _ names: [String]) -> String {
        var out = text
        for name in names.sorted(by: { $0.count > $1.count }) {
            out = out.replacingAll("$" + name, with: "{{" + name + "}}")
        }
        return out
    }

    // MARK: .http (JetBrains HTTP Client / VS Code REST Client)

    /// A `.http` file: one request per finding, separated by `###` lines with the check, operation and
    /// fingerprint; the base URL as `{{baseUrl}}`, secrets as `{{NAME}}` variables read from the environment
    /// (`{{$processEnv NAME}}`; in JetBrains define them in `http-client.private.env.json`).
    public static func httpFile(_ report: RunReport) -> String {
        let findings = exchanges(report)
        var names: [String] = []
        for finding in findings {
            let texts = [finding.request.url] + finding.request.headers.map(\.value) + [finding.request.fullBody ?? ""]
            for name in texts.flatMap(variables(in:)) where !names.contains(name) { names.append(name) }
        }
        var lines = [
            "# SpecGate \(report.suite): \(findings.count) failing exchange\(findings.count == 1 ? "" : "s") (seed \(report.seed))",
            "# Secrets come from the environment; the file holds none.",
            "@baseUrl = " + report.baseURL,
        ]
        for name in names { lines.append("@\(name) = {{$processEnv \(name)}}") }
        lines.append("")
        for finding in findings {
            lines.append("### \(oneLine(finding.check)) — \(oneLine(finding.operationName)) [\(finding.fingerprint)]")
            lines.append("# " + oneLine(finding.message))
            lines.append("# @name f" + finding.fingerprint)
            var url = finding.request.url
            if url.hasPrefix(report.baseURL) { url = "{{baseUrl}}" + url.dropFirst(report.baseURL.count) }
            lines.append(finding.request.method + " " + substituting(url, names))
            for header in finding.request.headers {
                lines.append(header.name + ": " + substituting(oneLine(header.value), names))
            }
            lines.append("")
            if let body = finding.request.fullBody, !body.isEmpty {
                // A line starting with ### would end the request early.
                let safe = body.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.hasPrefix("###") ? " " + $0 : String($0)
                }
                lines.append(substituting(safe.joined(separator: "\n"), names))
                lines.append("")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func oneLine(_ text: String) -> String {
        text.replacingAll("\r", with: " ").replacingAll("\n", with: " ")
    }

    // MARK: HAR 1.2

    /// A HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/): one entry per finding with its
    /// request and the response excerpt (status 0 for a transport error); secrets masked.
    public static func har(_ report: RunReport, creatorVersion: String) -> JSONValue {
        let entries = exchanges(report).map { finding -> JSONValue in
            var request = JSONObject()
            request["method"] = .string(finding.request.method)
            request["url"] = .string(finding.request.url)
            request["httpVersion"] = .string("HTTP/1.1")
            request["cookies"] = .array([])
            request["headers"] = pairs(finding.request.headers)
            request["queryString"] = .array(
                query(finding.request.url).map { ["name": .string($0.0), "value": .string($0.1)] })
            request["headersSize"] = .number(JSONNumber(-1))
            if let body = finding.request.fullBody {
                let mime =
                    finding.request.headers.first { $0.name.lowercased() == "content-type" }?.value
                    ?? "application/octet-stream"
                request["postData"] = ["mimeType": .string(mime), "text": .string(body)]
                request["bodySize"] = .number(JSONNumber(body.utf8.count))
            } else {
                request["bodySize"] = .number(JSONNumber(0))
            }
            var response = JSONObject()
            let status = finding.response?.status ?? 0
            response["status"] = .number(JSONNumber(status))
            response["statusText"] = .string("")
            response["httpVersion"] = .string(finding.response == nil ? "" : "HTTP/1.1")
            response["cookies"] = .array([])
            response["headers"] = pairs(finding.response?.headers ?? [])
            let mime = finding.response?.headers.first { $0.name.lowercased() == "content-type" }?.value ?? ""
            var content = JSONObject()
            content["size"] = .number(JSONNumber(finding.response?.bodyExcerpt?.utf8.count ?? 0))
            content["mimeType"] = .string(mime)
            if let body = finding.response?.bodyExcerpt { content["text"] = .string(body) }
            response["content"] = .object(content)
            response["redirectURL"] = .string("")
            response["headersSize"] = .number(JSONNumber(-1))
            response["bodySize"] = .number(JSONNumber(-1))
            if finding.response == nil { response["_error"] = .string(finding.message) }
            let time = finding.response?.elapsedMilliseconds ?? 0
            var entry = JSONObject()
            entry["startedDateTime"] = .string(report.startedAt)
            entry["time"] = .number(JSONNumber((time * 1000).rounded() / 1000))
            entry["request"] = .object(request)
            entry["response"] = .object(response)
            entry["cache"] = .object(JSONObject())
            entry["timings"] = [
                "send": .number(JSONNumber(0)), "wait": .number(JSONNumber((time * 1000).rounded() / 1000)),
                "receive": .number(JSONNumber(0)),
            ]
            entry["comment"] = .string(
                "\(finding.check) — \(finding.operationName) [\(finding.fingerprint)]: \(finding.message)")
            return .object(entry)
        }
        var log = JSONObject()
        log["version"] = .string("1.2")
        log["creator"] = ["name": .string("specgate"), "version": .string(creatorVersion)]
        log["entries"] = .array(entries)
        log["comment"] = .string("SpecGate \(report.suite), seed \(report.seed): failing exchanges, secrets masked")
        return ["log": .object(log)]
    }

    static func pairs(_ headers: [HeaderField]) -> JSONValue {
        .array(headers.map { ["name": .string($0.name), "value": .string($0.value)] })
    }

    /// The query parameters of a URL, as written (not decoded).
    static func query(_ url: String) -> [(String, String)] {
        guard let mark = url.firstIndex(of: "?") else { return [] }
        let text = url[url.index(after: mark)...].prefix { $0 != "#" }
        return text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }
}
