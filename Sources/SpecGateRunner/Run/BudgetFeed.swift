import Foundation
import SpecGateCore

/// `run --max-time`: after the default cases (and workflows), keeps making new, distinct cases until the
/// time is up. Each operation draws rounds of cases from generators with new seeds (round r uses the seed
/// derived from the run's seed and r, more random valid variants with their edge values, and every mutation
/// of another valid base); a case whose request (method, URL, headers, body) was already sent is skipped.
///
/// Operations take turns by smooth weighted round-robin. An operation's weight halves for every
/// ``staleHalving`` answers in a row that bring it no new status code and no new failing check (down to
/// ``minimumWeight``), and is restored to 1 by anything new; an operation whose last ``retireAfter`` rounds
/// gave no new distinct case is retired. The cases of one operation come in the same order for a seed;
/// which operation gets the next turn depends on the answers (and so does the set sent before the time is up).
struct BudgetFeed {
    /// Why the budget stopped handing out cases.
    enum Stop: Equatable {
        case timeUp
        case exhausted
    }

    /// One operation's share of the budget.
    struct Lane {
        let plan: Int
        /// Digests of every request sent for the operation (default cases included).
        var seen: Set<UInt64> = []
        var round = 0
        var stream: CaseStream?
        var newInRound = 0
        var dryRounds = 0
        var retired = false
        /// Answers in a row that brought nothing new.
        var stale = 0
        /// Status codes and failing checks seen ("200", "not_a_server_error@500").
        var outcomes: Set<String> = []
        var defaultCases = 0
        var extraCases = 0
        /// Smooth weighted round-robin state.
        var current = 0.0

        var weight: Double { max(BudgetFeed.minimumWeight, pow(0.5, Double(stale) / Double(BudgetFeed.staleHalving))) }
    }

    static let staleHalving = 10
    static let minimumWeight = 1.0 / 16
    static let retireAfter = 3
    /// Random valid variants per round, after the example, lower- and upper-boundary ones (duplicates of the
    /// default cases, skipped).
    static let validPerRound = 8

    let run: PreparedRun
    let budget: TimeBudget
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant
    private(set) var lanes: [Lane]
    private let laneOf: [String: Int]
    private(set) var stop: Stop?

    init(_ run: PreparedRun, budget: TimeBudget) {
        self.run = run
        self.budget = budget
        self.start = clock.now
        self.deadline = start.advanced(by: budget.duration)
        self.lanes = run.plans.indices.map { Lane(plan: $0) }
        var laneOf: [String: Int] = [:]
        for (index, plan) in run.plans.enumerated() { laneOf[plan.operation.id] = index }
        self.laneOf = laneOf
    }

    /// True (and stopped) once the time is up.
    mutating func expired() -> Bool {
        if stop == .timeUp { return true }
        guard clock.now >= deadline else { return false }
        stop = .timeUp
        return true
    }

    /// Notes a case the default feed handed out, so the budget never sends its request again.
    mutating func remember(_ planned: PlannedCase) {
        guard let i = laneOf[planned.operation.id] else { return }
        lanes[i].seen.insert(CaseStream.digest(planned.testCase.request))
        lanes[i].defaultCases += 1
    }

    /// New cases handed out so far.
    private(set) var handedOut = 0

    /// Folds in what a finished job's exchanges answered: new status codes or failing checks keep an
    /// operation's weight up.
    mutating func observe(_ verdicts: [ExchangeVerdict]) {
        for verdict in verdicts {
            guard let i = laneOf[verdict.exchange.operation.id] else { continue }
            var keys: [String] = []
            var status = "error"
            if case .response(let response) = verdict.exchange.outcome { status = String(response.status) }
            keys.append(status)
            for result in verdict.results where !result.violations.isEmpty { keys.append(result.check + "@" + status) }
            var new = false
            for key in keys where lanes[i].outcomes.insert(key).inserted { new = true }
            lanes[i].stale = new ? 0 : lanes[i].stale + 1
        }
    }

