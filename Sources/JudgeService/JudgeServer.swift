import Foundation
import Hummingbird
import Judge
import NIOCore
import OpenAIWire

/// Judging as an HTTP service (`proctor judge serve`), for pipelines that judge per rollout:
/// `POST /v1/judge` (a `JudgeRequest`: code, language, a served problem or inline tests) answers
/// a `JudgeResponse` with a verdict per test; `GET /v1/problems` lists the served problems;
/// `GET /health` reports the queue. At most `workers` requests are judged at once and `queueCapacity`
/// wait; past that a request is refused (429) before it is accepted, and every accepted request
/// is answered. Errors are JSON (`{"error": {"message", "code", "field"}}`). With an API key,
/// `/v1/` requests must send `Authorization: Bearer KEY`.
public struct JudgeServer: Sendable {
    public let problems: [String: Problem]
    public let runner: CandidateRunner
    public let host: String
    /// 0 picks a free port; `onListening` is told which.
    public let port: Int
    public let apiKey: String?
    /// Largest request body accepted.  // bytes
    public let maxBodyBytes: Int
    let queue: JudgeQueue

    public init(problems: [Problem], runner: CandidateRunner, host: String, port: Int, apiKey: String? = nil,
                workers: Int = 2, queueCapacity: Int = 256, maxBodyBytes: Int = 1 << 20) {
        self.problems = Dictionary(problems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.runner = runner
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.maxBodyBytes = maxBodyBytes
        queue = JudgeQueue(slots: workers, capacity: queueCapacity)
    }

    /// Serves until the process is interrupted; `onListening` gets the bound port.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let router = Router()
        router.get("/health") { _, _ in Self.json(await queue.snapshot()) }
        router.get("/v1/problems") { request, _ in
            if let refusal = refusal(request) { return refusal }
            let list = problems.values.sorted { $0.id < $1.id }.map { problem in
                ["id": problem.id, "title": problem.title, "tests": String(problem.tests.count)]
            }
            return Self.json(["problems": list])
        }
        router.post("/v1/judge") { request, _ in await answer(request) }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "proctor-judge"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) })
        try await app.runService()
    }

    /// Reads, checks, queues and judges one request; every failure becomes a JSON error.
    func answer(_ request: Request) async -> Response {
        if let refusal = refusal(request) { return refusal }
        do {
            var request = request
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBodyBytes {
                throw JudgeServiceError(status: 413, "the request body is larger than \(maxBodyBytes) bytes (Content-Length: \(declared))",
                                        code: "request_too_large")
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: maxBodyBytes)
            } catch {
                throw JudgeServiceError(status: 413, "the request body is larger than \(maxBodyBytes) bytes",
                                        code: "request_too_large")
            }
            let parsed = try JudgeRequest.parse(Data(buffer.readableBytesView), problems: problems)
            if parsed.language.compiles {
                do { _ = try runner.toolchain(for: parsed.language) } catch {
                    throw JudgeServiceError(status: 400, "\(error)", code: "language_unavailable", field: "language")
                }
            }
            try await queue.enter()
            let outcome = await judge(parsed)
            await queue.leave()
            return Self.json(JudgeResponse(problemID: parsed.problem.id, language: parsed.language.id,
                                           verdict: outcome.verdict, passed: outcome.passed, tests: outcome.tests))
        } catch let error as JudgeServiceError {
            return Self.json(error.body, status: error.status)
        } catch {
            return Self.json(JudgeServiceError(status: 500, "\(error)", code: "judge_failed").body, status: 500)
        }
    }

    /// Runs the (blocking) judge off the server's event loops.
    private func judge(_ request: JudgeRequest) async -> CandidateOutcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: runner.judge(code: request.code, problem: request.problem,
                                                            language: request.language, allTests: request.allTests))
            }
        }
    }

    /// The 401 answer to a request without the server's API key, or nil when it may pass.
    func refusal(_ request: Request) -> Response? {
        guard let apiKey else { return nil }
        let presented = request.headers[.authorization] ?? ""
        if BearerToken.matches(header: presented, key: apiKey) { return nil }
        let error = JudgeServiceError(status: 401, presented.isEmpty
                                      ? "this server needs an API key: send it as the header 'Authorization: Bearer KEY'"
                                      : "the API key given is not this server's", code: "invalid_api_key")
        return Self.json(error.body, status: 401)
    }

    static func json(_ value: some Encodable, status: Int = 200) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":{"message":"encoding failed","code":"judge_failed"}}"#.utf8)
        return Response(status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
