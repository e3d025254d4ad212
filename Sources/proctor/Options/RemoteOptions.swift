import ArgumentParser
import Foundation
import Inference
import OpenAIWire
import Remote

/// How `proctor generate --backend openai` reaches an OpenAI-compatible server.
struct RemoteOptions: ParsableArguments {
    /// Where samples come from.
    enum Backend: String, ExpressibleByArgument, CaseIterable {
        case native, openai
    }

    @Option(help: "native: the GGUF model on this CPU; openai: an OpenAI-compatible server (vLLM, llama.cpp, proctor serve).")
    var backend: Backend = .native

    @Option(help: ArgumentHelp("The server's API root (with --backend openai), e.g. http://127.0.0.1:8000/v1.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Environment variable holding the API key, sent as a Bearer token.", valueName: "VAR"))
    var apiKeyEnv: String?

    @Option(help: ArgumentHelp("Model name sent to the server (default: the checkpoint label, vLLM's LoRA module name).", valueName: "name"))
    var remoteModel: String?

    @Option(help: "auto: chat for chat prompts, completion for plain prompts; or force chat or completion.")
    var endpoint: RemoteGenerationSettings.EndpointChoice = .auto

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 4

    @Option(help: ArgumentHelp("Most samples asked for in one request (OpenAI's n).", valueName: "n"))
    var samplesPerRequest: Int = 16

    @Option(help: ArgumentHelp("Seconds one attempt of a request may take.", valueName: "seconds"))
    var requestTimeout: Double = 600

    @Option(help: "Attempts per request, the first included (429, 5xx, timeouts, dropped connections, malformed answers).")
    var maxAttempts: Int = 6

    @Option(name: .customLong("request-field"), help: ArgumentHelp(
        "A field added to every request as it is, NAME=JSON (repeatable): a server's own option that OpenAI's API lacks. llama.cpp's server applies repeat_penalty 1.1 unless sent --request-field repeat_penalty=1.0; the native engine applies none.",
        valueName: "name=json"))
    var requestFields: [String] = []

    /// `--request-field` parsed: each a name Proctor does not set itself and a JSON value.
    func parsedRequestFields() throws -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for argument in requestFields {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("--request-field \(argument): expected NAME=JSON, e.g. repeat_penalty=1.0.")
            }
            let name = String(argument[..<equals])
            let text = String(argument[argument.index(after: equals)...])
            guard !GenerationRequest.ownFields.contains(name) else {
                throw ValidationError("--request-field \(name): Proctor sets this field itself; use generate's own option for it.")
            }
            guard fields[name] == nil else { throw ValidationError("--request-field \(name) is given twice.") }
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                throw ValidationError("--request-field \(name): '\(text)' is not JSON (a string needs quotes: \(name)='\"text\"').")
            }
            fields[name] = value
        }
        return fields
    }

    func validate() throws {
        if !requestFields.isEmpty && backend != .openai {
            throw ValidationError("--request-field needs --backend openai.")
        }
        _ = try parsedRequestFields()
        if backend == .openai {
            guard let baseURL, let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--backend openai needs --base-url, an http(s) URL such as http://127.0.0.1:8000/v1.")
            }
            if let apiKeyEnv, ProcessInfo.processInfo.environment[apiKeyEnv] == nil {
                throw ValidationError("--api-key-env \(apiKeyEnv): the environment variable is not set.")
            }
        } else if baseURL != nil {
            throw ValidationError("--base-url needs --backend openai.")
        }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
        guard samplesPerRequest >= 1 else { throw ValidationError("--samples-per-request must be at least 1.") }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be positive.") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1.") }
    }

    /// The client for `--base-url`, logging each retry to standard error.
    func makeClient() -> OpenAIClient {
        let apiKey = apiKeyEnv.flatMap { ProcessInfo.processInfo.environment[$0] }
        return OpenAIClient(
            baseURL: URL(string: baseURL!)!, apiKey: apiKey, timeout: requestTimeout,
            retry: RetryPolicy(maxAttempts: maxAttempts)
        ) { line in
            FileHandle.standardError.write(Data("\n\(line)\n".utf8))
        }
    }

    /// The remote settings these options describe; `stop` comes from generate's own `--stop`.
    func settings(stop: [String], chatTemplate: ChatTemplate? = nil) throws -> RemoteGenerationSettings {
        RemoteGenerationSettings(endpoint: endpoint, model: remoteModel, concurrency: concurrency,
                                 samplesPerRequest: samplesPerRequest, stop: stop, chatTemplate: chatTemplate,
                                 requestFields: try parsedRequestFields())
    }
}

extension RemoteGenerationSettings.EndpointChoice: ExpressibleByArgument {}
