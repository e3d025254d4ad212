/// A prompt and the samples to draw from it: one unit of work for `TextGenerator.generate(requests:)`.
public struct DecodeRequest: Sendable {
    /// The prompt's token ids (at least one).
    public var prompt: [Int]
    /// One element per sample; each sample decodes with its own settings and seed.
    public var samplings: [SamplingParameters]
    /// The most tokens any sample of this request generates.
    public var maxTokens: Int
    /// The low-rank update this request's rows get, whatever the others in the batch get (a
    /// LoRA adapter over the same base); nil: the generator's own `adapter` (none unless set).
    public var adapter: ProjectionAdapter?

    public init(prompt: [Int], samplings: [SamplingParameters], maxTokens: Int, adapter: ProjectionAdapter? = nil) {
        self.prompt = prompt
        self.samplings = samplings
        self.maxTokens = maxTokens
        self.adapter = adapter
    }
}

/// Decodes many independent sequences together (continuous batching).
///
/// Each request takes one KV-cache slot per sample: its prompt runs once into the first slot
/// and the other samples read the prompt from there. Every step is one forward pass whose rows
/// are the next token of every live sequence plus, while a newcomer is being admitted, a chunk
/// of its prompt (the rows fill the batch up to its capacity), so a prompt never stalls the
/// others for more than one step's worth of rows. When a request's samples have all finished,
/// its slots return to the pool and the next waiting request is admitted at once. Every row
/// runs the arithmetic of a batch of one, so a sequence's tokens are exactly those it gets
/// decoded alone. Requests may carry different adapters over the same base: each row gets its
/// own request's low-rank update in the shared pass.
///
/// Prompts of one evaluation share their opening (system message, instructions: about 60 of
/// 360 tokens on the corpus). The last prompt to finish running is kept in a slot of its own;
/// a newcomer with the same adapter whose prompt starts with the same tokens gets their keys
/// and values copied from there and runs only the rest. A position's keys and values depend
/// only on the tokens up to it, and every row's arithmetic is that of a batch of one, so the
/// copy holds exactly what running those tokens again would write.
final class SequenceScheduler {
    /// The fewest leading tokens worth copying from the cached prompt.
    static let minimumReuse = 8

    /// A sample being decoded.
    private struct Sequence {
        let request: Int
        let sample: Int
        let slot: Int
        var sampler: Sampler
        var matcher: StopStringMatcher
        var generated: [Int] = []
        /// The token to run next (the last one sampled); nil until the prompt has run.
        var pending: Int?
    }

    /// A request admitted to the batch: its slots and how much of its prompt has run.
    private struct Admitted {
        let index: Int
        let slots: [Int]
        var promptDone = 0
        /// Leading prompt tokens copied from the cached prefix.
        var reused = 0
        let admittedAt: ContinuousClock.Instant
        var prefillSeconds = 0.0
        var decodeStart: ContinuousClock.Instant?
        var results: [TextGenerator.Generation?]
        var unfinished: Int
    }

    private let transformer: Transformer
    private let tokenizer: Tokenizer
    private let endTokens: Set<Int>
    private let clock = ContinuousClock()

    init(transformer: Transformer, tokenizer: Tokenizer, endTokens: Set<Int>) {
        self.transformer = transformer
        self.tokenizer = tokenizer
        self.endTokens = endTokens
    }

    /// Runs `requests` with at most `maxSequences` samples decoding at once (a request with
    /// more samples than that runs alone). `onToken(request, sample, token)` returns false to
    /// stop that sample; `onFinish(request, generations)` is called once per request, in the
    /// order they finish, with one generation per sampling.
    func run<E: Error>(
        _ requests: [DecodeRequest], maxSequences: Int,
        onToken: (Int, Int, Int) -> Bool,
        onFinish: (Int, [TextGenerator.Generation]) throws(E) -> Void
    ) throws(E) {
        // Slots for the whole run up front: enough for maxSequences samples, or for the largest
        // request alone.
        let totalSamples = requests.reduce(0) { $0 + $1.samplings.count }
        transformer.state.ensureSlots(max(1, requests.map(\.samplings.count).max() ?? 1,
                                          min(maxSequences, totalSamples, transformer.state.batchCapacity)))
        var pending = requests.makeIterator()
        try run(feed: { pending.next() }, maxSequences: maxSequences, onToken: onToken, onFinish: onFinish)
    }

