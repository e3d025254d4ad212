import ArgumentParser
import Foundation
import Inference

/// `proctor generate`: sample a completion from a GGUF model on the CPU.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a completion for one prompt with a GGUF model on the CPU.",
        discussion: """
            The prompt is wrapped in the model's chat template (ChatML) as one user message \
            unless --raw is given. Special tokens written in the prompt, such as <|im_start|>, \
            are parsed. Timing goes to standard error.
            """)

    @Option(help: "Path of the GGUF model file.")
    var model: String

    @Option(help: "The prompt text.")
    var prompt: String?

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
        guard (prompt == nil) != (promptFile == nil) else {
            throw ValidationError("Give exactly one of --prompt and --prompt-file.")
        }
        guard maxTokens >= 0 else { throw ValidationError("--max-tokens must not be negative.") }
        guard temperature >= 0 else { throw ValidationError("--temperature must not be negative.") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        guard topP > 0 && topP <= 1 else { throw ValidationError("--top-p must be in (0, 1].") }
    }

    func run() throws {
        let text = try prompt ?? String(contentsOfFile: promptFile!, encoding: .utf8)
        let generator = try TextGenerator(modelPath: model, contextCapacity: contextSize, threads: threads)
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
}
