import Adapters
import ArgumentParser
import Evaluation
import Foundation
import Inference
import Samples
import Serving

/// `proctor serve`: the native engine behind an OpenAI-compatible HTTP endpoint.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a GGUF model on the CPU through an OpenAI-compatible HTTP API.",
        discussion: """
            Endpoints: POST /v1/chat/completions (messages through the model's chat template), \
            POST /v1/completions (a raw prompt), GET /v1/models, GET /health. Requests take n, \
            temperature, top_p, top_k, max_tokens, seed and stop, and answer with token usage; \
            requests decode together in one running batch (a request arriving mid-batch joins it at \
            the next token; --parallel caps the sequences, a request's n choices counting n). \
            Requests for different adapters share the batch (each row gets its own adapter). \
            Errors are OpenAI-style JSON. "stream": true answers with server-sent events \
            (OpenAI's chunks, usage in the last, then [DONE]). The \
            model answers to each --served-model-name (default: base, the default checkpoint \
            label of proctor generate). With --port 0 a free port is chosen; the first line on \
            standard output says where the server listens.

            Security: off loopback (--host other than 127.0.0.1, ::1 or localhost) the server \
            needs an API key, read from the environment variable --api-key-env names (never \
            from the command line, where other users could read it); clients send it as \
            'Authorization: Bearer KEY' (proctor generate --api-key-env VAR, the openai package's \
            api_key). A connection that stalls sending its request, or idles between requests, \
            is closed after --idle-timeout seconds; a client that stops reading a streamed answer \
            has its request cancelled (its sequences leave the batch) and its connection closed \
            after --write-timeout seconds. There is no TLS: put a TLS proxy in front.

            Examples:
              proctor serve --model smollm2.gguf --port 8000 --served-model-name base --adapter code=./my-lora
              proctor generate --backend openai --base-url http://127.0.0.1:8000/v1 \\
                  --problems problems/ --out samples.jsonl
              proctor serve --model qwen2.5-coder-1.5b-instruct --port 8000   # a fetched catalog model
              PROCTOR_KEY=$(openssl rand -hex 16) proctor serve --model qwen2.5-coder-0.5b-instruct \\
                  --host 0.0.0.0 --api-key-env PROCTOR_KEY
            """)

    @Option(help: "A GGUF model file, a Hugging Face model folder, or a fetched catalog model's name (see `proctor models`).")
    var model: String

    @OptionGroup var listen: ListenOptions

    @Option(help: ArgumentHelp("A name the model answers to (repeatable).", valueName: "name"))
    var servedModelName: [String] = []

    @Option(name: .customLong("adapter"), help: ArgumentHelp(
        "A PEFT LoRA adapter as NAME=DIR, served as the model NAME over the same base (repeatable).",
        valueName: "name=dir"))
    var adapters: [String] = []

    @Option(help: "Worker threads for the matrix products.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "KV cache size in tokens, per sequence.")
    var contextSize: Int = 4096

    @Option(help: "Most sequences decoding at once across all requests (each holds a KV cache of --context-size).")
    var parallel: Int = GenerationSettings.defaultParallelSequences

    @Option(help: ArgumentHelp("Seconds a connection may stall sending its request, or idle between requests, before it is closed.",
                               valueName: "seconds"))
    var idleTimeout: Double = 60

    @Option(help: ArgumentHelp("Seconds a streamed answer may wait for a client that has stopped reading before the request is cancelled and the connection closed.",
                               valueName: "seconds"))
    var writeTimeout: Double = 30

    func validate() throws {
        try listen.check(command: "proctor serve")
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be more than 0 seconds.") }
        guard writeTimeout > 0 else { throw ValidationError("--write-timeout must be more than 0 seconds.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        guard contextSize >= 16 else { throw ValidationError("--context-size must be at least 16.") }
        guard parallel >= 1 else { throw ValidationError("--parallel must be at least 1.") }
    }

    func run() async throws {
        let modelPath = try ModelCatalog.locate(model)
        let generator = try TextGenerator(modelPath: modelPath, contextCapacity: contextSize, threads: threads)
        let engine = NativeEngine(generator: generator, contextCapacity: contextSize, maxSequences: parallel)
        let names = servedModelName.isEmpty ? ["base"] : servedModelName
        let served = try AdapterSet.checkpoints(adapters, base: generator.config, source: modelPath, allowsBase: false)
            .compactMap { checkpoint in checkpoint.adapter.map { (name: checkpoint.label, adapter: $0 as ProjectionAdapter) } }
        let catalog = ServedModels(names: names, engine: engine, adapters: served)
        let server = OpenAIServer(catalog: catalog, host: listen.host, port: listen.port ?? 8000, apiKey: listen.apiKey,
                                  idleTimeout: .milliseconds(Int64(idleTimeout * 1000)),
                                  writeTimeout: .milliseconds(Int64(writeTimeout * 1000)))
        try await server.run { port in
            let line = "listening on http://\(listen.host):\(port)/v1 serving \(catalog.names.joined(separator: ", "))\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
