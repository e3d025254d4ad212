import Foundation
import Hummingbird
import NIOCore
import Inference
import OpenAIWire

/// An OpenAI-compatible HTTP server over the native engine: `POST /v1/chat/completions`,
/// `POST /v1/completions`, `GET /v1/models`, `GET /health`. Errors are OpenAI-style JSON
/// (`{"error": {"message", "type", "param", "code"}}`) with 400, 404 or 500. With `stream: true`
/// the answer is server-sent events in OpenAI's chunk format, ended by `data: [DONE]`.
/// With an API key, every `/v1/` request must carry it as `Authorization: Bearer KEY` (401
/// otherwise); `/health` stays open for probes.
public struct OpenAIServer: Sendable {
    public let catalog: ServedModels
    public let host: String
    /// 0 picks a free port; `onListening` is told which.
    public let port: Int
    /// The key `/v1/` requests must present; nil serves anyone who can connect.
    public let apiKey: String?
    /// How long a connection may sit without sending while its request is unread or between
    /// requests before it is closed (a stalled or idle client); a request being answered is
    /// not cut by it (a stream whose client stops reading is, by `writeTimeout`).
    public let idleTimeout: Duration
    /// How long one write of a streamed answer may wait for a client that has stopped reading
    /// before the request is cancelled (its sequences leave the batch) and the connection closed.
    public let writeTimeout: Duration
    /// Largest request body accepted.  // bytes
    public let maxBodyBytes = 16 << 20

    public init(catalog: ServedModels, host: String, port: Int, apiKey: String? = nil,
                idleTimeout: Duration = .seconds(60), writeTimeout: Duration = .seconds(30)) {
        self.catalog = catalog
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
    }

    /// Whether `host` can only be reached from this machine (loopback names and addresses).
    public static func isLoopback(_ host: String) -> Bool { BearerToken.isLoopback(host) }

