import SpecGateCore
import SpecGateHTTP

/// The transport a run sends through: puts the current run-time secret into each request in place of
/// its placeholder, re-sends once a request that answered 401 after refreshing the secret, and masks
/// every issued secret in responses. Without a provider it is the plain transport.
struct RunTransport: Sendable {
    let http: HTTPTransport
    let credentials: [CredentialProvider]

    init(_ http: HTTPTransport, credentials: [CredentialProvider] = []) {
        self.http = http
        self.credentials = credentials
    }

    func url(for request: PreparedRequest) -> String { http.url(for: request) }

    func shutdown() async { await http.shutdown() }

    func send(_ request: PreparedRequest, index: Int = 0) async -> Exchange {
        // The provider whose placeholder the request carries (the owner's or an identity's), if any.
        let found = credentials.lazy.compactMap { provider -> (CredentialProvider, String)? in
            guard let carried = request.header(provider.header), carried.contains(provider.placeholder) else {
                return nil
            }
            return (provider, carried)
        }.first
        guard let (credentials, carried) = found else { return await http.send(request, index: index) }
        let placeholder = credentials.placeholder
        let token: String
        do {
            token = try await credentials.current()
        } catch {
            // Cannot happen after the first fetch succeeded (the previous secret is kept); send the placeholder.
            return await mask(http.send(request, index: index), credentials: credentials, sent: request)
        }
        var exchange = await http.send(
            substituting(token, in: request, placeholder: placeholder, header: credentials.header), index: index)
        // Only a well-formed credential that was refused may have expired (not the malformed-credential mutation).
        if carried == credentials.placeholderHeaderValue, case .success(let response) = exchange.result,
            response.status == 401
        {
            let fresh = await credentials.refresh(replacing: token)
            if fresh != token {
                await credentials.noteResent()
                exchange = await http.send(
                    substituting(fresh, in: request, placeholder: placeholder, header: credentials.header), index: index
                )
            }
        }
        return await mask(exchange, credentials: credentials, sent: request)
    }

    private func substituting(_ token: String, in request: PreparedRequest, placeholder: String, header: String)
        -> PreparedRequest
    {
        var copy = request
        let lower = header.lowercased()
        copy.headers = request.headers.map { header in
            header.name.lowercased() == lower
                ? HeaderField(name: header.name, value: header.value.replacingOccurrences(of: placeholder, with: token))
                : header
        }
        return copy
    }

    /// The exchange as recorded: the request with its placeholder, every issued secret in the response
    /// replaced by the placeholder.
    private func mask(_ exchange: Exchange, credentials: CredentialProvider, sent: PreparedRequest) async -> Exchange {
        var masked = exchange
        masked.request = sent
        let issued = await credentials.issued.filter { $0.count >= 4 }
        guard !issued.isEmpty, case .success(var response) = exchange.result else { return masked }
        func clean(_ text: String) -> String {
            issued.reduce(text) { $0.replacingOccurrences(of: $1, with: credentials.placeholder) }
        }
        response.headers = response.headers.map { HeaderField(name: $0.name, value: clean($0.value)) }
        if let text = String(validating: response.body, as: UTF8.self) {
            let cleaned = clean(text)
            if cleaned != text { response.body = Array(cleaned.utf8) }
        }
        masked.result = .success(response)
        return masked
    }
}
