import ArgumentParser
import Foundation
import Judge
import JudgeService

/// `proctor judge serve`: the judge behind an HTTP endpoint.
struct JudgeServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Judge code sent over HTTP: a served problem or inline tests, verdicts per test.",
        discussion: """
            POST /v1/judge with a JSON body: "code", "language" (default python; c, cpp17, cpp20, \
            java, go, rust, javascript), and either "problem_id" (a problem of --problems; GET \
            /v1/problems lists them) or "tests": [{"input", "output"}, ...] with optional \
            "time_limit_s" (2), "memory_limit_mb" (256) and "checker" ({"type": "tokens"} or \
            {"type": "float", "absolute": 1e-6, "relative": 1e-6}); "all_tests": true runs every \
            test. The answer: {"problem_id", "language", "verdict", "passed", "tests": [{"name", \
            "verdict", "cpu_time_s", "wall_time_s", "peak_rss_bytes", "detail"}]}. Errors are JSON \
            {"error": {"message", "code", "field"}}: 400 (malformed JSON, a field at fault), 401 \
            (API key), 404 (unknown problem), 413 (body over --max-body-bytes), 429 (--workers \
            judging and --queue waiting: retry later). Every accepted request is judged and \
            answered once. GET /health reports running, waiting, accepted, answered and refused.

            Security: candidates run in the same sandbox as `proctor judge`. Off loopback the \
            server needs an API key (--api-key-env VAR, sent as 'Authorization: Bearer KEY'). \
            There is no TLS: put a TLS proxy in front.

            Examples:
              proctor judge serve --problems problems/ --port 8090
              curl -s localhost:8090/v1/judge -d '{"problem_id": "e001-theater-ticket", "code": "print(0)"}'
              curl -s localhost:8090/v1/judge -d '{"tests": [{"input": "1 2\\n", "output": "3\\n"}], \\
                  "language": "cpp17", "code": "#include <iostream>\\nint main(){int a,b;std::cin>>a>>b;std::cout<<a+b;}"}'
            """)

    @Option(help: ArgumentHelp("The problem set requests may name by id (folder, problem folder, or JSONL); inline tests need none.",
                               valueName: "path"))
    var problems: String?

    @OptionGroup var listen: ListenOptions

    @Option(help: ArgumentHelp("Requests waiting for a worker before more are refused with 429.", valueName: "N"))
    var queue: Int = 256

    @Option(help: ArgumentHelp("Largest request body accepted, bytes.", valueName: "bytes"))
    var maxBodyBytes: Int = 1 << 20

    @OptionGroup var judging: JudgeOptions

    func validate() throws {
        try listen.check(command: "proctor judge serve")
        guard queue >= 0 else { throw ValidationError("--queue must be 0 or more.") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024.") }
    }

    func run() async throws {
        let problemList = try problems.map(loadProblems) ?? []
        let server = JudgeServer(problems: problemList, runner: try judging.makeRunner(), host: listen.host,
                                 port: listen.port ?? 8090, apiKey: listen.apiKey, workers: judging.workers,
                                 queueCapacity: queue, maxBodyBytes: maxBodyBytes)
        try await server.run { port in
            let line = "listening on http://\(listen.host):\(port)/v1/judge with \(problemList.count) problems, "
                + "\(judging.workers) workers\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
