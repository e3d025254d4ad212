@testable import Adapters
import Foundation
import Inference
import Testing

@Suite("Loading PEFT LoRA adapters")
struct AdapterLoadingTests {
    @Test("every targeted projection of both layers is loaded with scale alpha/r")
    func plainAdapterScales() throws {
        let adapter = try LoRAFixtures.adapter("a")
        #expect(adapter.pairs.count == 14)
        #expect(adapter.pairs.values.allSatisfy { $0.scale == 2 && $0.rank == 4 })
        let q = try #require(adapter.pairs["model.layers.0.self_attn.q_proj"])
        #expect(q.a.shape == [4, 64] && q.b.shape == [64, 4])
        #expect(adapter.pairs["model.layers.1.mlp.down_proj"]?.a.shape == [4, 128])
    }

    @Test("rsLoRA scales by alpha/√r")
    func rsLoRAScale() throws {
        let adapter = try LoRAFixtures.adapter("b")
        #expect(adapter.pairs.values.allSatisfy { $0.scale == 8 })
    }

    @Test("rank_pattern and alpha_pattern set per-module ranks and scales")
    func patterns() throws {
        let adapter = try LoRAFixtures.adapter("c")
        let down = try #require(adapter.pairs["model.layers.0.mlp.down_proj"])
        #expect(down.rank == 2 && down.scale == 4)
        let v = try #require(adapter.pairs["model.layers.1.self_attn.v_proj"])
        #expect(v.rank == 4 && v.scale == 8)
        #expect(adapter.pairs["model.layers.1.self_attn.q_proj"]?.scale == 2)
        #expect(adapter.config.largestRank == 4)
    }

    @Test("delta() equals PEFT's get_delta_weight for every module of the patterned adapter")
    func deltasMatchPEFT() throws {
        let adapter = try LoRAFixtures.adapter("c")
        let file = try SafetensorsFile(path: LoRAFixtures.path("c_deltas.safetensors"))
        #expect(file.tensors.count == adapter.pairs.count)
        for tensor in file.tensors {
            let module = String(tensor.name.dropLast(".delta".count))
            let pair = try #require(adapter.pairs[module], "no pair for \(module)")
            let difference = LoRAFixtures.maxDifference(pair.delta().values, try file.floats(of: tensor))
            #expect(difference < 1e-5, "\(module): \(difference)")
        }
    }

    @Test("keys with the adapter-name segment load the same pairs as keys without it")
    func adapterNameSegment() throws {
        let plain = try LoRAFixtures.adapter("a")
        let named = try LoRAFixtures.adapter("a_named")
        #expect(Set(plain.pairs.keys) == Set(named.pairs.keys))
        for (module, pair) in plain.pairs {
            #expect(named.pairs[module]?.a == pair.a && named.pairs[module]?.b == pair.b)
        }
    }

    @Test("layers_to_transform limits a list target to the named layers")
    func layersToTransform() throws {
        let adapter = try LoRAFixtures.adapter("d")
        #expect(adapter.modulePaths == ["model.layers.1.self_attn.q_proj", "model.layers.1.self_attn.v_proj"])
        #expect(adapter.config.layerIndex(of: "model.layers.1.self_attn.q_proj") == 1)
        #expect(!adapter.config.adapts(module: "model.layers.0.self_attn.q_proj"))
    }

    @Test("a regex target_modules matches whole module paths")
    func regexTargets() throws {
        let adapter = try LoRAFixtures.adapter("e")
        #expect(adapter.pairs.count == 4)
        #expect(adapter.config.targetModules == .pattern(#".*\.(q_proj|v_proj)"#))
        #expect(!adapter.config.adapts(module: "q_proj"))
    }

    @Test("every fixture adapter fits the tiny Llama base it was trained on", arguments: ["a", "b", "c", "d", "e"])
    func validatesAgainstBase(name: String) throws {
        try LoRAFixtures.base().validate(try LoRAFixtures.adapter(name))
    }

    @Test("an adapter for a base with other shapes is refused naming the module")
    func otherBaseShapes() throws {
        var shapes = try LoRAFixtures.base().weightShapes
        shapes["model.layers.1.mlp.up_proj"] = [256, 64]
        let base = BaseModules(weightShapes: shapes, source: "wider")
        #expect {
            try base.validate(try LoRAFixtures.adapter("a"))
        } throws: { error in
            "\(error)".contains("model.layers.1.mlp.up_proj") && "\(error)".contains("another base")
        }
    }

    @Test("an adapter whose module the base lacks is refused naming the module")
    func missingModule() throws {
        var shapes = try LoRAFixtures.base().weightShapes
        shapes["model.layers.0.self_attn.k_proj"] = nil
        #expect(throws: AdapterError.self) { try BaseModules(weightShapes: shapes, source: "x").validate(try LoRAFixtures.adapter("a")) }
    }

    @Test("a targeted base module without a pair is reported")
    func targetWithoutPair() throws {
        var shapes = try LoRAFixtures.base().weightShapes
        shapes["model.layers.2.self_attn.q_proj"] = [64, 64]
        #expect {
            try BaseModules(weightShapes: shapes, source: "deeper").validate(try LoRAFixtures.adapter("a"))
        } throws: { "\($0)".contains("model.layers.2.self_attn.q_proj") }
    }

    @Test("DoRA, other PEFT types and LoRA biases are refused with the field named",
          arguments: [("use_dora", "true"), ("peft_type", "\"IA3\""), ("lora_bias", "true"), ("bias", "\"all\"")])
    func refusedFeatures(field: String, value: String) throws {
        let directory = try LoRAFixtures.copyOfAdapter("adapters/a", replacing: field, with: value)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try LoRAAdapter(directory: directory)
        } throws: { error in
            guard case let .unsupportedFeature(_, reported, _) = error as? AdapterError else { return false }
            return reported == field
        }
    }

    @Test("a missing adapter directory, or a file given as one, is named as such")
    func notADirectory() throws {
        let missing = NSTemporaryDirectory() + "proctor-no-adapter-\(UUID().uuidString)"
        #expect(throws: AdapterError.notADirectory(path: missing, isFile: false)) { try LoRAAdapter(directory: missing) }
        #expect(AdapterError.notADirectory(path: missing, isFile: false).description == "\(missing): no such adapter directory")
        let file = LoRAFixtures.path("adapters/a/adapter_config.json")
        #expect(throws: AdapterError.notADirectory(path: file, isFile: true)) { try LoRAAdapter(directory: file) }
    }

    @Test("pickled adapter_model.bin is refused, not loaded")
    func pickleRefused() throws {
        let directory = try LoRAFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: LoRAFixtures.path("adapters/a/adapter_config.json"),
                                         toPath: directory + "/adapter_config.json")
        _ = FileManager.default.createFile(atPath: directory + "/adapter_model.bin", contents: Data([0x80, 0x02]))
        #expect(throws: AdapterError.pickleWeights(directory: directory)) { try LoRAAdapter(directory: directory) }
    }

    @Test("a rank that disagrees with the config names the tensor")
    func rankMismatch() throws {
        let directory = try LoRAFixtures.copyOfAdapter("adapters/a", replacing: "r", with: "8")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect { try LoRAAdapter(directory: directory) } throws: { "\($0)".contains("lora_A.weight") && "\($0)".contains("rank 8") }
    }
}
