/// Reads a pickle that holds exactly one Python `str`, and refuses anything else.
///
/// LiveCodeBench stores private tests as base64(zlib(pickle(json_string))). Unpickling arbitrary
/// data runs code, so this reader accepts only the opcodes a pickled str needs: PROTO, FRAME,
/// the unicode string opcodes, MEMOIZE/PUT and STOP.
enum PickledString {
    enum Failure: Error, CustomStringConvertible {
        case truncated
        case forbiddenOpcode(UInt8, offset: Int)
        case notOneString
        case invalidUTF8

        var description: String {
            switch self {
            case .truncated: return "the pickle ends early"
            case .forbiddenOpcode(let code, let offset):
                return "the pickle uses opcode 0x\(String(code, radix: 16)) at byte \(offset); only a pickled str is accepted"
            case .notOneString: return "the pickle does not hold exactly one str"
            case .invalidUTF8: return "the pickled str is not valid UTF-8"
            }
        }
    }

    static func decode(_ bytes: [UInt8]) throws -> String {
        var offset = 0
        var strings: [String] = []
        func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, offset + count <= bytes.count else { throw Failure.truncated }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
        func littleEndian(_ count: Int) throws -> Int {
            var value = 0
            for (index, byte) in try take(count).enumerated() { value |= Int(byte) << (8 * index) }
            return value
        }
        func string(length: Int) throws {
            guard let text = String(validating: try take(length), as: UTF8.self) else { throw Failure.invalidUTF8 }
            strings.append(text)
        }
        while true {
            let opcodeOffset = offset
            let opcode = try take(1).first!
            switch opcode {
            case 0x80: _ = try take(1)  // PROTO n
            case 0x95: _ = try take(8)  // FRAME length
            case 0x8C: try string(length: try littleEndian(1))  // SHORT_BINUNICODE
            case 0x58: try string(length: try littleEndian(4))  // BINUNICODE
            case 0x8D: try string(length: try littleEndian(8))  // BINUNICODE8
            case 0x94: break  // MEMOIZE
            case 0x71: _ = try take(1)  // BINPUT
            case 0x72: _ = try take(4)  // LONG_BINPUT
            case 0x2E:  // STOP
                guard strings.count == 1 else { throw Failure.notOneString }
                return strings[0]
            default:
                throw Failure.forbiddenOpcode(opcode, offset: opcodeOffset)
            }
        }
    }
}
