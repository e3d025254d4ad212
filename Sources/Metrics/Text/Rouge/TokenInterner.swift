/// Maps byte strings to dense integer ids, without allocating on lookups.
///
/// ROUGE compares tokens for equality only, so each distinct token becomes an `Int32` and the
/// LCS tables compare integers. Open addressing over a flat byte arena.
struct TokenInterner {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]            // id -> start in arena; starts[id + 1] is its end
    private var hashes: [UInt64] = []          // id -> hash
    private var slots: [Int32] = Array(repeating: -1, count: 1024)  // -1 is empty

    /// The number of distinct tokens seen.
    var count: Int { hashes.count }

    /// The id of `bytes`, if it has one.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = TokenInterner.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && matches(Int(id), bytes) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The id of `bytes`, assigning the next id if it is new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let id = lookup(bytes) { return id }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(TokenInterner.hash(bytes))
        if hashes.count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(id) }
        return id
    }

    /// The bytes of token `id`.
    func bytes(of id: Int32) -> ArraySlice<UInt8> {
        arena[starts[Int(id)]..<starts[Int(id) + 1]]
    }

    private func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == bytes.count else { return false }
        for offset in 0..<bytes.count where arena[start + offset] != bytes[offset] { return false }
        return true
    }

    private mutating func place(_ id: Int32) {
        var slot = Int(truncatingIfNeeded: hashes[Int(id)]) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        for id in 0..<hashes.count { place(Int32(id)) }
    }

    /// FNV-1a, then a multiplicative mix so the low bits spread.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9
    }
}