    /// Runs the requests `feed` hands out, numbered 0, 1, 2, … in the order it gives them, until
    /// it has none and every admitted one has finished. `feed` is asked again at every step while
    /// a request could be admitted, so a server can add work to a running batch; it returns nil
    /// when it has nothing (now). Slots are added to the pool as requests need them.
    func run<E: Error>(
        feed: () -> DecodeRequest?, maxSequences requested: Int,
        onToken: (Int, Int, Int) -> Bool,
        onFinish: (Int, [TextGenerator.Generation]) throws(E) -> Void
    ) throws(E) {
        precondition(requested >= 1, "at least one sequence at a time")
        let state = transformer.state, capacity = state.capacity, rowsPerStep = state.batchCapacity
        // One row per live sequence must leave room in a step for a newcomer's prompt.
        let maxSequences = min(requested, rowsPerStep)
        let vocabulary = transformer.config.vocabularySize
        let prefixSlot = state.reservePrefixSlot()
        var freeSlots = Array((0..<state.slotCount).reversed()).filter { $0 != prefixSlot }
        /// The prompt whose keys and values `prefixSlot` holds, and its adapter.
        var cachedPrompt: (tokens: [Int], adapter: ObjectIdentifier?)?
        func adapterIdentity(_ request: DecodeRequest) -> ObjectIdentifier? {
            (request.adapter ?? transformer.adapter)?.identity
        }
        var requests: [Int: DecodeRequest] = [:]  // admitted or waiting, by number
        var received = 0
        /// The next request to admit, numbered, or nil when the feed has none now.
        func nextFromFeed() -> Int? {
            guard let request = feed() else { return nil }
            requests[received] = request
            received += 1
            return received - 1
        }
        var nextWaiting = nextFromFeed()
        var admitted: [Int: Admitted] = [:]
        var prefilling: Int?  // the request whose prompt is running
        var sequences: [Sequence] = []

        /// Records `reason` for `sequence`; finishes its request when it was the request's last.
        func finish(_ sequence: Sequence, _ reason: TextGenerator.StopReason) throws(E) {
            guard var request = admitted[sequence.request] else { return }
            let now = clock.now
            request.results[sequence.sample] = TextGenerator.Generation(
                tokens: sequence.generated, text: sequence.matcher.text,
                promptTokenCount: requests[sequence.request]!.prompt.count, reusedPromptTokens: request.reused, stopReason: reason,
                prefillSeconds: request.prefillSeconds, decodeSeconds: (now - (request.decodeStart ?? now)).seconds)
            request.unfinished -= 1
            admitted[sequence.request] = request
            if request.unfinished == 0 {
                admitted[sequence.request] = nil
                requests[sequence.request] = nil
                for slot in request.slots { state.unshare(slot) }
                freeSlots.append(contentsOf: request.slots.reversed())
                try onFinish(request.index, request.results.map { $0! })
            }
        }

        /// Takes `next`, just sampled, as `sequence`'s token; false when the sequence ended.
        func advance(_ sequence: inout Sequence, _ next: Int) throws(E) -> Bool {
            let request = requests[sequence.request]!
            var reason: TextGenerator.StopReason?
            if endTokens.contains(next) {
                reason = .endOfGeneration
            } else {
                sequence.generated.append(next)
                sequence.sampler.accept(next)
                if sequence.matcher.append(tokenizer.bytes(of: next)) {
                    reason = .stopString
                } else if !onToken(sequence.request, sequence.sample, next) {
                    reason = .stoppedByCaller
                } else if sequence.generated.count >= request.maxTokens {
                    reason = .maxTokens
                } else if request.prompt.count + sequence.generated.count - 1 >= capacity {
                    reason = .contextFull
                }
            }
            if let reason {
                try finish(sequence, reason)
                return false
            }
            sequence.pending = next
            return true
        }

        while true {
            // Admit the next request when nothing is prefilling and its samples fit.
            if nextWaiting == nil && prefilling == nil { nextWaiting = nextFromFeed() }
            while prefilling == nil, let index = nextWaiting {
                let request = requests[index]!, count = request.samplings.count
                let live = sequences.count
                guard live == 0 || live + count <= maxSequences else { break }
                if freeSlots.count < count {
                    let first = state.slotCount
                    state.ensureSlots(first + count - freeSlots.count)
                    freeSlots.insert(contentsOf: (first..<state.slotCount).reversed(), at: 0)
                }
                nextWaiting = nextFromFeed()
                precondition(!request.prompt.isEmpty, "the prompt needs at least one token")
                let slots = (0..<count).map { _ in freeSlots.removeLast() }
                var entry = Admitted(index: index, slots: slots, admittedAt: clock.now,
                                     results: Array(repeating: nil, count: count), unfinished: count)
                if count == 0 {
                    requests[index] = nil
                    try onFinish(index, [])
                    continue
                }
                if request.prompt.count > capacity || request.maxTokens <= 0 {
                    // Nothing to run: every sample ends before its first token.
                    let reason: TextGenerator.StopReason = request.prompt.count > capacity ? .contextFull : .maxTokens
                    entry.decodeStart = clock.now
                    admitted[index] = entry
                    for (sample, sampling) in request.samplings.enumerated() {
                        try finish(Sequence(request: index, sample: sample, slot: slots[sample],
                                            sampler: Sampler(parameters: sampling, history: request.prompt),
                                            matcher: StopStringMatcher(stopStrings: sampling.stopStrings)), reason)
                    }
                    continue
                }
                for slot in slots { state.unshare(slot) }
                if let cached = cachedPrompt, cached.adapter == adapterIdentity(request) {
                    // The last prompt token always runs: its row gives the first logits.
                    let common = min(zip(cached.tokens, request.prompt).prefix { $0 == $1 }.count, request.prompt.count - 1)
                    if common >= Self.minimumReuse {
                        state.copyPositions(common, from: prefixSlot, to: slots[0])
                        entry.promptDone = common
                        entry.reused = common
                    }
                }
                admitted[index] = entry
                prefilling = index
            }

            // This step's rows: one token of every live sequence, then a chunk of the prompt.
            var rows: [Transformer.BatchToken] = []
            var rowRequests: [Int] = []
            for sequence in sequences {
                rowRequests.append(sequence.request)
                rows.append(Transformer.BatchToken(
                    token: sequence.pending!, position: requests[sequence.request]!.prompt.count + sequence.generated.count - 1,
                    sequence: sequence.slot, wantsLogits: true))
            }
            var promptEnds = false
            if let index = prefilling, rows.count < rowsPerStep, let entry = admitted[index] {
                let prompt = requests[index]!.prompt
                let end = min(prompt.count, entry.promptDone + rowsPerStep - rows.count)
                for position in entry.promptDone..<end {
                    rowRequests.append(index)
                    rows.append(Transformer.BatchToken(token: prompt[position], position: position, sequence: entry.slots[0],
                                                       wantsLogits: position == prompt.count - 1))
                }
                admitted[index]!.promptDone = end
                promptEnds = end == prompt.count
            }
            if rows.isEmpty {
                // Idle: done unless the feed has something new.
                if prefilling == nil, nextWaiting == nil, let index = nextFromFeed() { nextWaiting = index; continue }
                if nextWaiting == nil { break }
                continue
            }

            // One pass holds every row but when a request has more samples than a batch; only
            // then are the logits copied out, since each pass reuses the run state's buffer.
            // The buffer of a single pass stays valid until the next forward pass, next step.
            // Each row gets its request's adapter when any request in the step has its own.
            let rowAdapters: [ProjectionAdapter?]? = rowRequests.contains { requests[$0]!.adapter != nil }
                ? rowRequests.map { requests[$0]!.adapter ?? transformer.adapter } : nil
            var owned: UnsafeMutableBufferPointer<Float>?
            defer { owned?.deallocate() }
            let logits: UnsafeBufferPointer<Float>  // [rows wanting logits, vocabulary]
            if rows.count <= rowsPerStep {
                logits = UnsafeBufferPointer(transformer.forward(rows, rowAdapters: rowAdapters))
            } else {
                let copy = UnsafeMutableBufferPointer<Float>.allocate(capacity: rows.filter(\.wantsLogits).count * vocabulary)
                owned = copy
                var filled = 0
                for chunkStart in stride(from: 0, to: rows.count, by: rowsPerStep) {
                    let chunk = chunkStart..<min(rows.count, chunkStart + rowsPerStep)
                    let part = transformer.forward(Array(rows[chunk]), rowAdapters: rowAdapters.map { Array($0[chunk]) })
                    if let source = part.baseAddress { (copy.baseAddress! + filled).initialize(from: source, count: part.count) }
                    filled += part.count
                }
                logits = UnsafeBufferPointer(copy)
            }
            /// The token `sequence` samples from the logits of `row`.
            func sampled(_ sequence: inout Sequence, row: Int) -> Int {
                sequence.sampler.sample(UnsafeBufferPointer(rebasing: logits[(row * vocabulary)..<((row + 1) * vocabulary)]))
            }
            var still: [Sequence] = []
            for (row, sequence) in sequences.enumerated() {
                var sequence = sequence
                let next = sampled(&sequence, row: row)
                if try advance(&sequence, next) { still.append(sequence) }
            }
            if promptEnds, let index = prefilling, var entry = admitted[index] {
                let request = requests[index]!
                let now = clock.now
                entry.prefillSeconds = (now - entry.admittedAt).seconds
                entry.decodeStart = now
                admitted[index] = entry
                prefilling = nil
                state.copyPositions(request.prompt.count, from: entry.slots[0], to: prefixSlot)
                cachedPrompt = (request.prompt, adapterIdentity(request))
                for slot in entry.slots.dropFirst() {
                    state.sharePrefix(of: entry.slots[0], length: request.prompt.count, with: slot)
                }
                for (sample, sampling) in request.samplings.enumerated() {
                    var sequence = Sequence(request: index, sample: sample, slot: entry.slots[sample],
                                            sampler: Sampler(parameters: sampling, history: request.prompt),
                                            matcher: StopStringMatcher(stopStrings: sampling.stopStrings))
                    let next = sampled(&sequence, row: sequences.count)
                    if try advance(&sequence, next) { still.append(sequence) }
                }
            }
            sequences = still
        }
        precondition(admitted.isEmpty && requests.isEmpty, "the scheduler stopped with work left")
    }
}
