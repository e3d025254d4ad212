/// When and how long to wait before trying a request again: exponential backoff with full
/// jitter, a bounded number of attempts, and a server's `Retry-After` honoured up to the cap.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// Backoff before the second try.  // seconds
    public var initialDelay: Double
    /// No wait is longer.  // seconds
    public var maxDelay: Double

    public init(maxAttempts: Int = 6, initialDelay: Double = 0.5, maxDelay: Double = 30) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// Whether an HTTP status is worth retrying: rate limits, timeouts and server errors.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 409 || status == 429 || (500...599).contains(status)
    }

    /// The wait before try `attempt + 1` after try `attempt` (1-based) failed: `retryAfter` when
    /// the server gave one, else a uniform draw in [0, initialDelay·2^(attempt−1)] (full jitter,
    /// so that many clients do not retry in step), never above `maxDelay`.  // seconds
    public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(max(retryAfter, 0), maxDelay) }
        let ceiling = min(initialDelay * Double(1 << min(attempt - 1, 30)), maxDelay)
        return Double.random(in: 0...ceiling)
    }
}
