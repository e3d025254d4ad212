import Hummingbird
import NIOCore

/// A response body writer that gives up on a client that stops reading. Such a client fills
/// the connection's buffers (kept small by `limitBuffers(of:)`), after which each write waits
/// for it; a write that has waited `timeout` is cancelled and throws, which ends the response:
/// the connection is closed and the streamed job, its reader gone, stops its sequences at
/// their next token.
final class DeadlineBodyWriter: @unchecked Sendable {
    // Unchecked: the writer is used by one write at a time, each awaited before the next.
    private var writer: any ResponseBodyWriter
    private let timeout: Duration

    /// Bytes the kernel may hold unsent for a stream's connection (Linux doubles it). Without a
    /// bound it grows to megabytes: hours of tokens buffered for a client that reads nothing.
    static let socketSendBufferBytes = 16 << 10
    /// What NIO holds for the connection before a write waits.  // bytes
    static let pendingBytes = ChannelOptions.Types.WriteBufferWaterMark(low: 8 << 10, high: 16 << 10)

    /// Writes through `writer`, each write given at most `timeout`.
    init(_ writer: any ResponseBodyWriter, timeout: Duration) {
        self.writer = writer
        self.timeout = timeout
    }

    /// Bounds what `channel` buffers for its client, so that one who stops reading makes a write
    /// wait within seconds rather than after megabytes.
    static func limitBuffers(of channel: any Channel) async throws {
        try await channel.setOption(ChannelOptions.socketOption(.so_sndbuf), value: SocketOptionValue(socketSendBufferBytes)).get()
        try await channel.setOption(ChannelOptions.writeBufferWaterMark, value: pendingBytes).get()
    }

    /// Writes `buffer`, or throws `ServingError` once the client has not taken it for `timeout`.
    func write(_ buffer: ByteBuffer) async throws {
        let timeout = timeout
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.writer.write(buffer) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw ServingError(.serverError, "the client read nothing for \(timeout); the stream is cancelled")
            }
            // The first to end decides; the other is cancelled (a cancelled write is not sent).
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Ends the body.
    func finish() async throws {
        try await writer.finish(nil)
    }
}
