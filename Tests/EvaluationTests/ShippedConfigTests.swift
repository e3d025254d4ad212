import Adapters
import Evaluation
import Foundation
import Testing
import TestSupport

/// The configurations the repository ships: the README's main command and the documented example.
@Suite("Shipped configurations")
struct ShippedConfigTests {
    @Test("configs/demo.json compares the base with the committed demo adapter on the 20 problems the adapter never saw")
    func demo() throws {
        let config = try EvalConfig.load(RepositoryPaths.path("configs/demo.json"))
        #expect(config.checkpoints.count == 2)
        #expect(config.checkpoints[0].adapters.isEmpty && config.checkpoints[0].merge == nil, "the baseline is the base alone")
        #expect(config.checkpoints[1].adapters == [RepositoryPaths.path("adapters/smollm2-code")])
        #expect(config.checkpoints[0].model == config.checkpoints[1].model)
        _ = try LoRAAdapter(directory: config.checkpoints[1].adapters[0])
        // scripts/train-demo-adapter.py trains on every problem folder after the first 20 in
        // sorted order (--hold-out 20): the demo's limit must be those 20.
        #expect(config.problems.limit == 20)
        let (problems, skipped) = try config.problems.load()
        #expect(skipped.isEmpty)
        let evaluated = problems.map(\.id)
        let folders = try FileManager.default.contentsOfDirectory(atPath: config.problems.path).filter { name in
            FileManager.default.fileExists(atPath: config.problems.path + "/" + name + "/solution.py")
        }.sorted()
        #expect(evaluated == Array(folders.prefix(20)))
    }

    @Test("configs/interference-example.json is a valid configuration with merges and an interference table")
    func interferenceExample() throws {
        let config = try EvalConfig.load(RepositoryPaths.path("configs/interference-example.json"))
        #expect(config.checkpoints.contains { $0.merge != nil })
        #expect(config.interference?.own.isEmpty == false)
    }
}
