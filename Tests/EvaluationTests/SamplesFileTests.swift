import Foundation
import Inference
import TestSupport
@testable import Evaluation
import Samples
import Testing

@Suite("Samples files: one writer, torn lines")
struct SamplesFileTests {
    static func record(_ index: Int) throws -> SampleRecord {
        let line = #"{"problem_id": "p", "checkpoint": "base", "sample_index": \#(index), "output": "x", "code": "print(1)\n", "#
            + #""prompt_format": "raw", "extractor": "auto", "stop_reason": "maxTokens", "seconds": 0.5, "seed": 7}"#
        return try JSONDecoder().decode(SampleRecord.self, from: Data(line.utf8))
    }

    @Test("a second writer is refused, resuming or not, and the file keeps its samples; a torn last line is cut and reported on resume")
    func oneWriterAndTornLines() throws {
        let path = NSTemporaryDirectory() + "proctor-samples-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let first = try SamplesFile(path: path, resume: false)
            try first.append([Self.record(0), Self.record(1)])
            for resume in [false, true] {
                #expect {
                    _ = try SamplesFile(path: path, resume: resume)
                } throws: { error in
                    "\(error)".contains("another process is writing this file")
                }
            }
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2, "the refused writer changed the file")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"checkpoint": "base", "co"#.utf8))
        try handle.close()

        let resumed = try SamplesFile(path: path, resume: true)
        #expect(resumed.cutBytes == 26)
        #expect(resumed.repairNote?.contains(path) == true)
        #expect(resumed.contains(problemID: "p", checkpoint: "base", index: 1))
        #expect(!resumed.contains(problemID: "p", checkpoint: "base", index: 2))
        try resumed.append([Self.record(2)])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 3 && text.hasSuffix("\n"))
        let last = try JSONDecoder().decode(SampleRecord.self, from: Data(text.split(separator: "\n")[2].utf8))
        #expect(try last == Self.record(2), "a record reads back as it was written")
        #expect(!text.contains("prompt_tokens"), "absent fields are left out of the line")
    }

    @Test("resuming a samples file with a damaged line in the middle is an error naming the file and line, and the file is kept")
    func damagedLineStopsResume() throws {
        let path = NSTemporaryDirectory() + "proctor-samples-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let good = try String(decoding: Self.record(0).line(), as: UTF8.self)
        let text = good + "\n{\"problem_id\": \"p\", oops\n" + good.replacingOccurrences(of: "\"sample_index\":0", with: "\"sample_index\":1") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try SamplesFile(path: path, resume: true)
        } throws: { error in
            "\(error)".contains(path + ":2:")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test("one proctor eval per run folder: a second lock on the folder is refused until the first is let go")
    func runFolderLock() throws {
        let root = NSTemporaryDirectory() + "proctor-run-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = RunDirectory(root)
        let held = try directory.lock()
        #expect {
            _ = try directory.lock()
        } throws: { error in
            "\(error)".contains("another proctor eval is running in this folder")
        }
        close(held)
        close(try directory.lock())
    }
}

@Suite("Reasoning tokens counted apart")
struct ReasoningTokenTests {
    @Test("the reasoning block's tokens are those up to its closing tag; an unclosed block is all reasoning; no block is nil")
    func counts() throws {
        let tokenizer = try HuggingFaceTokenizer(directory: ModelFiles.fixture("tiny-hf/qwen2")).tokenizer
        let reasoning = "<think>\nadd them, check the sign\n</think>"
        let output = reasoning + "\n```python\nprint(1 + 2)\n```"
        let total = tokenizer.encode(output, parseSpecial: false).count
        let counted = SampleRecord.reasoningTokenCount(output, completionTokens: total, tokenizer: tokenizer)
        #expect(counted == tokenizer.encode(reasoning, parseSpecial: false).count)
        #expect((counted ?? 0) > 0 && (counted ?? total) < total)
        // A template that opened the block in the prompt: the output holds only the closing tag.
        #expect(SampleRecord.reasoningTokenCount("so 3\n</think>\nprint(3)", completionTokens: 100, tokenizer: tokenizer)
                == tokenizer.encode("so 3\n</think>", parseSpecial: false).count)
        #expect(SampleRecord.reasoningTokenCount("<think>\nstill thinking", completionTokens: 7, tokenizer: tokenizer) == 7)
        #expect(SampleRecord.reasoningTokenCount("print(3)", completionTokens: 4, tokenizer: tokenizer) == nil)
    }
}
