import NumberFormats

/// An inference phase: prefill processes a prompt (M = tokens), decode one token per
/// sequence (M = batch).
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable { case prefill, decode }
