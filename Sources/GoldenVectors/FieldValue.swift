/// The value of one vector field: an unsigned bit pattern of any width, held as 64-bit words,
/// least significant first. Signed values are stored in two's complement of the field's
/// width; packed fields hold element i at bits [i·w, i·w + w).
///
/// ```swift
/// let v = FieldValue.packed([0x1, 0x2, 0xF], elementBits: 4)   // 0xF21
/// v.hex(width: 12)                                              // "0xf21"
/// v.element(2, elementBits: 4)                                  // 15
/// FieldValue(parsingHex: "0x0f21")?.bitLength                  // 12
/// ```
public struct FieldValue: Sendable, Hashable {
    /// The words, least significant first, without trailing zero words.
    public private(set) var words: [UInt64]

    public init(_ value: UInt64) { words = value == 0 ? [] : [value] }

    public init(words: [UInt64]) {
        self.words = words
        trim()
    }

    /// The low `bits` bits of a signed integer (two's complement), e.g. −1 in 8 bits is 0xFF.
    public init(signed value: Int64, bits: Int) {
        self.init(bits >= 64 ? UInt64(bitPattern: value) : UInt64(bitPattern: value) & ((1 << UInt64(bits)) - 1))
    }

    /// Elements of `elementBits` bits each (≤ 64), element 0 in the lowest bits.
    public static func packed(_ elements: [UInt64], elementBits: Int) -> FieldValue {
        var v = FieldValue(0)
        for (i, e) in elements.enumerated() { v.set(e, at: i * elementBits, bits: elementBits) }
        return v
    }

    /// The `bits` bits (≤ 64) starting at bit `lsb`.
    public func bits(at lsb: Int, count bits: Int) -> UInt64 {
        guard bits > 0 else { return 0 }
        let w = lsb / 64, o = lsb % 64
        var x = w < words.count ? words[w] >> UInt64(o) : 0
        if o > 0, w + 1 < words.count { x |= words[w + 1] << UInt64(64 - o) }
        return bits >= 64 ? x : x & ((1 << UInt64(bits)) - 1)
    }

    /// Element `i` of `elementBits` bits.
    public func element(_ i: Int, elementBits: Int) -> UInt64 { bits(at: i * elementBits, count: elementBits) }

    /// The value as a signed integer of `bits` bits (≤ 64).
    public func signed(bits: Int) -> Int64 {
        let x = self.bits(at: 0, count: bits)
        guard bits < 64 else { return Int64(bitPattern: x) }
        let shift = UInt64(64 - bits)
        return Int64(bitPattern: x << shift) >> Int64(shift)
    }

    /// The low 64 bits.
    public var low: UInt64 { words.first ?? 0 }

    /// Replace the `bits` bits (≤ 64) at `lsb` by the low bits of `value`.
    public mutating func set(_ value: UInt64, at lsb: Int, bits: Int) {
        for b in 0..<bits {
            let bit = (value >> UInt64(b)) & 1
            let p = lsb + b, w = p / 64
            while words.count <= w { words.append(0) }
            if bit == 1 { words[w] |= 1 << UInt64(p % 64) } else { words[w] &= ~(1 << UInt64(p % 64)) }
        }
        trim()
    }

    /// The number of bits up to the highest set bit (0 for zero).
    public var bitLength: Int {
        guard let top = words.last else { return 0 }
        return (words.count - 1) * 64 + 64 - top.leadingZeroBitCount
    }

    /// `0x` and ⌈width/4⌉ lowercase hex digits.
    public func hex(width: Int) -> String { "0x" + digits(width: width) }

    /// ⌈width/4⌉ lowercase hex digits, without a prefix (a `$readmemh` line).
    public func digits(width: Int) -> String {
        let count = max((width + 3) / 4, 1)
        var out = ""
        for d in stride(from: count - 1, through: 0, by: -1) {
            out.append(Character(String(bits(at: 4 * d, count: 4), radix: 16)))
        }
        return out
    }

    /// `0x` followed by hex digits (any case, any count), or nil.
    public init?(parsingHex text: String) {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        let digits = Array(text.dropFirst(2))
        guard !digits.isEmpty, digits.count <= 4096 else { return nil }
        var v = FieldValue(0)
        for (i, c) in digits.reversed().enumerated() {
            guard let d = c.hexDigitValue else { return nil }
            v.set(UInt64(d), at: 4 * i, bits: 4)
        }
        self = v
    }

    private mutating func trim() { while words.last == 0 { words.removeLast() } }
}

extension FieldValue {
    /// The `bits` bits starting at `lsb`, any width.
    ///
    /// ```swift
    /// FieldValue(0xABCD).slice(at: 4, bits: 8)   // 0xBC
    /// ```
    public func slice(at lsb: Int, bits: Int) -> FieldValue {
        var words: [UInt64] = []
        var done = 0
        while done < bits {
            let n = min(64, bits - done)
            words.append(self.bits(at: lsb + done, count: n))
            done += n
        }
        return FieldValue(words: words)
    }
}
