import Foundation
import Testing
import TestSupport

/// `proctor serve` with `stream: true`: server-sent events in OpenAI's chunk format, read by a
/// plain HTTP client the way client libraries read them.
@Suite("proctor serve streaming", .serialized)
struct ServeStreamingTests {
    /// Runs Fixtures/stream_client.py against `url` with `body`; its JSON summary.
    func ask(_ url: String, _ body: [String: Any], stopAfter: Int? = nil) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RemoteGenerationTests.python)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: body, options: .sortedKeys), as: UTF8.self)
        process.arguments = [RepositoryPaths.path("Tests/RemoteTests/Fixtures/stream_client.py"), url, body]
            + (stopAfter.map { ["--stop-after", String($0)] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
    }

    @Test("a streamed answer puts together to the whole answer (n = 2, a stop string), ends with usage and [DONE]; a client hanging up mid-stream leaves the server serving",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func streamedEqualsWhole() throws {
        let model = try #require(ModelFiles.smolLM2)
        let server = try ServerProcess(executable: ProctorBinary.path, arguments: [
            "serve", "--model", model, "--port", "0", "--served-model-name", "smol", "--threads", "2"])
        defer { server.stop() }
        let root = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))
        let chat = root + "/chat/completions"
        // " meet" ends SmolLM2's greedy "I'm glad to meet you…": the streamed text must stop
        // before it, although " meet" arrives as a token of its own after " to".
        var body: [String: Any] = ["model": "smol", "messages": [["role": "user", "content": "Say hi"]], "max_tokens": 16,
                                   "temperature": 0, "n": 2, "stop": [" meet"]]
        let whole = try ask(chat, body)
        body["stream"] = true
        let streamed = try ask(chat, body)

        #expect(streamed["content_type"] as? String == "text/event-stream")
        #expect(streamed["done"] as? Bool == true, "the stream ends with [DONE]")
        let texts = try #require(streamed["texts"] as? [String: String])
        #expect(texts == whole["texts"] as? [String: String], "pieces put together = the whole answer")
        #expect(texts.count == 2 && texts.values.allSatisfy { !$0.isEmpty && !$0.contains("meet") }, "\(texts)")
        #expect(streamed["finish_reasons"] as? [String: String] == whole["finish_reasons"] as? [String: String])
        #expect(streamed["roles"] as? [String: String] == ["0": "assistant", "1": "assistant"])
        let usage = try #require(streamed["usage"] as? [String: Int])
        #expect(usage == whole["usage"] as? [String: Int], "usage in the last chunk equals the whole answer's")
        #expect((streamed["events"] as? Int ?? 0) > 4, "text came in pieces")

        // A client that hangs up after two events; the next request is answered in full.
        body["max_tokens"] = 200
        body["stop"] = nil
        let abandoned = try ask(chat, body, stopAfter: 2)
        #expect(abandoned["done"] as? Bool == false)
        body["max_tokens"] = 16
        body["stop"] = [" meet"]
        let after = try ask(chat, body)
        #expect(after["texts"] as? [String: String] == texts && after["done"] as? Bool == true)
    }

    @Test("a plain completion streams its text pieces under `text`",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func completionStreams() throws {
        let model = try #require(ModelFiles.smolLM2)
        let server = try ServerProcess(executable: ProctorBinary.path, arguments: [
            "serve", "--model", model, "--port", "0", "--threads", "2"])
        defer { server.stop() }
        let root = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))
        var body: [String: Any] = ["model": "base", "prompt": "def add(a, b):\n", "max_tokens": 12, "temperature": 0]
        let whole = try ask(root + "/completions", body)
        body["stream"] = true
        let streamed = try ask(root + "/completions", body)
        #expect(streamed["done"] as? Bool == true)
        #expect(streamed["texts"] as? [String: String] == whole["texts"] as? [String: String])
        #expect((streamed["texts"] as? [String: String])?["0"]?.isEmpty == false)
    }
}
