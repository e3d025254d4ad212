import Adapters
import Evaluation
import Foundation
import Testing
import TestSupport

/// The configurations the repository ships: the README's main command and the documented example.
@Suite("Shipped configurations")
struct ShippedConfigTests {
    @Test("configs/demo.json compares Qwen2.5-Coder-1.5B with its deep and diverse adapters on the 20 problems they never saw",
          .enabled(if: ModelFiles.qwen15 != nil, "\(ModelFiles.qwen15MissingReason)"))
    func demo() throws {
        try checkDemo("configs/demo.json", model: "qwen2.5-coder-1.5b-instruct",
                      adapters: ["adapters/qwen1.5b-deep", "adapters/qwen1.5b-diverse"])
    }

    @Test("configs/smollm2-demo.json compares SmolLM2 with adapters/smollm2-code on the 20 problems it never saw",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func smolLM2Demo() throws {
        try checkDemo("configs/smollm2-demo.json", model: "smollm2", adapters: ["adapters/smollm2-code"])
    }

    /// Every checkpoint names the catalog `model` (resolved through $PROCTOR_MODELS_DIR, which
    /// scripts/test.sh and scripts/run.sh set), the first alone, each next one adding one of
    /// `adapters` in order, and the problems are the first 20, which the adapters' training
    /// (--hold-out 20) left out.
    private func checkDemo(_ path: String, model: String, adapters: [String]) throws {
        let text = try String(contentsOfFile: RepositoryPaths.path(path), encoding: .utf8)
        #expect(text.components(separatedBy: "\"model\": \"\(model)\"").count == adapters.count + 2,
                "every checkpoint names \(model)")
        let config = try EvalConfig.load(RepositoryPaths.path(path))
        #expect(config.checkpoints.count == adapters.count + 1)
        #expect(config.checkpoints[0].adapters.isEmpty && config.checkpoints[0].merge == nil, "the baseline is the base alone")
        for (index, adapter) in adapters.enumerated() where index + 1 < config.checkpoints.count {
            let checkpoint = config.checkpoints[index + 1]
            #expect(checkpoint.adapters == [RepositoryPaths.path(adapter)])
            #expect(checkpoint.model == config.checkpoints[0].model)
            #expect(checkpoint.promptStyle == config.checkpoints[0].promptStyle, "every checkpoint is asked the same way")
            _ = try LoRAAdapter(directory: checkpoint.adapters[0])
        }
        #expect(config.checkpoints.allSatisfy { $0.temperature == 0 }, "greedy: one sample says what each checkpoint does")
        #expect(config.problems.limit == 20)
        let (problems, skipped) = try config.problems.load()
        #expect(skipped.isEmpty)
        let evaluated = problems.map(\.id)
        let folders = try FileManager.default.contentsOfDirectory(atPath: config.problems.path).filter { name in
            FileManager.default.fileExists(atPath: config.problems.path + "/" + name + "/solution.py")
        }.sorted()
        #expect(evaluated == Array(folders.prefix(20)))
    }

    @Test("configs/languages.json asks the same model for Python and for C++17 on the same 20 problems")
    func languagesExample() throws {
        let config = try EvalConfig.load(RepositoryPaths.path("configs/languages.json"))
        #expect(config.checkpoints.map { $0.language?.id ?? "python" } == ["python", "cpp17"])
        #expect(config.checkpoints[0].model == config.checkpoints[1].model)
        #expect(config.checkpoints.allSatisfy { $0.adapters.isEmpty && $0.temperature == 0 })
        #expect(config.problems.limit == 20)
    }

    @Test("configs/interference-example.json is a valid configuration with merges and an interference table")
    func interferenceExample() throws {
        let config = try EvalConfig.load(RepositoryPaths.path("configs/interference-example.json"))
        #expect(config.checkpoints.contains { $0.merge != nil })
        #expect(config.interference?.own.isEmpty == false)
    }
}