    /// The next new case, or nil when the time is up or no operation has a new one.
    mutating func next() -> PlannedCase? {
        while stop == nil {
            if expired() { return nil }
            guard let lane = pick() else {
                stop = .exhausted
                return nil
            }
            if let planned = draw(lane) { return planned }
        }
        return nil
    }

    /// The lane whose turn it is (smooth weighted round-robin over the lanes not retired).
    private mutating func pick() -> Int? {
        var total = 0.0
        var best: Int?
        for i in lanes.indices where !lanes[i].retired {
            lanes[i].current += lanes[i].weight
            total += lanes[i].weight
            if best.map({ lanes[i].current > lanes[$0].current }) ?? true { best = i }
        }
        if let best { lanes[best].current -= total }
        return best
    }

    /// The lane's next case not sent before; nil when its round ended without one (the next round starts
    /// on its next turn, unless the lane is retired).
    private mutating func draw(_ i: Int) -> PlannedCase? {
        if lanes[i].stream == nil { lanes[i].stream = stream(lane: i, round: lanes[i].round + 1) }
        while let testCase = lanes[i].stream?.next() {
            guard lanes[i].seen.insert(CaseStream.digest(testCase.request)).inserted else { continue }
            lanes[i].newInRound += 1
            lanes[i].extraCases += 1
            handedOut += 1
            var renamed = testCase
            renamed.id += "~r" + String(lanes[i].round + 1)
            let plan = run.plans[lanes[i].plan]
            return plan.planned(renamed, fixedParameters: run.fixedParameters)
        }
        lanes[i].round += 1
        lanes[i].dryRounds = lanes[i].newInRound == 0 ? lanes[i].dryRounds + 1 : 0
        lanes[i].newInRound = 0
        lanes[i].stream = nil
        if lanes[i].dryRounds >= Self.retireAfter { lanes[i].retired = true }
        return nil
    }

    /// Round `round`'s cases of a lane's operation: a generator with the round's seed, more valid variants,
    /// every mutation, mutating the round's valid base.
    private func stream(lane: Int, round: Int) -> CaseStream {
        var options = run.generator.options
        var seeds = SplitMix64(seed: options.seed).derived("max-time/" + String(round))
        options.seed = seeds.next()
        options.validCasesPerOperation = 3 + Self.validPerRound
        options.maxCasesPerOperation = 100_000
        let generator = CaseGenerator(spec: run.generator.spec, options: options, mutations: run.generator.mutations)
        var stream = generator.cases(for: run.plans[lanes[lane].plan].operation)
        stream.invalidBaseIndex = round % options.validCasesPerOperation
        return stream
    }

    /// The report's notes: the budget, why it stopped, the cases per operation.
    var notes: [String] {
        let elapsed = clock.now - start
        let seconds = elapsed.seconds
        let defaults = lanes.reduce(0) { $0 + $1.defaultCases }
        let extras = lanes.reduce(0) { $0 + $1.extraCases }
        let why: String
        switch stop {
        case .timeUp: why = "the time was up"
        case .exhausted: why = "no operation gave a new distinct case in \(Self.retireAfter) rounds in a row"
        case nil: why = "the run was interrupted"
        }
        var notes = [
            "time budget: --max-time \(budget.text): \(defaults + extras) cases (\(defaults) default, \(extras) new distinct) in "
                + String(format: "%.1f", seconds) + " s; stopped because \(why)"
        ]
        for lane in lanes {
            let operation = run.plans[lane.plan].operation
            let statuses = lane.outcomes.filter { !$0.contains("@") }.sorted()
            notes.append(
                "time budget: \(operation.method.rawValue.uppercased()) \(operation.path): \(lane.defaultCases + lane.extraCases) cases "
                    + "(\(lane.extraCases) new, \(lane.round) round\(lane.round == 1 ? "" : "s")\(lane.retired ? ", no more new cases" : ""))"
                    + (statuses.isEmpty ? "" : "; answered " + statuses.joined(separator: ", ")))
        }
        return notes
    }
}
