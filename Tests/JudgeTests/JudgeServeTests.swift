import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// `proctor judge serve` run as a user runs it, spoken to over HTTP.
@Suite("proctor judge serve")
struct JudgeServeTests {
    /// Starts the server on a free port and returns it with its base URL.
    static func start(_ options: [String] = [], environment: [String: String] = [:]) throws -> (ServerProcess, String) {
        let server = try ServerProcess(
            executable: ProctorBinary.path,
            arguments: ["judge", "serve", "--port", "0", "--problems", RepositoryPaths.path("problems/e001-theater-ticket")]
                + options, environment: environment)
        let url = try #require(server.firstLine.split(separator: " ").dropFirst(2).first.map(String.init))
        return (server, String(url.dropLast("/v1/judge".count)))
    }

    /// Sends `body` to `path`; the status and the decoded JSON object.
    static func post(_ base: String, _ path: String = "/v1/judge", _ body: String,
                     headers: [String: String] = [:]) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: try #require(URL(string: base + path)))
        request.httpMethod = body.isEmpty ? "GET" : "POST"
        if !body.isEmpty { request.httpBody = Data(body.utf8) }
        request.timeoutInterval = 120
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object)
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("a served problem and inline tests in C++ are judged, with a verdict per test")
    func judges() async throws {
        let (server, base) = try Self.start()
        defer { server.stop() }
        let solution = try String(contentsOfFile: RepositoryPaths.path("problems/e001-theater-ticket/solution.py"), encoding: .utf8)
        let (status, answer) = try await Self.post(base, "/v1/judge", Self.json(
            ["problem_id": "e001-theater-ticket", "code": solution, "all_tests": true]))
        #expect(status == 200)
        #expect(answer["verdict"] as? String == "AC" && answer["passed"] as? Bool == true)
        #expect((answer["tests"] as? [Any])?.count == 20)

        let cpp = "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n"
        let tests = [["input": "1 2\n", "output": "3\n"], ["input": "5 5\n", "output": "11\n"]]
        let (inlineStatus, inline) = try await Self.post(base, "/v1/judge", Self.json(
            ["tests": tests, "code": cpp, "language": "cpp17", "all_tests": true]))
        #expect(inlineStatus == 200)
        #expect(inline["verdict"] as? String == "WA" && inline["language"] as? String == "cpp17")
        let verdicts = (inline["tests"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String }
        #expect(verdicts == ["AC", "WA"])
        let (_, problems) = try await Self.post(base, "/v1/problems", "")
        #expect((problems["problems"] as? [[String: Any]])?.first?["id"] as? String == "e001-theater-ticket")
    }

    @Test("bad requests get JSON errors naming what is wrong", arguments: [
        ("nope", 400, "invalid_json"),
        (#"{"code": 1, "problem_id": "e001-theater-ticket"}"#, 400, "invalid_field"),
        (#"{"code": "print(1)", "problem_id": "e001-theater-ticket", "langauge": "c"}"#, 400, "invalid_field"),
        (#"{"code": "print(1)", "language": "cobol", "problem_id": "e001-theater-ticket"}"#, 400, "invalid_field"),
        (#"{"code": "print(1)", "problem_id": "nope"}"#, 404, "unknown_problem"),
        (#"{"code": "print(1)"}"#, 400, "invalid_field"),
        (#"{"code": "print(1)", "tests": [{"input": "1"}]}"#, 400, "invalid_field"),
        (#"{"code": "print(1)", "tests": [{"input": "", "output": "1"}], "time_limit_s": 1000}"#, 400, "invalid_field"),
    ])
    func badRequests(body: String, status: Int, code: String) async throws {
        let (server, base) = try Self.start()
        defer { server.stop() }
        let (got, answer) = try await Self.post(base, "/v1/judge", body)
        #expect(got == status)
        let error = answer["error"] as? [String: Any]
        #expect(error?["code"] as? String == code, "\(answer)")
        #expect((error?["message"] as? String)?.isEmpty == false)
    }

    @Test("an oversize body is refused with 413; the server goes on")
    func oversize() async throws {
        let (server, base) = try Self.start(["--max-body-bytes", "2048"])
        defer { server.stop() }
        let (status, answer) = try await Self.post(base, "/v1/judge", Self.json(
            ["code": String(repeating: "#", count: 4096), "problem_id": "e001-theater-ticket"]))
        #expect(status == 413)
        #expect((answer["error"] as? [String: Any])?["code"] as? String == "request_too_large")
        let (after, _) = try await Self.post(base, "/v1/judge", #"{"code": "print(0)", "problem_id": "e001-theater-ticket"}"#)
        #expect(after == 200)
    }

    @Test("off loopback it refuses to start without an API key; with one, requests must carry it")
    func apiKey() async throws {
        let refused = try ProctorBinary.run(["judge", "serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--api-key-env"), "\(refused.stderr)")
        let key = "judge-test-key-\(UUID().uuidString.prefix(8))"
        let (server, base) = try Self.start(["--api-key-env", "PROCTOR_JUDGE_KEY"], environment: ["PROCTOR_JUDGE_KEY": key])
        defer { server.stop() }
        let body = #"{"code": "print(0)", "problem_id": "e001-theater-ticket"}"#
        let (without, _) = try await Self.post(base, "/v1/judge", body)
        #expect(without == 401)
        let (wrong, _) = try await Self.post(base, "/v1/judge", body, headers: ["Authorization": "Bearer not-the-key"])
        #expect(wrong == 401)
        let (with, answer) = try await Self.post(base, "/v1/judge", body, headers: ["Authorization": "Bearer \(key)"])
        #expect(with == 200 && answer["verdict"] as? String == "WA")
    }

    @Test("under load every accepted request is answered exactly once; a full queue refuses with 429")
    func load() async throws {
        let (server, base) = try Self.start(["--workers", "2", "--queue", "64"])
        defer { server.stop() }
        let count = 24
        let answers = try await withThrowingTaskGroup(of: (Int, Int, String?).self) { group in
            for index in 0..<count {
                group.addTask {
                    let body = Self.json(["tests": [["input": "\(index)\n", "output": "\(index * 2)\n"]],
                                          "code": "print(int(input()) * 2)"])
                    let (status, answer) = try await Self.post(base, "/v1/judge", body)
                    return (index, status, answer["verdict"] as? String)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.count == count)
        #expect(answers.allSatisfy { $0.1 == 200 && $0.2 == "AC" }, "\(answers)")
        let (_, health) = try await Self.post(base, "/health", "")
        #expect(health["accepted"] as? Int == count && health["answered"] as? Int == count)

        let (tight, tightBase) = try Self.start(["--workers", "1", "--queue", "1"])
        defer { tight.stop() }
        let slow = Self.json(["tests": [["input": "", "output": ""]], "code": "while True: pass", "time_limit_s": 0.5])
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try await Self.post(tightBase, "/v1/judge", slow).0 } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.contains(429), "\(statuses)")
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 429 }, "\(statuses)")
        let (_, after) = try await Self.post(tightBase, "/health", "")
        let accepted = after["accepted"] as? Int ?? -1
        #expect(accepted == statuses.filter { $0 == 200 }.count && after["answered"] as? Int == accepted)
        #expect(after["refused"] as? Int == statuses.filter { $0 == 429 }.count)
    }
}
