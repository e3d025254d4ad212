import CZlib
import Foundation

/// Decompresses zlib and gzip data (LiveCodeBench's private tests, HumanEval.jsonl.gz).
enum Inflate {
    /// The bytes of the file at `path`, gunzipped when its name ends in `.gz`; `what` names the
    /// file in the error ("the file", "the completions file").
    static func fileContents(_ path: String, what: String = "the file") throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JudgeError("cannot read \(what)", file: path)
        }
        guard path.hasSuffix(".gz") else { return Array(data) }
        guard let inflated = decompress(Array(data), gzip: true) else {
            throw JudgeError("not a valid gzip file", file: path)
        }
        return inflated
    }

    /// Inflates `data`; `gzip` selects the gzip wrapper, otherwise zlib's. Nil when the data is corrupt.
    static func decompress(_ data: [UInt8], gzip: Bool) -> [UInt8]? {
        var stream = z_stream()
        let windowBits: Int32 = gzip ? 15 + 16 : 15
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = data
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if result == Z_STREAM_END { return Z_STREAM_END }
                if result != Z_OK { return result }
                if stream.avail_in == 0 && produced == 0 { return Z_BUF_ERROR }
            }
        }
        return status == Z_STREAM_END ? output : nil
    }
}
