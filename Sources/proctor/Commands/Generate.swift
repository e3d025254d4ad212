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
        discussion: discussion)

    @Option(help: "A GGUF model file, a Hugging Face model folder, or a catalog name such as smollm2 (see `proctor models`); native backend.")
    var model: String?

    @OptionGroup(title: "Remote generation")
    var remote: RemoteOptions

    @OptionGroup(title: "Sampling")
    var sampling: SamplingOptions

    @OptionGroup(title: "Problem sets")
    var problemSet: ProblemSetOptions

    @Option(help: ArgumentHelp("""
        Chat template to use instead of the model's: chatml, llama3, a Jinja file, a JSON file with chat_template, \
        or a GGUF (a path or a fetched catalog name) whose template is read. With --backend openai it templates \
        prompts here and sends them to the completion endpoint, reply prefill included, as the native engine feeds them.
        """, valueName: "template"))
    var chatTemplate: String?

    @Option(help: "The prompt text.")
    var prompt: String?

    @Option(help: "A file holding the prompt text.")
    var promptFile: String?

    @Option(help: "Samples per problem (with --problems).")
    var n: Int = 1

    @Option(help: "The checkpoint label written with each sample (with --problems).")
    var checkpointLabel: String = "base"

    @Option(name: .customLong("adapter"), help: ArgumentHelp(
        "A PEFT LoRA adapter as LABEL=DIR, applied unmerged; repeatable, `base` for the model alone.",
        discussion: "All adapters share one copy of the base weights; each label is sampled in turn and written as its checkpoint label."))
    var adapters: [String] = []

    @Option(help: "Most tokens in one forward pass: prompt chunk size, and samples decoded together.")
    var batchSize: Int = 64

    @Option(help: "Worker threads for the matrix products.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "KV cache size in tokens.")
    var contextSize: Int = 4096

    @Flag(help: "Use the prompt as is: no chat template, no BOS unless the model asks for it (with --problems: --prompt-style raw).")
    var raw = false

    @Flag(help: "Print the generated token ids instead of the text.")
    var printTokenIds = false

    func validate() throws {
        let problems = problemSet.problems
        guard [prompt != nil, promptFile != nil, problems != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("Give exactly one of --prompt, --prompt-file and --problems.")
        }
        if remote.backend == .native && model == nil { throw ValidationError("--model is required by the native backend.") }
        if remote.backend == .openai && !adapters.isEmpty {
            throw ValidationError("--adapter applies to the native backend; a server selects adapters by model name (--checkpoint-label or --remote-model).")
        }
        if remote.backend == .openai && problems == nil {
            throw ValidationError("--backend openai samples a problem set: give --problems and --out.")
        }
        guard n >= 1 else { throw ValidationError("--n must be at least 1.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1.") }
        let style = problemSet.promptStyle
        if raw && style != .auto && style != .raw { throw ValidationError("--raw asks for plain prompts; --prompt-style \(style.rawValue) for chat prompts: give one.") }
    }

    func run() async throws {
        let template = try chatTemplate.map { try ModelCatalog.chatTemplate($0) }
        if let problems = problemSet.problems, let out = problemSet.out { return try await sample(problems, out: out, template: template) }
        let generator = try loadModel(template: template)
        defer { PromptOutput.reportPeakMemory() }
        let text = try prompt ?? String(contentsOfFile: promptFile!, encoding: .utf8)
        let output = PromptOutput(generator: generator, count: n, maxTokens: sampling.maxTokens,
                                  sampling: sampling.parameters, printTokenIDs: printTokenIds)
        for (label, adapter) in try checkpoints(of: generator) {
            if !adapters.isEmpty { print("## \(label)") }
            generator.adapter = adapter
            output.run(promptIDs: generator.promptTokens(for: text, raw: raw))
        }
    }

    /// Samples `--n` completions of every problem of `path` into `out`, from each checkpoint in turn.
    private func sample(_ path: String, out: String, template: ChatTemplate?) async throws {
        var set = try loadProblems(path)
        if let limit = problemSet.limit { set = Array(set.prefix(limit)) }
        var backends: [(label: String, backend: SampleBackend)] = []
        if remote.backend == .openai {
            backends = [(checkpointLabel, RemoteSampleGenerator(client: remote.makeClient(), settings: settings(checkpointLabel),
                                                                remote: try remote.settings(stop: sampling.stop, chatTemplate: template)))]
        } else {
            let generator = try loadModel(template: template)
            backends = try checkpoints(of: generator).map {
                ($0.label, SampleGenerator(generator: generator, settings: settings($0.label), adapter: $0.adapter))
            }
        }
        defer { if remote.backend == .native { PromptOutput.reportPeakMemory() } }
        for (position, (label, backend)) in backends.enumerated() {
            // Without --resume only the first label starts --out afresh; the others append beside it.
            try await backend.run(problems: set, out: out, resume: problemSet.resume || position > 0, notice: warn,
                                  progress: ProgressLine(label: adapters.isEmpty ? "generate" : "generate \(label)").generation)
        }
        print("samples in \(out)")
    }

    /// The native model, refused when it has a chat template Proctor cannot follow (unless --raw).
    private func loadModel(template: ChatTemplate?) throws -> TextGenerator {
        let generator = try TextGenerator(modelPath: try ModelCatalog.locate(model!), contextCapacity: contextSize,
                                          threads: threads, batchSize: batchSize, chatTemplate: template)
        if !raw, let problem = generator.chatTemplateProblem {
            throw ValidationError("\(problem). Give --chat-template chatml|llama3|FILE, or --raw for the plain prompt.")
        }
        return generator
    }

    /// `--checkpoint-label` with the base alone, or each `--adapter` (LABEL=DIR, or `base`) over the model.
    private func checkpoints(of generator: TextGenerator) throws -> [(label: String, adapter: ProjectionAdapter?)] {
        guard !adapters.isEmpty else { return [(checkpointLabel, nil)] }
        return try AdapterSet.checkpoints(adapters, base: generator.config, source: model ?? "the model", allowsBase: true)
            .map { ($0.label, $0.adapter) }
    }

    /// How samples of a problem set are drawn under `label`, for either backend.
    private func settings(_ label: String) -> GenerationSettings {
        GenerationSettings(samplesPerProblem: n, maxTokens: sampling.maxTokens, sampling: sampling.parameters, checkpoint: label,
                           promptStyle: raw ? .raw : problemSet.promptStyle, extractor: problemSet.extractor,
                           parallelSequences: problemSet.parallel, language: problemSet.language)
    }
}
