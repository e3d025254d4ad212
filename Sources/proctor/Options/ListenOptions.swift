import ArgumentParser
import Foundation
import OpenAIWire

/// Where an HTTP server of Proctor's listens, and the API key it asks for: shared by
/// `proctor serve` and `proctor judge serve`.
struct ListenOptions: ParsableArguments {
    @Option(help: "Address to listen on (loopback unless you mean to expose it).")
    var host: String = "127.0.0.1"

    @Option(help: "TCP port (default: 8000 for serve, 8090 for judge serve); 0 picks a free one.")
    var port: Int?

    @Option(help: ArgumentHelp("Environment variable holding the API key clients must send (required off loopback).",
                               valueName: "VAR"))
    var apiKeyEnv: String?

    /// The key clients must present, nil when none is asked for.
    var apiKey: String? { apiKeyEnv.flatMap { ProcessInfo.processInfo.environment[$0] } }

    /// Refuses a port out of range, a key variable that is unset or holds a weak key, and a
    /// non-loopback address without a key; `command` shows in the example.
    func check(command: String) throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be in 0...65535.") }
        if let apiKeyEnv {
            guard let key = ProcessInfo.processInfo.environment[apiKeyEnv] else {
                throw ValidationError("--api-key-env \(apiKeyEnv): the environment variable is not set.")
            }
            guard key.count >= 8, key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw ValidationError("--api-key-env \(apiKeyEnv): the key must be at least 8 characters, ASCII, without spaces.")
            }
        } else if !BearerToken.isLoopback(host) {
            throw ValidationError("""
                --host \(host) can be reached from other machines: give an API key with --api-key-env VAR \
                (e.g. export PROCTOR_KEY=$(openssl rand -hex 16); \(command) ... --api-key-env PROCTOR_KEY).
                """)
        }
    }
}
