@testable import Adapters
import Foundation
import Inference
import Testing

@Suite("Writing adapters as PEFT directories")
struct AdapterWriterTests {
    @Test("a merged adapter written and read back has the same pairs and a PEFT config")
    func roundTrip() throws {
        let mergeCase = try #require(try LoRAFixtures.cases()["ties"])
        let merged = try LoRAFixtures.merge(mergeCase)
        let directory = try LoRAFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AdapterWriter.write(merged, to: directory)
        let reloaded = try LoRAAdapter(directory: directory)
        #expect(reloaded.config.rank == 4 && reloaded.config.alpha == 4 && !reloaded.config.useRSLoRA)
        #expect(reloaded.config.rankPattern.isEmpty && reloaded.config.alphaPattern.isEmpty)
        for (module, pair) in merged.pairs {
            #expect(reloaded.pairs[module]?.a == pair.a && reloaded.pairs[module]?.b == pair.b && reloaded.pairs[module]?.scale == 1)
        }
        try LoRAFixtures.base().validate(reloaded)
    }

    @Test("an adapter with scale ≠ 1 is written so that its ΔW is unchanged")
    func scaleIsKept() throws {
        let adapter = try LoRAFixtures.adapter("c")
        let directory = try LoRAFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AdapterWriter.write(adapter, to: directory)
        let reloaded = try LoRAAdapter(directory: directory)
        for (module, pair) in adapter.pairs {
            #expect(LoRAFixtures.maxDifference(reloaded.pairs[module]!.delta().values, pair.delta().values) < 1e-6)
        }
    }

    @Test("F16 and BF16 tensors are written rounded to nearest and read back by the safetensors reader",
          arguments: SafetensorsWriter.ElementType.allCases)
    func halfPrecision(type: SafetensorsWriter.ElementType) throws {
        let values: [Float] = [0, 1, -2.5, 0.1, 65504, 1e-3, 3.140625]
        var writer = SafetensorsWriter()
        writer.add(name: "t", shape: [values.count], values: values, as: type)
        let path = try LoRAFixtures.temporaryDirectory() + "/t.safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try writer.write(to: path)
        let file = try SafetensorsFile(path: path)
        #expect(file.metadata["format"] == "pt")
        #expect(file.dataOffset % 8 == 0)
        let read = try file.floats(named: "t")
        let tolerance: Float = type == .float32 ? 0 : (type == .float16 ? 1e-3 : 8e-3)
        for (value, back) in zip(values, read) {
            #expect(abs(value - back) <= tolerance * max(1, abs(value)), "\(type) \(value) → \(back)")
        }
    }
}
