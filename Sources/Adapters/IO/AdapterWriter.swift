import Foundation

/// Writes an adapter as a PEFT directory: `adapter_config.json` and
/// `adapter_model.safetensors` with keys `base_model.model.<module>.lora_A.weight` / `.lora_B.weight`.
public enum AdapterWriter {
    /// Writes `adapter` into `directory` (created if needed), tensors as `elementType`.
    public static func write(
        _ adapter: LoRAAdapter, to directory: String, elementType: SafetensorsWriter.ElementType = .float32
    ) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AdapterError.cannotWrite(path: directory, reason: "\(error)")
        }
        let folder = URL(fileURLWithPath: directory)
        var writer = SafetensorsWriter()
        for module in adapter.modulePaths {
            let pair = adapter.pairs[module]!
            // The written config gives every module scale 1 only if its scale is folded in.
            let b = pair.scale == 1 ? pair.b : pair.b.scaled(by: pair.scale / Float(try adapter.config.scale(of: module)))
            writer.add(name: LoRAAdapter.keyPrefix + module + ".lora_A.weight", shape: pair.a.shape, values: pair.a.values, as: elementType)
            writer.add(name: LoRAAdapter.keyPrefix + module + ".lora_B.weight", shape: b.shape, values: b.values, as: elementType)
        }
        try writer.write(to: folder.appendingPathComponent(LoRAAdapter.weightsFileName).path)
        let configPath = folder.appendingPathComponent(LoRAConfig.fileName).path
        do {
            let object = try JSONSerialization.jsonObject(with: adapter.config.rawJSON)
            let json = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            try json.write(to: URL(fileURLWithPath: configPath), options: .atomic)
        } catch let error as AdapterError {
            throw error
        } catch {
            throw AdapterError.cannotWrite(path: configPath, reason: "\(error)")
        }
    }
}
