import ArgumentParser
import Evaluation
import Foundation
import Inference
import Judge
import Remote

/// `proctor generate`: sample a completion from a GGUF model on the CPU.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sample completions from a GGUF model on the CPU: for one prompt, or for every problem of a set.",
        discussion: """
            One prompt: the prompt is wrapped in the model's chat template (ChatML) as one user \
            message unless --raw is given. Special tokens written in the prompt, such as \
            <|im_start|>, are parsed. Timing goes to standard error.

            A problem set (--problems): every problem gets LiveCodeBench's code-generation prompt \
            (system message, then ### Question / ### Format / ### Answer) through the chat \
            template, or its plain prompt for HumanEval; --n samples each are appended to --out as \
            Proctor samples JSONL (problem_id, checkpoint, sample_index, output, code, token \
            counts, seconds), each line flushed to disk; --resume skips what --out holds. Each \
            sample has its own seed derived from --seed, the problem and the index.

            Examples:
              proctor generate --model smollm2.gguf --prompt "Write hello world in Python" --max-tokens 64
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

    @Option(help: "Path of the GGUF model file (native backend).")
    var model: String?

    @OptionGroup(title: "Remote generation")
    var remote: RemoteOptions

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

    @Option(help: "Worker threads for the matrix products.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "KV cache size in tokens.")
    var contextSize: Int = 4096

    @Flag(help: "Use the prompt as is: no chat template, no BOS unless the model asks for it.")
    var raw = false

    @Flag(help: "Print the generated token ids instead of the text.")
    var printTokenIds = false

    func validate() throws {
        let modes = [prompt != nil, promptFile != nil, problems != nil].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("Give exactly one of --prompt, --prompt-file and --problems.")
        }
        if remote.backend == .native && model == nil { throw ValidationError("--model is required by the native backend.") }
        if remote.backend == .openai && problems == nil {
            throw ValidationError("--backend openai samples a problem set: give --problems and --out.")
        }
        if problems != nil && out == nil { throw ValidationError("--problems needs --out, the samples file to write.") }
        guard n >= 1 else { throw ValidationError("--n must be at least 1.") }
        guard maxTokens >= 0 else { throw ValidationError("--max-tokens must not be negative.") }
        guard temperature >= 0 else { throw ValidationError("--temperature must not be negative.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        guard topP > 0 && topP <= 1 else { throw ValidationError("--top-p must be in (0, 1].") }
    }

    func run() async throws {
        if remote.backend == .openai, let problems, let out {
            var set = try loadProblems(problems)
            if let limit { set = Array(set.prefix(limit)) }
            let generator = RemoteSampleGenerator(client: remote.makeClient(), settings: settings, remote: remote.settings)
            let progressLine = ProgressLine(label: "generate")
            try await generator.run(problems: set, out: out, resume: resume) { step in
                let rate = Double(step.generatedTokens) / max(step.elapsedSeconds, 1e-9)
                progressLine.update(done: step.done, total: step.total, elapsed: step.elapsedSeconds,
                                    extra: String(format: "%.1f tok/s", rate))
            }
            print("samples in \(out)")
            return
        }
        let generator = try TextGenerator(modelPath: model!, contextCapacity: contextSize, threads: threads)
        if let problems, let out {
            var set = try loadProblems(problems)
            if let limit { set = Array(set.prefix(limit)) }
            let progressLine = ProgressLine(label: "generate")
            try SampleGenerator(generator: generator, settings: settings).run(problems: set, out: out, resume: resume) { step in
                let rate = Double(step.generatedTokens) / max(step.elapsedSeconds, 1e-9)
                progressLine.update(done: step.done, total: step.total, elapsed: step.elapsedSeconds,
                                    extra: String(format: "%.1f tok/s", rate))
            }
            print("samples in \(out)")
            return
        }
        let text = try prompt ?? String(contentsOfFile: promptFile!, encoding: .utf8)
        let promptIDs = generator.promptTokens(for: text, raw: raw)
        let sampling = SamplingParameters(temperature: temperature, topK: topK, topP: topP, seed: seed)

        let output = FileHandle.standardOutput
        let generation = generator.generate(prompt: promptIDs, maxTokens: maxTokens, sampling: sampling) { token in
            if !printTokenIds { output.write(Data(generator.tokenizer.bytes(of: token))) }
            return true
        }
        if printTokenIds {
            print(generation.tokens.map(String.init).joined(separator: " "))
        } else {
            output.write(Data("\n".utf8))
        }

        let prefillRate = Double(generation.promptTokenCount) / max(generation.prefillSeconds, 1e-9)
        let decodeRate = Double(generation.tokens.count) / max(generation.decodeSeconds, 1e-9)
        FileHandle.standardError.write(Data(String(
            format: "prompt %d tokens, %.1f tokens/s; generated %d tokens, %.1f tokens/s; stop: %@\n",
            generation.promptTokenCount, prefillRate, generation.tokens.count, decodeRate,
            generation.stopReason.rawValue).utf8))
    }

    /// How samples of a problem set are drawn, for either backend.
    var settings: GenerationSettings {
        GenerationSettings(
            samplesPerProblem: n, maxTokens: maxTokens,
            sampling: SamplingParameters(temperature: temperature, topK: topK, topP: topP, seed: seed),
            checkpoint: checkpointLabel)
    }
}
