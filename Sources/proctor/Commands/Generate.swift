import ArgumentParser
import Adapters
import Evaluation
import Foundation
import Inference
import Judge
import Remote
import Samples

/// `proctor generate`: sample a completion from a GGUF model or a Hugging Face folder on the CPU,
/// or from an OpenAI-compatible server.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sample completions from a GGUF model or a Hugging Face folder on the CPU: for one prompt, or for every problem of a set.",
        discussion: """
            --model is a GGUF file or a Hugging Face folder (config.json; model.safetensors or \
            shards with model.safetensors.index.json; tokenizer.json, optionally \
            tokenizer_config.json and generation_config.json) of a llama, qwen2 or gpt2 model, \
            or the name of a fetched catalog model (`proctor models list`).

            One prompt: the prompt is wrapped in the model's chat template as one user \
            message unless --raw is given. Chat templates of the ChatML and Llama 3 families are \
            recognised; a model with another template is refused unless --chat-template or \
            --raw is given; a model without one (a base model) gets the plain prompt. \
            --chat-template takes chatml, llama3, a Jinja template file, a JSON file with a \
            chat_template key (tokenizer_config.json), or a GGUF (path or fetched catalog name) \
            whose template is read; with --backend openai it makes Proctor template the prompts \
            and send them as completions, prefill included. Special tokens written in the prompt, such as \
            <|im_start|>, are parsed. Timing goes to standard error.

            A problem set (--problems): --prompt-style auto (the default) gives a model with a chat \
            template chat prompts — EvalPlus's instruct prompt for HumanEval-style function problems \
            (the reply prefilled up to its ```python fence), stdin-instruct for stdin problems (the \
            statement under "Write a complete Python 3 program…", the reply opened at ```python and \
            stopped at the closing fence), LiveCodeBench's prompt for call-based ones — and a model \
            without one (or --raw) the plain prompt, HumanEval's completed up to its stop strings \
            ("\\ndef ", "\\nclass ", "\\nif __name__", "\\nprint(", "\\n#"); chat or raw force one kind; \
            livecodebench gives stdin problems LiveCodeBench's exact prompt (### Question / ### Format / \
            ### Answer), for numbers comparable with published LiveCodeBench scores. \
            --extractor (default auto) takes the code from each output. --n samples each are \
            appended to --out as Proctor samples JSONL (problem_id, checkpoint, sample_index, output, \
            code, prompt_format, prompt, token counts, seconds), flushed to disk after each problem; \
            --resume skips what --out holds. \
            The --n samples of a prompt share its KV cache and decode together as one batch; each \
            sample has its own seed derived from --seed, the problem and the index, and is the \
            same text it would be if generated alone. With --prompt, --n > 1 prints the samples \
            (sample i seeded with --seed + i) after "### sample i" lines.

            Stop strings (--stop) end a sample once its text contains one and are cut from the \
            output; the text is then printed at the end instead of streamed.

            Examples:
              proctor generate --model smollm2.gguf --prompt "Write hello world in Python" --max-tokens 64
              proctor generate --model smollm2.gguf --prompt "Write hello world in Python" --n 10 \
                  --temperature 0.8 --repeat-penalty 1.1 --stop "if __name__"
              proctor generate --model ./Qwen2.5-Coder-1.5B-Instruct --prompt "Reverse a list" --max-tokens 64
              proctor generate --model qwen2.5-coder-1.5b-instruct --prompt "Reverse a list" --max-tokens 64
              proctor generate --model smollm2.gguf --problems problems/ --n 1 --max-tokens 384 \
                  --checkpoint-label base --out samples.jsonl

            A server (--backend openai, with --problems): chat requests for chat prompts and \
            completion requests for plain ones go to --base-url with the checkpoint label as the \
            model name (vLLM's name for a LoRA module) unless --remote-model is given; --n samples \
            per request where the server honours n; --concurrency requests in flight; 429, 5xx, \
            timeouts, dropped connections and malformed answers are retried with backoff.
              proctor generate --backend openai --base-url http://127.0.0.1:8000/v1 \
                  --problems problems/ --n 10 --temperature 0.8 --checkpoint-label my-lora --out samples.jsonl
            """)

    @Option(help: "A GGUF model file, a Hugging Face model folder, or a catalog name such as smollm2 (see `proctor models`); native backend.")
    var model: String?

    @OptionGroup(title: "Remote generation")
    var remote: RemoteOptions

    @Option(help: ArgumentHelp("""
        Chat template to use instead of the model's: chatml, llama3, a Jinja file, a JSON file with chat_template, \
        or a GGUF (a path or a fetched catalog name) whose template is read. With --backend openai it templates \
        prompts here and sends them to the completion endpoint, reply prefill included, as the native engine feeds them.
        """, valueName: "template"))
    var chatTemplate: String?

    @Option(help: "The prompt text.")
    var prompt: String?

    @Option(help: "A problem set (folder, problem folder, or LiveCodeBench/HumanEval JSONL) to sample for.")
    var problems: String?

    @Option(help: "Samples per problem (with --problems).")
    var n: Int = 1

    @Option(help: "The samples file to append to (with --problems).")
    var out: String?

    @Option(help: "The checkpoint label written with each sample (with --problems).")
    var checkpointLabel: String = "base"

    @Option(name: .customLong("adapter"), help: ArgumentHelp(
        "A PEFT LoRA adapter as LABEL=DIR, applied unmerged; repeatable, `base` for the model alone.",
        discussion: "All adapters share one copy of the base weights; each label is sampled in turn and written as its checkpoint label."))
    var adapters: [String] = []

    @Flag(help: "Keep the samples already in --out and generate only the rest.")
    var resume = false

    @Option(help: "Only the first N problems of the set (with --problems).")
    var limit: Int?

    @Option(help: "A file holding the prompt text.")
    var promptFile: String?

    @Option(help: "Most tokens to generate.")
    var maxTokens: Int = 256

    @Option(help: "Sampling temperature; 0 is greedy.")
    var temperature: Float = 0

    @Option(help: "Keep only the k most likely tokens (0: all).")
    var topK: Int = 0

    @Option(help: "Nucleus sampling threshold (1: off).")
    var topP: Float = 1

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 0

    @Option(help: "Repeat penalty (llama.cpp's): logits of recent tokens divided by it when positive, multiplied when not; 1 is off.")
    var repeatPenalty: Float = 1

    @Option(help: "Recent tokens (prompt included) the repeat penalty looks at; 0 none, -1 all.")
    var repeatLastN: Int = 64

    @Option(help: "Stop once the text contains this string, which is cut from the output (repeatable).")
    var stop: [String] = []

    @Option(help: "Most tokens in one forward pass: prompt chunk size, and samples decoded together.")
    var batchSize: Int = 64

    @Option(help: "Worker threads for the matrix products.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "KV cache size in tokens.")
    var contextSize: Int = 4096

    @Flag(help: "Use the prompt as is: no chat template, no BOS unless the model asks for it (with --problems: --prompt-style raw).")
    var raw = false

    @Option(help: ArgumentHelp("How problems are put to the model (with --problems): auto (chat prompts for a model with a chat template: EvalPlus's for function problems, stdin-instruct — the statement, the reply opened at ```python — for stdin problems; plain completion for a model without one), chat (chat prompts, or an error), livecodebench (as auto with LiveCodeBench's exact prompt for stdin problems, for comparison with published LCB numbers) or raw.", valueName: "style"))
    var promptStyle: PromptStyle = .auto

    @Option(help: ArgumentHelp("How code is taken from each output (with --problems): auto, last-fence (LiveCodeBench's rule), first-python or none.", valueName: "rule"))
    var extractor: CodeExtractor = .auto

    @Option(help: ArgumentHelp("With --problems: samples decoded at once across problems (continuous batching; a problem's --n samples stay together). Outputs do not depend on it.", valueName: "N"))
    var parallel: Int = GenerationSettings.defaultParallelSequences

    @Flag(help: "Print the generated token ids instead of the text.")
    var printTokenIds = false

    func validate() throws {
        let modes = [prompt != nil, promptFile != nil, problems != nil].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("Give exactly one of --prompt, --prompt-file and --problems.")
        }
        if remote.backend == .native && model == nil { throw ValidationError("--model is required by the native backend.") }
        if remote.backend == .openai && !adapters.isEmpty {
            throw ValidationError("--adapter applies to the native backend; a server selects adapters by model name (--checkpoint-label or --remote-model).")
        }
        if remote.backend == .openai && problems == nil {
            throw ValidationError("--backend openai samples a problem set: give --problems and --out.")
        }
        if problems != nil && out == nil { throw ValidationError("--problems needs --out, the samples file to write.") }
        guard n >= 1 else { throw ValidationError("--n must be at least 1.") }
        guard maxTokens >= 0 else { throw ValidationError("--max-tokens must not be negative.") }
        guard temperature >= 0 else { throw ValidationError("--temperature must not be negative.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        guard topP > 0 && topP <= 1 else { throw ValidationError("--top-p must be in (0, 1].") }
        guard repeatPenalty > 0 else { throw ValidationError("--repeat-penalty must be positive.") }
        guard repeatLastN >= -1 else { throw ValidationError("--repeat-last-n must be -1, 0 or positive.") }
        guard stop.allSatisfy({ !$0.isEmpty }) else { throw ValidationError("--stop needs a non-empty string.") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1.") }
        guard parallel >= 1 else { throw ValidationError("--parallel must be at least 1.") }
        if raw && promptStyle != .auto && promptStyle != .raw { throw ValidationError("--raw asks for plain prompts; --prompt-style \(promptStyle.rawValue) for chat prompts: give one.") }
    }

    /// A `--chat-template`: what `ChatTemplate(specifier:)` takes, or a GGUF file or fetched
    /// catalog model whose `tokenizer.chat_template` is read.
    static func chatTemplate(_ specifier: String) throws -> ChatTemplate {
        let isGGUF = specifier.hasSuffix(".gguf") && FileManager.default.fileExists(atPath: specifier)
        guard isGGUF || ModelCatalog.model(named: specifier) != nil else { return try ChatTemplate(specifier: specifier) }
        let path = try ModelCatalog.locate(specifier)
        guard let template = ChatTemplate(gguf: try GGUFFile(path: path)) else {
            throw ValidationError("--chat-template \(specifier): \(path) holds no chat template Proctor implements (ChatML, Llama 3).")
        }
        return template
    }

    /// The sampling options as the library takes them.
    var sampling: SamplingParameters {
        SamplingParameters(temperature: temperature, topK: topK, topP: topP, seed: seed,
                           repeatPenalty: repeatPenalty, repeatLastN: repeatLastN, stopStrings: stop)
    }

    func run() async throws {
        if remote.backend == .openai, let problems, let out {
            var set = try loadProblems(problems)
            if let limit { set = Array(set.prefix(limit)) }
            let template = try chatTemplate.map { try Self.chatTemplate($0) }
            let generator = RemoteSampleGenerator(client: remote.makeClient(), settings: settings,
                                                  remote: try remote.settings(stop: stop, chatTemplate: template))
            try await generator.run(problems: set, out: out, resume: resume, notice: warn,
                                    progress: Self.showProgress(ProgressLine(label: "generate")))
            print("samples in \(out)")
            return
        }
        let template = try chatTemplate.map { try Self.chatTemplate($0) }
        let generator = try TextGenerator(modelPath: try ModelCatalog.locate(model!), contextCapacity: contextSize,
                                          threads: threads, batchSize: batchSize, chatTemplate: template)
        if !raw, let problem = generator.chatTemplateProblem {
            throw ValidationError("\(problem). Give --chat-template chatml|llama3|FILE, or --raw for the plain prompt.")
        }
        let checkpoints = try adapterCheckpoints(for: generator)
        defer { reportPeakMemory() }
        if let problems, let out {
            var set = try loadProblems(problems)
            if let limit { set = Array(set.prefix(limit)) }
            for (position, (label, adapter)) in checkpoints.enumerated() {
                generator.adapter = adapter
                var labelled = settings
                labelled.checkpoint = label
                // Without --resume only the first label starts --out afresh; the others append
                // beside it (a later label must not truncate the samples of an earlier one).
                let appending = resume || position > 0
                try SampleGenerator(generator: generator, settings: labelled).run(
                    problems: set, out: out, resume: appending, notice: warn,
                    progress: Self.showProgress(ProgressLine(label: "generate \(label)")))
            }
            print("samples in \(out)")
            return
        }
        if checkpoints.count > 1 || !adapters.isEmpty {
            for (label, adapter) in checkpoints {
                generator.adapter = adapter
                print("## \(label)")
                try generateOne(generator: generator)
            }
            return
        }
        try generateOne(generator: generator)
    }

    /// The checkpoints to sample: `--checkpoint-label` with the base alone, or each `--adapter`
    /// (LABEL=DIR, or `base`) checked against the model and indexed over its shared weights.
    private func adapterCheckpoints(for generator: TextGenerator) throws -> [(label: String, adapter: ProjectionAdapter?)] {
        guard !adapters.isEmpty else { return [(checkpointLabel, nil)] }
        var specs: [(label: String, path: String)] = [], order: [String] = []
        for argument in adapters {
            if argument == "base" {
                order.append("base")
                continue
            }
            guard let spec = AdapterSet.labelledPath(argument) else {
                throw ValidationError("--adapter '\(argument)': give LABEL=DIR (a PEFT adapter directory) or `base`.")
            }
            guard spec.label != "base" else { throw ValidationError("--adapter: the label `base` is the model alone; name the adapter otherwise.") }
            specs.append(spec)
            order.append(spec.label)
        }
        let set = try AdapterSet(loading: specs, base: generator.config, source: model ?? "the model")
        return order.map { ($0, set.selection($0 == "base" ? nil : $0)) }
    }

    /// Peak resident memory of this process on standard error: one copy of the base is shared
    /// by every adapter.
    private func reportPeakMemory() {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        FileHandle.standardError.write(Data(String(format: "peak memory %.1f MB\n", Double(usage.ru_maxrss) / 1024).utf8))
    }

    /// Generates for the one prompt (`--prompt`/`--prompt-file`) with the generator as it is set.
    private func generateOne(generator: TextGenerator) throws {
        let text = try prompt ?? String(contentsOfFile: promptFile!, encoding: .utf8)
        let promptIDs = generator.promptTokens(for: text, raw: raw)
        if n > 1 { return printSamples(generator: generator, promptIDs: promptIDs) }

        // Streams the text as it comes, unless a stop string may need cutting from its end.
        let output = FileHandle.standardOutput
        let streams = !printTokenIds && stop.isEmpty
        let generation = generator.generate(prompt: promptIDs, maxTokens: maxTokens, sampling: sampling) { token in
            if streams { output.write(Data(generator.tokenizer.bytes(of: token))) }
            return true
        }
        if printTokenIds {
            print(generation.tokens.map(String.init).joined(separator: " "))
        } else {
            output.write(Data(((streams ? "" : generation.text) + "\n").utf8))
        }

        let prefillRate = Double(generation.promptTokenCount) / max(generation.prefillSeconds, 1e-9)
        let decodeRate = Double(generation.tokens.count) / max(generation.decodeSeconds, 1e-9)
        FileHandle.standardError.write(Data(String(
            format: "prompt %d tokens, %.1f tokens/s; generated %d tokens, %.1f tokens/s; stop: %@\n",
            generation.promptTokenCount, prefillRate, generation.tokens.count, decodeRate,
            generation.stopReason.rawValue).utf8))
    }

    /// `--n` samples of one prompt, decoded together (sample i seeded with `--seed` + i): each
    /// printed after a `### sample i` line, the throughput of all of them on standard error.
    private func printSamples(generator: TextGenerator, promptIDs: [Int]) {
        let generations = generator.generate(prompt: promptIDs, count: n, maxTokens: maxTokens, sampling: sampling)
        for (index, generation) in generations.enumerated() {
            print("### sample \(index) (\(generation.tokens.count) tokens, stop: \(generation.stopReason.rawValue))")
            print(printTokenIds ? generation.tokens.map(String.init).joined(separator: " ") : generation.text)
        }
        let tokens = generations.reduce(0) { $0 + $1.tokens.count }
        let decodeSeconds = generations.map(\.decodeSeconds).max() ?? 0
        let prefillSeconds = generations.first?.prefillSeconds ?? 0
        FileHandle.standardError.write(Data(String(
            format: "prompt %d tokens, %.1f tokens/s; generated %d tokens in %d samples, %.1f tokens/s decoding, %.1f tokens/s with the prompt\n",
            promptIDs.count, Double(promptIDs.count) / max(prefillSeconds, 1e-9), tokens, n,
            Double(tokens) / max(decodeSeconds, 1e-9), Double(tokens) / max(decodeSeconds + prefillSeconds, 1e-9)).utf8))
    }

    /// A progress handler that shows samples done, the ETA and the generated tokens per second.
    static func showProgress(_ line: ProgressLine) -> @Sendable (GenerationProgress) -> Void {
        { step in
            let rate = Double(step.generatedTokens) / max(step.elapsedSeconds, 1e-9)
            line.update(done: step.done, total: step.total, elapsed: step.elapsedSeconds, extra: String(format: "%.1f tok/s", rate))
        }
    }

    /// How samples of a problem set are drawn, for either backend.
    var settings: GenerationSettings {
        GenerationSettings(samplesPerProblem: n, maxTokens: maxTokens, sampling: sampling, checkpoint: checkpointLabel,
                           promptStyle: raw ? .raw : promptStyle, extractor: extractor, parallelSequences: parallel)
    }
}

extension PromptStyle: ExpressibleByArgument {}

extension CodeExtractor: ExpressibleByArgument {}