    /// Serves until the process is interrupted; `onListening` gets the bound port.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let router = Router(context: ConnectionContext.self)
        router.get("/health") { _, _ in Self.json(["status": "ok"]) }
        router.get("/v1/models") { request, _ in
            if let refusal = refusal(request) { return refusal }
            let created = Int(Date().timeIntervalSince1970)
            return Self.json(ModelList(data: catalog.names.map { ModelList.Model(id: $0, created: created) }))
        }
        router.post("/v1/chat/completions") { request, context in await answer(request, on: context.channel, chat: true) }
        router.post("/v1/completions") { request, context in await answer(request, on: context.channel, chat: false) }
        let nanoseconds = idleTimeout.components.seconds * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000
        let app = Application(
            router: router, server: .http1(configuration: .init(idleTimeout: .nanoseconds(nanoseconds))),
            configuration: .init(address: .hostname(host, port: port), serverName: "proctor"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) })
        try await app.runService()
    }

    /// Reads, checks and runs one generation request that came on `channel`; every failure
    /// becomes an error response.
    func answer(_ request: Request, on channel: any Channel, chat: Bool) async -> Response {
        if let refusal = refusal(request) { return refusal }
        do {
            var request = request
            // A body announced as too large is refused before a byte of it is read.
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBodyBytes {
                throw ServingError(.tooLarge, "the request body is larger than \(maxBodyBytes) bytes (Content-Length: \(declared))",
                                   code: "request_too_large")
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: maxBodyBytes)
            } catch is NIOTooManyBytesError {
                throw ServingError(.tooLarge, "the request body is larger than \(maxBodyBytes) bytes",
                                   code: "request_too_large")
            }
            let body = Data(buffer.readableBytesView)
            let parsed = try Self.parse(body, chat: chat)
            guard let route = catalog.route(for: parsed.model) else {
                throw ServingError(.notFound, "the model '\(parsed.model)' does not exist; served: "
                                   + catalog.names.joined(separator: ", "), param: "model", code: "model_not_found")
            }
            var job = try Self.job(for: parsed, chat: chat)
            job.adapter = route.adapter
            if parsed.stream == true {
                try await DeadlineBodyWriter.limitBuffers(of: channel)
                return Self.eventStream(try route.engine.stream(job), chat: chat, model: parsed.model,
                                        writeTimeout: writeTimeout)
            }
            let result = try await route.engine.run(job)
            let choices = result.choices.enumerated().map { index, choice in
                GenerationResponse.Choice(
                    index: index, text: chat ? nil : choice.text,
                    message: chat ? ChatMessage(role: "assistant", content: choice.text) : nil,
                    finishReason: choice.finishReason)
            }
            let usage = GenerationResponse.Usage(promptTokens: result.promptTokens,
                                                 completionTokens: result.choices.reduce(0) { $0 + $1.completionTokens })
            let response = GenerationResponse(
                id: (chat ? "chatcmpl-" : "cmpl-") + UUID().uuidString.lowercased(),
                object: chat ? "chat.completion" : "text_completion", created: Int(Date().timeIntervalSince1970),
                model: parsed.model, choices: choices, usage: usage)
            return Self.json(response)
        } catch let error as ServingError {
            return Self.json(error.body, status: error.kind.status)
        } catch {
            return Self.json(ErrorResponse(message: "\(error)", type: "server_error"), status: 500)
        }
    }

    /// The 401 answer to a request without the server's API key, or nil when it may pass. The
    /// comparison takes the same time wherever the keys differ.
    func refusal(_ request: Request) -> Response? {
        guard let apiKey else { return nil }
        let presented = request.headers[.authorization] ?? ""
        if BearerToken.matches(header: presented, key: apiKey) { return nil }
        let error = ServingError(.unauthorized, presented.isEmpty
                                 ? "this server needs an API key: send it as the header 'Authorization: Bearer KEY'"
                                 : "the API key given is not this server's", code: "invalid_api_key")
        return Self.json(error.body, status: error.kind.status)
    }

    /// Decodes a request body, naming the field at fault when it does not fit.
    static func parse(_ body: Data, chat: Bool) throws(ServingError) -> GenerationRequest {
        do {
            return try JSONDecoder().decode(GenerationRequest.self, from: body)
        } catch let error as DecodingError {
            throw ServingError(.badRequest, "the request body does not fit: \(error.fieldDescription)")
        } catch {
            throw ServingError(.badRequest, "the request body is not JSON: \(error)")
        }
    }

    /// Checks a request's fields and turns it into an engine job.
    static func job(for request: GenerationRequest, chat: Bool) throws(ServingError) -> EngineJob {
        let prompt: EngineJob.Prompt
        if chat {
            guard let messages = request.messages, !messages.isEmpty else {
                throw ServingError(.badRequest, "messages must hold at least one message", param: "messages")
            }
            prompt = .chat(messages)
        } else {
            guard let text = request.prompt else {
                throw ServingError(.badRequest, "prompt is required (one string)", param: "prompt")
            }
            prompt = .text(text)
        }
        let n = request.n ?? 1
        guard (1...128).contains(n) else { throw ServingError(.badRequest, "n must be in 1...128", param: "n") }
        let temperature = request.temperature ?? 1
        guard temperature >= 0 && temperature <= 2 else {
            throw ServingError(.badRequest, "temperature must be in [0, 2]", param: "temperature")
        }
        let topP = request.topP ?? 1
        guard topP > 0 && topP <= 1 else { throw ServingError(.badRequest, "top_p must be in (0, 1]", param: "top_p") }
        let topK = request.topK ?? 0
        guard topK >= 0 else { throw ServingError(.badRequest, "top_k must not be negative", param: "top_k") }
        if let maxTokens = request.maxTokens, maxTokens < 1 {
            throw ServingError(.badRequest, "max_tokens must be at least 1", param: "max_tokens")
        }
        let stop = request.stop?.values ?? []
        guard stop.count <= 4, !stop.contains("") else {
            throw ServingError(.badRequest, "stop holds at most 4 non-empty strings", param: "stop")
        }
        let seed = request.seed ?? UInt64.random(in: 0...UInt64.max)
        return EngineJob(
            prompt: prompt, count: n, maxTokens: request.maxTokens,
            sampling: SamplingParameters(temperature: temperature, topK: topK, topP: topP, seed: seed), stop: stop)
    }

    /// A streamed answer: the role (chat), each piece of text as it is generated, each choice's
    /// finish reason, the usage, `[DONE]`. A client that goes away, or stops reading for
    /// `writeTimeout`, ends the iteration, which stops the job's choices.
    static func eventStream(_ events: AsyncStream<NativeEngine.Event>, chat: Bool, model: String,
                            writeTimeout: Duration) -> Response {
        let id = (chat ? "chatcmpl-" : "cmpl-") + UUID().uuidString.lowercased()
        let created = Int(Date().timeIntervalSince1970)
        let body = ResponseBody { bodyWriter in
            let writer = DeadlineBodyWriter(bodyWriter, timeout: writeTimeout)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            func send(_ chunk: StreamChunk) async throws {
                let data = try encoder.encode(chunk)
                try await writer.write(ByteBuffer(string: "data: " + String(decoding: data, as: UTF8.self) + "\n\n"))
            }
            var started = Set<Int>()
            for await event in events {
                switch event {
                case .text(let choice, let text):
                    let first = started.insert(choice).inserted
                    try await send(.piece(text, index: choice, chat: chat, first: first, id: id, created: created, model: model))
                case .finished(let result):
                    for (index, choice) in result.choices.enumerated() {
                        if chat && !started.contains(index) {
                            try await send(.piece("", index: index, chat: true, first: true, id: id, created: created, model: model))
                        }
                        try await send(.piece("", index: index, chat: chat, finish: choice.finishReason, id: id,
                                              created: created, model: model))
                    }
                    let usage = GenerationResponse.Usage(
                        promptTokens: result.promptTokens, completionTokens: result.choices.reduce(0) { $0 + $1.completionTokens })
                    try await send(StreamChunk(id: id, object: chat ? "chat.completion.chunk" : "text_completion",
                                               created: created, model: model, choices: [], usage: usage))
                }
            }
            try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
            try await writer.finish()
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    /// A JSON response.
    static func json(_ value: some Encodable, status: Int = 200) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":{"message":"encoding failed","type":"server_error"}}"#.utf8)
        return Response(status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
