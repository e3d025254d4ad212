import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// `proctor serve`'s API key and its idle timeout, tried over real sockets.
@Suite("proctor serve security", .serialized)
struct ServeSecurityTests {
    /// One HTTP exchange: the status and the body's JSON (nil when the body is not JSON).
    func exchange(_ url: String, key: String? = nil) async throws -> (status: Int, json: [String: Any]?) {
        var request = URLRequest(url: try #require(URL(string: url)))
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = try #require(response as? HTTPURLResponse).statusCode
        return (status, try? JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("off loopback, serve refuses to start without an API key and says how to give one")
    func keyRequiredOffLoopback() throws {
        let output = try ProctorBinary.run(["serve", "--model", "any.gguf", "--host", "0.0.0.0"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("--api-key-env"), "\(output.stderr)")
        let unset = try ProctorBinary.run(["serve", "--model", "any.gguf", "--api-key-env", "PROCTOR_TEST_UNSET_KEY"])
        #expect(unset.status != 0 && unset.stderr.contains("PROCTOR_TEST_UNSET_KEY"), "\(unset.stderr)")
    }

    @Test("with a key, /v1/ answers 401 in OpenAI's error shape without it or with another, 200 with it; /health stays open",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func keyGuardsTheAPI() async throws {
        let model = try #require(ModelFiles.smolLM2)
        let key = "test-key-\(UUID().uuidString)"
        let server = try ServerProcess(executable: ProctorBinary.path, arguments: [
            "serve", "--model", model, "--port", "0", "--threads", "1", "--api-key-env", "PROCTOR_TEST_KEY"],
            environment: ["PROCTOR_TEST_KEY": key])
        defer { server.stop() }
        let root = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))

        let missing = try await exchange(root + "/models")
        #expect(missing.status == 401)
        let error = try #require(missing.json?["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_api_key")
        #expect((error["message"] as? String)?.contains("Authorization: Bearer") == true)
        let wrong = try await exchange(root + "/models", key: key + "x")
        #expect(wrong.status == 401)
        let right = try await exchange(root + "/models", key: key)
        #expect(right.status == 200)
        #expect((right.json?["data"] as? [[String: Any]])?.first?["id"] as? String == "base")
        let health = try await exchange(root.replacingOccurrences(of: "/v1", with: "") + "/health")
        #expect(health.status == 200)
    }

    @Test("a body over the 16 MiB limit is refused with 413 in OpenAI's error shape, and the server goes on answering",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func oversizedBodyIsRefused() async throws {
        let model = try #require(ModelFiles.smolLM2)
        let server = try ServerProcess(executable: ProctorBinary.path, arguments: [
            "serve", "--model", model, "--port", "0", "--threads", "1"])
        defer { server.stop() }
        let root = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))
        var request = URLRequest(url: try #require(URL(string: root + "/completions")))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(repeating: UInt8(ascii: "x"), count: (16 << 20) + 1)
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect(try #require(response as? HTTPURLResponse).statusCode == 413)
        let error = try #require((try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["error"] as? [String: Any])
        #expect(error["code"] as? String == "request_too_large", "\(error)")
        #expect((error["message"] as? String)?.contains("larger than 16777216 bytes") == true, "\(error)")
        let models = try await exchange(root + "/models")
        #expect(models.status == 200)
    }

    @Test("a body whose Content-Length is over the limit is refused with 413 at once, before any of it is sent",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func announcedOversizedBodyIsRefusedUnread() throws {
        // The idle timeout outlasts the receive limit below: only an answer given without
        // waiting for the body arrives in time.
        let (server, port) = try Self.serveSmolLM2(idleTimeout: 120)
        defer { server.stop() }
        let socket = try Self.connect(port: port, receiveLimit: 20)
        defer { close(socket) }
        let headers = "POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1073741824\r\n\r\n"
        _ = headers.withCString { send(socket, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let received = recv(socket, &buffer, buffer.count, 0)
        let answer = received > 0 ? String(decoding: buffer.prefix(received), as: UTF8.self) : ""
        #expect(answer.hasPrefix("HTTP/1.1 413"), "recv gave \(received), errno \(errno): \(answer)")
        #expect(answer.contains("request_too_large") && answer.contains("Content-Length: 1073741824"), "\(answer)")
    }

    /// `proctor serve` on SmolLM2 on a free loopback port, closing idle connections after
    /// `idleTimeout` seconds (with `options` added), and that port.
    static func serveSmolLM2(idleTimeout: Int, options: [String] = []) throws -> (ServerProcess, UInt16) {
        let model = try #require(ModelFiles.smolLM2)
        let server = try ServerProcess(executable: ProctorBinary.path, arguments: [
            "serve", "--model", model, "--port", "0", "--threads", "1", "--idle-timeout", String(idleTimeout)] + options)
        do {
            let port = try #require(server.firstLine.split(separator: ":").last?.split(separator: "/").first.flatMap { UInt16($0) },
                                    "no port in serve's first line: \(server.firstLine)")
            return (server, port)
        } catch {
            server.stop()
            throw error
        }
    }

    /// A TCP connection to the loopback server whose receives wait at most `receiveLimit` seconds;
    /// `receiveBufferBytes` shrinks the kernel's receive buffer (before connecting, so the
    /// window the server sees is small too).
    static func connect(port: UInt16, receiveLimit: Int, receiveBufferBytes: Int32? = nil) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        if var bytes = receiveBufferBytes {
            setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &bytes, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0, "connect: errno \(errno)")
        var limit = timeval(tv_sec: receiveLimit, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return socket
    }

    @Test("a client that sends half a request and stalls is disconnected after --idle-timeout",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func stalledClientIsClosed() throws {
        let (server, port) = try Self.serveSmolLM2(idleTimeout: 1)
        defer { server.stop() }

        // A receive that waits at most 30 s: the server closing the connection ends it sooner.
        let socket = try Self.connect(port: port, receiveLimit: 30)
        defer { close(socket) }
        let partial = "POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"prompt\":"
        _ = partial.withCString { send(socket, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let received = recv(socket, &buffer, buffer.count, 0)
        #expect(received == 0, "the server closed the stalled connection (recv gave \(received), errno \(errno))")

        // The server still answers others.
        let output = try ProctorBinary.run(["models"])  // a process of its own, not the server
        #expect(output.status == 0)
        #expect(server.process.isRunning)
    }

    /// Sends `request` on `socket` and reads until the server closes it, a receive times out,
    /// `until` is among what was read, or `seconds` have passed; what was read, and whether the
    /// server closed the connection.
    static func exchange(_ socket: Int32, _ request: String, until: String? = nil, seconds: Double = 30)
        -> (text: String, closed: Bool) {
        if !request.isEmpty { _ = request.withCString { send(socket, $0, strlen($0), 0) } }
        let deadline = Date().addingTimeInterval(seconds)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let received = recv(socket, &buffer, buffer.count, 0)
            if received <= 0 { return (String(decoding: bytes, as: UTF8.self), received == 0) }
            bytes += buffer.prefix(received)
            if let until, String(decoding: bytes, as: UTF8.self).contains(until) { break }
        }
        return (String(decoding: bytes, as: UTF8.self), false)
    }

    @Test("a client that stops reading a streamed answer is cut off after --write-timeout: its sequences leave the batch and the next request is answered",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func clientThatStopsReadingIsCutOff() throws {
        // Eight greedy sequences (no early end) fill the batch (--parallel 8), so the second
        // request waits until they leave it; left to run, they take minutes to reach max_tokens.
        let (server, port) = try Self.serveSmolLM2(idleTimeout: 60, options: ["--parallel", "8", "--write-timeout", "1"])
        defer { server.stop() }
        func post(_ body: String) -> String {
            "POST /v1/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        }
        let stalled = try Self.connect(port: port, receiveLimit: 10, receiveBufferBytes: 1024)
        defer { close(stalled) }
        let streamed = #"{"model":"base","prompt":"1, 2, 3, 4, 5,","max_tokens":3000,"n":8,"temperature":0,"stream":true}"#
        // Its first piece shows it is in the batch before the next request comes.
        let start = Self.exchange(stalled, post(streamed), until: "data:")
        try #require(start.text.hasPrefix("HTTP/1.1 200") && start.text.contains("data:"), "\(start.text)")

        // The stalled stream fills the buffers between it and the server in seconds, waits
        // one more, and is cancelled; within 25 s the next request has the batch.
        let next = try Self.connect(port: port, receiveLimit: 25)
        defer { close(next) }
        let answer = Self.exchange(next, post(#"{"model":"base","prompt":"Hello","max_tokens":4}"#))
        try #require(answer.text.hasPrefix("HTTP/1.1 200"), "the next request was not answered: \(answer.text.prefix(200))")
        #expect(answer.text.contains(#""object":"text_completion""#), "\(answer.text.suffix(300))")

        // The stalled client, reading at last, finds its stream cut short and the connection closed.
        let cut = Self.exchange(stalled, "", seconds: 15)
        #expect(cut.closed, "the stalled connection was left open")
        #expect(!cut.text.contains("[DONE]"), "\(cut.text.suffix(300))")
        #expect(server.process.isRunning)
    }
}

/// `proctor serve` as OpenAI's own Python client sees it (the `openai` package, pinned in
/// scripts/fixtures/make_client_venv.sh, which the test command runs).
@Suite("proctor serve with the openai package", .serialized)
struct ServeOpenAIClientTests {
    static let python = RepositoryPaths.path(".venv-client/bin/python")
    static var clientMissing: Bool { !FileManager.default.isExecutableFile(atPath: python) }

    @Test("models, a chat completion (n = 2, a stop string), the same streamed, a plain completion, an adapter, a hang-up mid-stream, an over-long prompt, a wrong key and an unknown model, through the openai package",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"),
          .enabled(if: !clientMissing, "the openai package is missing: run scripts/fixtures/make_client_venv.sh"))
    func openaiPackageReadsEverything() throws {
        let model = try #require(ModelFiles.smolLM2)
        let key = "test-key-\(UUID().uuidString)"
        let server = try ServerProcess(executable: ProctorBinary.path, arguments: [
            "serve", "--model", model, "--port", "0", "--threads", "2", "--served-model-name", "smol",
            "--adapter", "code=" + RepositoryPaths.path("adapters/smollm2-code"),
            "--api-key-env", "PROCTOR_TEST_KEY"], environment: ["PROCTOR_TEST_KEY": key])
        defer { server.stop() }
        let root = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [RepositoryPaths.path("Tests/RemoteTests/Fixtures/openai_client.py"), root, "smol", key, "code"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(errorText)")
        let summary = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])

        #expect(summary["models"] as? [String] == ["smol", "code"])
        let whole = try #require(summary["whole"] as? [String: Any])
        let streamed = try #require(summary["streamed"] as? [String: Any])
        let texts = try #require(whole["texts"] as? [String])
        #expect(texts.count == 2 && texts.allSatisfy { !$0.isEmpty && !$0.contains("meet") }, "\(texts)")
        #expect(whole["roles"] as? [String] == ["assistant", "assistant"])
        #expect(streamed["texts"] as? [String] == texts, "streamed pieces put together = the whole answer")
        #expect(streamed["finish_reasons"] as? [String] == whole["finish_reasons"] as? [String])
        let usage = try #require(whole["usage"] as? [Int])
        #expect(usage.count == 3 && usage[2] == usage[0] + usage[1] && usage[1] > 0)
        #expect(streamed["usage"] as? [Int] == usage, "the stream's last chunk carries the same usage")
        let completion = try #require(summary["completion"] as? [String: Any])
        #expect((completion["text"] as? String)?.isEmpty == false)
        #expect(completion["finish_reason"] as? String == "length")
        let wrong = try #require(summary["wrong_key"] as? [String: Any], "a wrong key was accepted")
        #expect(wrong["status"] as? Int == 401 && wrong["code"] as? String == "invalid_api_key")
        let unknown = try #require(summary["unknown_model"] as? [String: Any], "an unknown model was accepted")
        #expect(unknown["status"] as? Int == 404 && unknown["code"] as? String == "model_not_found")
        let tuned = try #require(summary["adapter"] as? [String: Any])
        #expect(tuned["model"] as? String == "code" && (tuned["text"] as? String)?.isEmpty == false, "\(tuned)")
        let hangUp = try #require(summary["after_hang_up"] as? [String: Any])
        #expect(hangUp["first_chunk_id"] as? Bool == true)
        #expect(hangUp["text"] as? String == completion["text"] as? String, "the request after a hang-up is answered as before")
        let overLong = try #require(summary["over_long"] as? [String: Any], "an over-long prompt was accepted")
        #expect(overLong["status"] as? Int == 400)
        #expect((overLong["message"] as? String)?.contains("the context holds") == true, "\(overLong)")
        #expect(overLong["code"] as? String == "context_length_exceeded" && overLong["param"] as? String == "prompt", "\(overLong)")
    }
}
