import ArithmeticUnits
import DesignModel
import Foundation
import TensorEngine
import Testing

/// Walks `UnitRegistry`: every kind is complete and used, so a kind added without one of
/// its pieces fails here (the protocol makes the compiler catch missing members).
@Suite struct UnitRegistryTests {
    static let kindNames = UnitRegistry.kinds.map { $0.name }

    static func designs() throws -> [(file: String, design: Design)] {
        try TestFiles.designs.map { ($0.lastPathComponent, try Design.decode(try TestFiles.data($0))) }
    }

    @Test func namesAndFieldKeysAreUnique() {
        #expect(Set(Self.kindNames).count == Self.kindNames.count)
        for kind in UnitRegistry.kinds {
            let keys = kind.fields.map(\.key)
            #expect(Set(keys).count == keys.count, "\(kind.name)")
            #expect(!keys.contains("kind") && !keys.contains("paper_pe"), "\(kind.name): kind and paper_pe are every kind's")
            #expect(UnitRegistry.kind(named: kind.name) == kind)
        }
    }

    /// Every file in `Sources/DesignModel/UnitKinds/` declares a registered kind of its name.
    @Test func everyKindFileIsRegistered() throws {
        let dir = TestFiles.root.appendingPathComponent("Sources/DesignModel/UnitKinds")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        let registered = Set(UnitRegistry.kinds.map { String(describing: $0) })
        #expect(Set(files.map { String($0.dropLast(".swift".count)) }) == registered)
    }

    /// Each kind has a design in `Designs/` and bench cases; each design's unit is its kind's.
    @Test func everyKindIsUsedAndBenched() throws {
        let used = Set(try Self.designs().map(\.design.unit.kindName))
        #expect(used == Set(Self.kindNames), "kinds without a design file: \(Set(Self.kindNames).subtracting(used))")
        for kind in UnitRegistry.kinds { #expect(!kind.benchCases.isEmpty, "\(kind.name) has no bench case") }
    }

    /// A unit whose weights carry per-group metadata (B stored per group, `per > 1`) declares
    /// dequantization traffic, unless its scales reach the PE with the weights and no
    /// epilogue reads them again: the weight is dequantized on the way in (`dequant-fp16`) or
    /// the scales are per block of both operands (`block-dot`). A new group-quantized kind
    /// that returns nil fails here instead of silently moving no dequantization bytes.
    @Test func groupQuantizedUnitsDeclareDequantTraffic() throws {
        let dequantizedOnTheWayIn: Set<String> = ["dequant-fp16", "block-dot"]
        for (file, design) in try Self.designs() where design.unit.operandWidths.b.per > 1 {
            let scheme = design.unit.dequantTraffic
            if dequantizedOnTheWayIn.contains(design.unit.kindName) {
                #expect(scheme == nil, "\(file)")
            } else {
                #expect(scheme?.groupSize == design.unit.operandWidths.b.per, "\(file): dequant group ≠ stored group")
                #expect((scheme?.scaleBits ?? 0) > 0, "\(file): no scale reads")
            }
        }
    }

    /// The cycles per step and dot width the engine uses are the built unit's timing, and a
    /// decoded unit equals itself and differs from another kind.
    @Test func timingAndEqualityComeFromTheKind() throws {
        let all = try Self.designs()
        for (file, design) in all {
            let unit = design.makeUnit()
            #expect(design.arrayConfig().cyclesPerStep == unit.timing.initiationInterval, "\(file)")
            #expect(design.unit == design.unit, "\(file)")
            for (other, d) in all where d.unit.kindName != design.unit.kindName {
                #expect(d.unit != design.unit, "\(file) = \(other)")
            }
        }
    }
}
