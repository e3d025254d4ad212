/// The `Authorization: Bearer KEY` check both of Proctor's HTTP servers make.
public enum BearerToken {
    /// Whether `header` (the Authorization header's value, "" when absent) presents `key`. The
    /// comparison takes the same time wherever the two differ.
    public static func matches(header: String, key: String) -> Bool {
        let expected = Array("Bearer \(key)".utf8), given = Array(header.utf8)
        var difference = expected.count == given.count ? 0 : 1
        for index in expected.indices { difference |= Int(expected[index] ^ (index < given.count ? given[index] : 0)) }
        return difference == 0
    }

    /// Whether `host` can only be reached from this machine (loopback names and addresses).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
