import SpecGateHTTP

extension RunOptions {
    /// The transport settings these options give, for requests to `baseURL`.
    func transportOptions(baseURL: String) -> TransportOptions {
        var transportOptions = TransportOptions(baseURL: baseURL)
        transportOptions.concurrency = max(1, concurrency)
        transportOptions.timeout = .milliseconds(Int64(timeoutSeconds * 1000))
        transportOptions.rateLimit = rateLimit
        transportOptions.maxRetries = retries
        transportOptions.maxResponseBytes = maxResponseBytes
        transportOptions.caCertificatePath = caCertificatePath
        return transportOptions
    }
}
