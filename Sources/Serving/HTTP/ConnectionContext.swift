import Hummingbird
import NIOCore

/// The request context of `OpenAIServer`: Hummingbird's basics and the request's connection,
/// whose buffers a streamed answer bounds (`DeadlineBodyWriter.limitBuffers(of:)`).
struct ConnectionContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
