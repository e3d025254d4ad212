@testable import Inference
import TestSupport
import Testing

/// Token ids recorded by `make_tokenizer_fixtures.py`.
struct TokenizerFixture: Decodable {
    struct Case: Decodable {
        let text: String
        let ids: [Int]
    }
    let reference: String
    let cases: [Case]
}

@Suite("Byte-level BPE tokenizer")
struct TokenizerTests {
    @Test("maps printable bytes to themselves and the rest above U+0100")
    func alphabet() {
        let alphabet = ByteLevelAlphabet()
        #expect(alphabet.scalarForByte[Int(UInt8(ascii: " "))] == "Ġ")
        #expect(alphabet.scalarForByte[Int(UInt8(ascii: "\n"))] == "Ċ")
        #expect(alphabet.scalarForByte[Int(UInt8(ascii: "A"))] == "A")
        #expect(alphabet.scalarForByte[0xAD] == "\u{143}")
        #expect(Set(alphabet.scalarForByte).count == 256)
        let bytes = Array("héllo 日本\n".utf8)
        #expect(alphabet.bytes(of: alphabet.spell(bytes)) == bytes)
    }

    @Test("GPT-2 splitting keeps one leading space and leaves the last space of a run to the word", arguments: [
        ("Hello world", ["Hello", " world"]),
        ("hello   world", ["hello", "  ", " world"]),
        ("don't stop", ["don", "'t", " stop"]),
        ("x = 10;\n\n", ["x", " =", " 10", ";", "\n\n"]),
        ("a\n b", ["a", "\n", " b"]),
        ("end  ", ["end", "  "]),
    ])
    func gpt2Split(text: String, chunks: [String]) {
        #expect(PreTokenizer.gpt2.split(text) == chunks)
    }

    @Test("SmolLM splits every digit on its own")
    func smollmDigits() {
        #expect(PreTokenizer.smollm.split("abc 123x") == ["abc", " ", "1", "2", "3", "x"])
    }

    @Test("Llama 3 groups digits by three and Qwen2 by one", arguments: [
        (PreTokenizer.llama3, "12345 ok", ["123", "45", " ok"]),
        (PreTokenizer.qwen2, "12345", ["1", "2", "3", "4", "5"]),
        (PreTokenizer.llama3, "I'M here\n\n  x", ["I", "'M", " here", "\n\n", " ", " x"]),
        (PreTokenizer.qwen2, "(a) +b", ["(a", ")", " +", "b"]),
        (PreTokenizer.llama3, "x;\n\ny", ["x", ";\n\n", "y"]),
    ])
    func llamaStyleSplit(preTokenizer: PreTokenizer, text: String, chunks: [String]) {
        #expect(preTokenizer.split(text) == chunks)
    }

    @Test("merges the lowest-ranked pair first")
    func mergeOrder() throws {
        let alphabet = ByteLevelAlphabet()
        var tokens = alphabet.scalarForByte.map { String($0) }
        tokens += ["ab", "bc", "abc"]
        let tokenizer = try Tokenizer(
            tokens: tokens, kinds: Array(repeating: .normal, count: tokens.count),
            merges: ["b c", "a b", "a bc"], preTokenizer: .gpt2, bosTokenID: nil, eosTokenID: nil, addsBOS: false)
        // "b c" ranks first, so "abc" becomes a + bc, then merges to "abc".
        #expect(tokenizer.encode("abc") == [tokens.firstIndex(of: "abc")!])
        #expect(tokenizer.encode("ab") == [tokens.firstIndex(of: "ab")!])
    }

    @Test("encodes the reference strings exactly as the reference tokenizer does",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func smolLM2Fixtures() throws {
        let path = try #require(ModelFiles.smolLM2)
        let tokenizer = try Tokenizer(gguf: GGUFFile(path: path))
        let fixture = try ModelFiles.json(TokenizerFixture.self, fixture: "tokenizer-smollm2.json")
        #expect(fixture.cases.count >= 200)
        var failures = 0
        for testCase in fixture.cases {
            let ids = tokenizer.encode(testCase.text)
            if ids != testCase.ids { failures += 1 }
            #expect(ids == testCase.ids, "\(testCase.text.debugDescription) vs \(fixture.reference)")
        }
        #expect(failures == 0)
    }

    @Test("decodes back to the original text, bytes reassembled across tokens",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func roundTrip() throws {
        let path = try #require(ModelFiles.smolLM2)
        let tokenizer = try Tokenizer(gguf: GGUFFile(path: path))
        let fixture = try ModelFiles.json(TokenizerFixture.self, fixture: "tokenizer-smollm2.json")
        let alphabet = ByteLevelAlphabet()
        for testCase in fixture.cases {
            // Bytes the vocabulary has no token for are dropped on the way in.
            let representable = testCase.text.utf8.filter { tokenizer.id(of: String(alphabet.scalarForByte[Int($0)])) != nil }
            #expect(tokenizer.decode(testCase.ids, includeSpecial: true) == String(decoding: representable, as: UTF8.self))
        }
    }

    @Test("keeps the REFERENCE.md vectors and the SmolLM2 special ids",
          .enabled(if: ModelFiles.smolLM2 != nil, "\(ModelFiles.smolLM2MissingReason)"))
    func referenceVectors() throws {
        let path = try #require(ModelFiles.smolLM2)
        let tokenizer = try Tokenizer(gguf: GGUFFile(path: path))
        #expect(tokenizer.encode("Hello world") == [19556, 905])
        #expect(tokenizer.encode("<|im_start|>user\nhi<|im_end|>\n") == [1, 4093, 198, 6004, 2, 198])
        #expect(tokenizer.bosTokenID == 1)
        #expect(tokenizer.eosTokenID == 2)
        #expect(tokenizer.addsBOS == false)
        #expect(tokenizer.encode("<|im_end|>", parseSpecial: false) != [2])
        #expect(tokenizer.decode([1, 4093, 198, 6004, 2]) == "user\nhi")
    }
}
