/// The one sending loop of `run`, `compare` and `replay`: jobs are made on demand, at most `limit` are in
/// flight, each is worked on in a child task of its own, and each result is folded in on the calling task
/// as it arrives (so the fold needs no lock). Cancellation (SIGINT) stops launching; what is in flight
/// finishes and is folded.
enum BoundedJobs {
    /// How far the loop got.
    struct Tally: Equatable {
        /// Jobs launched and results folded; equal unless the loop was cancelled.
        var launched = 0
        var folded = 0
        /// `next` returned nil: every job was handed out.
        var exhausted = false
    }

    /// Launches up to `limit` jobs from `next` (called with the job's launch index), runs each with `work`
    /// in a child task and hands every result to `fold` in completion order. `next` and `fold` run on the
    /// calling task only.
    static func run<Job: Sendable, Result: Sendable>(
        limit: Int,
        next: (_ index: Int) -> Job?,
        work: @escaping @Sendable (_ job: Job, _ index: Int) async -> Result,
        fold: (Result) -> Void
    ) async -> Tally {
        var tally = Tally()
        await withTaskGroup(of: Result.self) { group in
            /// Launches the next job; false when there is none left.
            func launch() -> Bool {
                let index = tally.launched
                guard let job = next(index) else {
                    tally.exhausted = true
                    return false
                }
                tally.launched += 1
                group.addTask { await work(job, index) }
                return true
            }
            var more = true
            while more && tally.launched < max(1, limit) && !Task.isCancelled { more = launch() }
            while let result = await group.next() {
                fold(result)
                tally.folded += 1
                if more && !Task.isCancelled { more = launch() }
            }
        }
        return tally
    }
}
