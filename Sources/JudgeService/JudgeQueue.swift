/// Admission and concurrency for judging requests: at most `slots` judged at once, at most
/// `capacity` more waiting in arrival order; a request beyond that is refused before it is
/// accepted. An accepted request is always judged and answered, even when its client has gone.
actor JudgeQueue {
    let slots: Int
    let capacity: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Counters for `/health` and the load test.
    private(set) var accepted = 0
    private(set) var answered = 0
    private(set) var refused = 0

    init(slots: Int, capacity: Int) {
        self.slots = slots
        self.capacity = capacity
    }

    /// Takes a slot, waiting for one when all are busy; throws when the queue is full.
    func enter() async throws(JudgeServiceError) {
        if running < slots {
            running += 1
            accepted += 1
            return
        }
        guard waiting.count < capacity else {
            refused += 1
            throw JudgeServiceError(status: 429, "\(slots) requests are being judged and \(capacity) are waiting; retry later",
                                    code: "queue_full")
        }
        accepted += 1
        // The slot is handed over by `leave`, so `running` already counts this request when it wakes.
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives the slot to the longest waiting request, or frees it.
    func leave() {
        answered += 1
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// What `/health` reports.
    func snapshot() -> Snapshot {
        Snapshot(running: running, waiting: waiting.count, accepted: accepted, answered: answered, refused: refused)
    }

    struct Snapshot: Encodable {
        let running, waiting, accepted, answered, refused: Int
        var status = "ok"
    }
}
