import DesignModel
import ExactJSON
import Foundation
import Workloads

/// FNV-1a, 64-bit, over bytes: a stable fingerprint (not a security hash).
struct FNV1a {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ data: Data) {
        data.withUnsafeBytes { bytes in
            for b in bytes { state = (state ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
    }
    var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
