/// GPT-2's reversible map between bytes and printable Unicode characters.
///
/// Bytes 0x21–0x7E, 0xA1–0xAC and 0xAE–0xFF stand for themselves; the other 68 bytes map, in
/// increasing order, to U+0100, U+0101, … (so space is "Ġ" U+0120 and newline "Ċ" U+010A).
/// Byte-level BPE vocabularies spell every token in these characters.
struct ByteLevelAlphabet: Sendable {
    /// The character standing for each byte.  // [256]
    let scalarForByte: [Unicode.Scalar]
    /// The byte each alphabet character stands for.
    let byteForScalar: [Unicode.Scalar: UInt8]

    init() {
        var scalars = [Unicode.Scalar](repeating: "\0", count: 256)
        var next: UInt32 = 0x100
        for byte in 0..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            if printable {
                scalars[byte] = Unicode.Scalar(UInt32(byte))!
            } else {
                scalars[byte] = Unicode.Scalar(next)!
                next += 1
            }
        }
        scalarForByte = scalars
        byteForScalar = Dictionary(uniqueKeysWithValues: scalars.enumerated().map { ($1, UInt8($0)) })
    }

    /// The alphabet spelling of `bytes`.
    func spell<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(scalarForByte[Int(byte)]) }
        return String(text)
    }

    /// The bytes an alphabet spelling stands for; characters outside the alphabet (as in
    /// added tokens) contribute their own UTF-8.
    func bytes(of spelling: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spelling.unicodeScalars.count)
        for scalar in spelling.unicodeScalars {
            if let byte = byteForScalar[scalar] {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return bytes
    }
}
