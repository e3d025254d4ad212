@testable import Adapters
import Inference
import Testing

@Suite("Applying adapters next to the base projections")
struct AdapterSetTests {
    @Test("the hook adds s·B·(A·x) for the adapted projection and nothing elsewhere")
    func hookAddsUpdate() throws {
        let adapter = try LoRAFixtures.adapter("d")
        let set = try AdapterSet(adapters: [("code", adapter)])
        let selection = try #require(set.selection("code"))
        #expect(set.selection("base") == nil && set.selection(nil) == nil)
        let pair = try #require(adapter.pairs["model.layers.1.self_attn.v_proj"])
        let x = DenseMatrix(rows: 2, columns: 64, values: (0..<128).map { Float($0 % 7) - 3 })
        var output = [Float](repeating: 1, count: 2 * pair.outFeatures)
        x.values.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                selection.addUpdate(layer: 1, projection: .value, input: input, output: output, tokens: 2)
                selection.addUpdate(layer: 0, projection: .value, input: input, output: output, tokens: 2)
            }
        }
        let expected = pair.apply(x).values.map { $0 + 1 }
        #expect(LoRAFixtures.maxDifference(output, expected) < 1e-5)
    }

    @Test("for a llama GGUF base, Q rows follow llama.cpp's permutation of each head")
    func ggufQueryRows() throws {
        let adapter = try LoRAFixtures.adapter("a")
        let hf = try #require(try AdapterSet(adapters: [("a", adapter)]).selection("a"))
        let gguf = try #require(try AdapterSet(adapters: [("a", adapter)], layout: .ggufLlama(heads: 4, kvHeads: 2)).selection("a"))
        for projection in [Projection.query, .key] {
            let original = try #require(hf.pair(layer: 0, projection: projection)).delta()
            let permuted = try #require(gguf.pair(layer: 0, projection: projection)).delta()
            let heads = projection == .query ? 4 : 2, headDimension = original.rows / heads
            for head in 0..<heads {
                for i in 0..<headDimension / 2 {
                    for t in 0..<2 {
                        let ggufRow = head * headDimension + 2 * i + t, hfRow = head * headDimension + t * headDimension / 2 + i
                        #expect(permuted.rows(ggufRow..<ggufRow + 1) == original.rows(hfRow..<hfRow + 1))
                    }
                }
            }
        }
        #expect(gguf.pair(layer: 0, projection: .value)?.b == hf.pair(layer: 0, projection: .value)?.b)
    }

    @Test("GPT-2's fused c_attn becomes query, key and value pairs sharing A with B's row thirds; the parent segment tells the two c_proj apart")
    func gpt2ModulesMapToProjections() throws {
        let adapter = try LoRAAdapter(directory: LoRAFixtures.path("gpt2/adapters/a"))
        let selection = try #require(try AdapterSet(adapters: [("a", adapter)]).selection("a"))
        for layer in 0..<2 {
            let prefix = "transformer.h.\(layer)."
            let fused = try #require(adapter.pairs[prefix + "attn.c_attn"])
            let width = fused.outFeatures / 3
            for (third, projection) in [Projection.query, .key, .value].enumerated() {
                let pair = try #require(selection.pair(layer: layer, projection: projection))
                #expect(pair.a == fused.a && pair.scale == fused.scale)
                #expect(pair.b == fused.b.rows(third * width..<(third + 1) * width))
            }
            #expect(selection.pair(layer: layer, projection: .attentionOutput)?.b == adapter.pairs[prefix + "attn.c_proj"]?.b)
            #expect(selection.pair(layer: layer, projection: .up)?.b == adapter.pairs[prefix + "mlp.c_fc"]?.b)
            #expect(selection.pair(layer: layer, projection: .down)?.b == adapter.pairs[prefix + "mlp.c_proj"]?.b)
            #expect(selection.pair(layer: layer, projection: .gate) == nil)
        }
    }
}
