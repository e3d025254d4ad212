import Foundation
import OpenAIWire
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client of an OpenAI-compatible server (vLLM, llama.cpp's server, `proctor serve`): posts a
/// chat or completion request, waits at most `timeout` for the answer, retries rate limits,
/// server errors, timeouts, dropped connections and malformed answers with backoff, and checks
/// the answer's fields.
public final class OpenAIClient: Sendable {
    /// Which API a request goes to.
    public enum Endpoint: String, Sendable {
        /// `POST {base}/chat/completions`: messages, templated by the server.
        case chat = "chat/completions"
        /// `POST {base}/completions`: a raw prompt.
        case completion = "completions"
    }

    /// The API root, such as `http://127.0.0.1:8000/v1`.
    public let baseURL: URL
    /// Per-attempt limit on the whole exchange.  // seconds
    public let timeout: Double
    public let retry: RetryPolicy
    private let apiKey: String?
    private let configuration: URLSessionConfiguration
    /// Called with a line describing each retry.
    private let log: @Sendable (String) -> Void

    public init(baseURL: URL, apiKey: String?, timeout: Double, retry: RetryPolicy = RetryPolicy(),
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.timeout = timeout
        self.retry = retry
        self.log = log
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = 64
        self.configuration = configuration
    }

    /// Sends `request` to `endpoint` and returns its checked answer; `purpose` names the request
    /// in errors and retry lines (e.g. "problem e001, samples 0–3").
    public func generate(_ request: GenerationRequest, endpoint: Endpoint, purpose: String) async throws
        -> GenerationResponse
    {
        let url = baseURL.appendingPathComponent(endpoint.rawValue)
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { urlRequest.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        let body = try JSONEncoder().encode(request)
        urlRequest.timeoutInterval = timeout
        let name = "POST \(url.absoluteString) (\(purpose))"

        var lastFailure = ""
        for attempt in 1...max(retry.maxAttempts, 1) {
            try Task.checkCancellation()
            var retryAfter: Double?
            do {
                let (data, response) = try await exchange(urlRequest, body: body)
                if response.statusCode == 200 {
                    do {
                        return try Self.decode(data, endpoint: endpoint)
                    } catch let error as RemoteError {
                        lastFailure = error.message
                    }
                } else {
                    let detail = Self.serverMessage(data)
                    lastFailure = "HTTP \(response.statusCode)\(detail.map { ": \($0)" } ?? "")"
                    guard RetryPolicy.isRetryable(status: response.statusCode) else {
                        throw RemoteError("\(name): \(lastFailure) (not retried)")
                    }
                    retryAfter = (response.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
                }
            } catch is DeadlineExceeded {
                lastFailure = "no complete answer within \(timeout) s"
            } catch let error as URLError where error.code == .timedOut {
                lastFailure = "no complete answer within \(timeout) s"
            } catch let error as URLError {
                if Task.isCancelled { throw CancellationError() }
                lastFailure = "connection failed: \(error.localizedDescription) (URLError \(error.code.rawValue))"
            }
            guard attempt < retry.maxAttempts else { break }
            let wait = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
            log(String(format: "%@: %@; retry %d of %d in %.1f s", name, lastFailure, attempt, retry.maxAttempts - 1, wait))
            try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
        }
        throw RemoteError("\(name): gave up after \(retry.maxAttempts) attempts; last failure: \(lastFailure)")
    }

    /// One HTTP exchange on a connection of its own, abandoned (and its connection cancelled)
    /// after `timeout` seconds. A session per exchange: on Linux, a URLSession whose pooled
    /// keep-alive connection the server closed without answering can stop completing its
    /// tasks altogether (a run then sat idle, its process spinning in the kernel, until
    /// killed), so no exchange reuses another's connection.
    private func exchange(_ request: URLRequest, body: Data) async throws -> (Data, HTTPURLResponse) {
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        let timeout = timeout
        return try await withThrowingTaskGroup(of: (Data, HTTPURLResponse).self) { group in
            group.addTask { try await Self.send(request, body: body, on: session) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                throw DeadlineExceeded()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    /// A data task bridged to async, cancelled when the calling task is.
    private static func send(_ request: URLRequest, body: Data, on session: URLSession) async throws
        -> (Data, HTTPURLResponse)
    {
        let box = TaskBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.uploadTask(with: request, from: body) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response = response as? HTTPURLResponse {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            box.cancel()
        }
    }

    /// Decodes and checks an answer: every choice carries its text, and at least one choice came.
    static func decode(_ data: Data, endpoint: Endpoint) throws
        -> GenerationResponse
    {
        let response: GenerationResponse
        do {
            response = try JSONDecoder().decode(GenerationResponse.self, from: data)
        } catch let error as DecodingError {
            throw RemoteError("malformed answer: \(error.fieldDescription)")
        } catch {
            throw RemoteError("malformed answer: \(error)")
        }
        guard !response.choices.isEmpty else { throw RemoteError("malformed answer: field choices is empty") }
        for (position, choice) in response.choices.enumerated() {
            switch endpoint {
            case .chat where choice.message == nil:
                throw RemoteError("malformed answer: field choices[\(position)].message is missing")
            case .completion where choice.text == nil:
                throw RemoteError("malformed answer: field choices[\(position)].text is missing")
            default: break
            }
        }
        return response
    }

    /// The `error.message` of an OpenAI-style error body, when there is one.
    static func serverMessage(_ data: Data) -> String? {
        if let body = try? JSONDecoder().decode(ErrorResponse.self, from: data) { return body.error.message }
        let text = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// Thrown by the timer that races an exchange.
struct DeadlineExceeded: Error {}

/// Holds a data task so that a cancellation handler on another thread can cancel it.
private final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var cancelled = false

    func set(_ task: URLSessionTask) {
        let cancelNow = lock.withLock {
            self.task = task
            return cancelled
        }
        if cancelNow { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            return self.task
        }
        task?.cancel()
    }
}
