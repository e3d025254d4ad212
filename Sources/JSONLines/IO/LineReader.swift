#if canImport(Glibc)
import Glibc
#endif

/// Reads a file line by line in fixed-size chunks: memory is bounded by the longest line,
/// not the file. Lines end at `\n`; a `\r` before it is dropped; a UTF-8 BOM at the very
/// start is skipped.
final class LineReader {
    private let file: String
    private let descriptor: Int32
    private var chunk: [UInt8]
    private var chunkStart = 0          // next unread byte in chunk
    private var chunkEnd = 0            // bytes valid in chunk
    private var atEndOfFile = false
    private var line: [UInt8] = []      // the current line being assembled
    private var isFirstLine = true

    /// 1-based number of the line most recently returned.
    private(set) var lineNumber = 0

    init(path: String, chunkBytes: Int = 1 << 20) throws(JSONLinesError) {
        file = path
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw .cannotOpen(file: path, errno: errno) }
        descriptor = opened
        chunk = Array(repeating: 0, count: chunkBytes)
    }

    deinit { close(descriptor) }

    /// Calls `body` with the next line's bytes (without its terminator); false at end of file.
    func nextLine<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws(JSONLinesError) -> Result)
        throws(JSONLinesError) -> Result? {
        line.removeAll(keepingCapacity: true)
        var foundLine = false
        while !foundLine {
            if chunkStart == chunkEnd {
                if atEndOfFile { break }
                try refill()
                continue
            }
            let newline = chunk[chunkStart..<chunkEnd].firstIndex(of: 0x0A)
            let end = newline ?? chunkEnd
            line.append(contentsOf: chunk[chunkStart..<end])
            chunkStart = newline.map { $0 + 1 } ?? chunkEnd
            foundLine = newline != nil
        }
        if !foundLine && line.isEmpty && atEndOfFile { return nil }
        lineNumber += 1
        if line.last == 0x0D { line.removeLast() }
        if isFirstLine {
            isFirstLine = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        return try line.withUnsafeBufferPointer { bytes throws(JSONLinesError) in try body(bytes) }
    }

    private func refill() throws(JSONLinesError) {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(file: file, errno: errno)
            }
            chunkStart = 0
            chunkEnd = count
            atEndOfFile = count == 0
            return
        }
    }
}

/// The C library's message for an errno value.
func systemErrorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}
