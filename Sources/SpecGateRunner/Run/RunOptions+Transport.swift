import SpecGateHTTP

extension RunOptions {
    /// The transport settings these options give, for requests to `baseURL`; proxies come from the
    /// environment (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`). Throws for an unusable proxy variable.
    func transportOptions(baseURL: String) throws(TransportError) -> TransportOptions {
        var transportOptions = TransportOptions(baseURL: baseURL)
        transportOptions.concurrency = max(1, concurrency)
        transportOptions.timeout = .milliseconds(Int64(timeoutSeconds * 1000))
        transportOptions.rateLimit = rateLimit
        transportOptions.maxRetries = retries
        transportOptions.maxResponseBytes = maxResponseBytes
        transportOptions.caCertificatePath = caCertificatePath
        transportOptions.proxy = try ProxySettings.fromEnvironment(environment)
        return transportOptions
    }
}
