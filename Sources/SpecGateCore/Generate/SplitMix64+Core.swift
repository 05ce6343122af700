import SpecGateRandom

/// The seeded generator every case is drawn from (defined in `SpecGateRandom`, so the regex generator,
/// which SpecGateCore builds on, can be specialised for it).
public typealias SplitMix64 = SpecGateRandom.SplitMix64
