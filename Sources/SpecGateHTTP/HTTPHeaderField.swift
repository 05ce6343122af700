import SpecGateCore

/// One header line as received: name in its original case and value. The transport uses the model's
/// header type, so a response's headers reach the checks without being copied into another type.
public typealias HTTPHeaderField = HeaderField
