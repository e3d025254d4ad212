import Foundation
@testable import Inference
import TestSupport
import Testing

/// The ids HF `tokenizers` gave for each string, per tokenizer (`make_tiny_hf_models.py`).
private struct TokenizerEncodings: Decodable {
    let strings: [String]
    let tokenizers: [String: [[Int]]]

    static let fixture = try! ModelFiles.json(TokenizerEncodings.self, fixture: "tiny-hf/tokenizers/encodings.json")
}

/// Writes `files` (name → contents) into a new temporary folder; returns its path.
private func folder(_ files: [String: String]) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, contents) in files {
        try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return directory.path
}

private let fixtureTokenizerJSON = try! String(
    contentsOfFile: ModelFiles.fixture("tiny-hf/tokenizers/qwen2-split/tokenizer.json"), encoding: .utf8)

@Suite("tokenizer.json")
struct HuggingFaceTokenizerTests {
    @Test("encodes every fixture string to the ids HF tokenizers gives",
          arguments: ["gpt2-bytelevel", "qwen2-split", "llama3-split", "smollm-digits"])
    func encodesLikeHFTokenizers(name: String) throws {
        let tokenizer = try HuggingFaceTokenizer(directory: ModelFiles.fixture("tiny-hf/tokenizers/\(name)")).tokenizer
        let expected = try #require(TokenizerEncodings.fixture.tokenizers[name])
        var mismatches: [String] = []
        for (text, ids) in zip(TokenizerEncodings.fixture.strings, expected) {
            let ours = tokenizer.encode(text, parseSpecial: true)
            if ours != ids { mismatches.append("\(text.debugDescription): \(ours) != \(ids)") }
            #expect(tokenizer.decode(ours, includeSpecial: true) == text.precomposedStringWithCanonicalMapping
                    || !tokenizer.normalizesToNFC && tokenizer.decode(ours, includeSpecial: true) == text)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(expected.count): \(mismatches.prefix(5))")
        #expect(expected.count >= 99)
    }

    @Test("reads the model folder's special tokens, chat template and end tokens")
    func readsModelFolder() throws {
        let files = try HuggingFaceTokenizer(directory: ModelFiles.fixture("tiny-hf/qwen2"))
        let tokenizer = files.tokenizer
        #expect(tokenizer.vocabularySize == 300)
        #expect(tokenizer.eosTokenID == tokenizer.id(of: "<|im_end|>") && tokenizer.eosTokenID == 2)
        #expect(tokenizer.bosTokenID == nil && !tokenizer.addsBOS && tokenizer.normalizesToNFC)
        #expect(files.endOfGenerationTokenIDs == [2, 0])
        #expect(files.chatTemplate?.contains("<|im_start|>") == true)
        #expect(tokenizer.encode("<|im_start|>user\n") .first == 1)
    }

    @Test("refuses an unknown Split regex by naming it")
    func refusesUnknownRegex() throws {
        let edited = fixtureTokenizerJSON.replacingOccurrences(of: #"\\p{N}|"#, with: #"\\p{N}{1,2}|"#)
        let directory = try folder(["tokenizer.json": edited])
        #expect {
            try HuggingFaceTokenizer(directory: directory)
        } throws: { error in
            "\(error)".contains("tokenizer.json: 'pre_tokenizer.pretokenizers.0.pattern'") && "\(error)".contains(#"\p{N}{1,2}"#)
        }
    }

    @Test("refuses a normalizer other than NFC")
    func refusesOtherNormalizers() throws {
        let edited = fixtureTokenizerJSON.replacingOccurrences(of: #""type": "NFC""#, with: #""type": "Lowercase""#)
        let directory = try folder(["tokenizer.json": edited])
        #expect {
            try HuggingFaceTokenizer(directory: directory)
        } throws: { error in
            "\(error)".contains("'normalizer.type' is 'Lowercase'")
        }
    }
}
