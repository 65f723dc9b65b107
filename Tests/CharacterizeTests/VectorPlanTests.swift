import NumberFormats
import Testing
@testable import Characterize

@Suite struct VectorPlanTests {
    @Test func smallInputSpacesAreEnumerated() {
        let ports = [PrimitivePort("a", 4), PrimitivePort("b", 4)]
        let plan = VectorPlan.standard(inputs: ports, randomCount: 1000, seed: 1) { _ in [] }
        #expect(plan.mode == .exhaustive)
        #expect(plan.vectorCount == 256)
        let values = plan.values(ports: ports)
        #expect(values.count == 512)
        #expect(Array(values[2...3]) == [1, 0])          // vector 1: a = 1, b = 0
        #expect(Array(values[32...33]) == [0, 1])        // vector 16: a = 0, b = 1
        // 20 input bits is still exhaustive; 21 is random.
        #expect(Primitive.tableRead(entries: 4, bits: 4).checkPlan.mode == .exhaustive)
        #expect(Primitive.adder(bits: 16).checkPlan.mode == .random)
    }

    @Test func randomPlansRunTheSpecialsFirstAndRepeat() {
        let p = Primitive.floatAdder(.fp16)
        #expect(p.checkPlan.mode == .random)
        let specials = FloatPrimitiveFormat.fp16.specialPairs
        #expect(p.checkPlan.vectorCount == specials.count + 200_000)
        let values = p.checkPlan.values(ports: p.inputs)
        #expect(Array(values[0..<2]) == specials[0])
        #expect(values.contains(0x7E00) && values.contains(0xFC00) && values.contains(0x0001))
        #expect(values == p.checkPlan.values(ports: p.inputs))
    }

    @Test func streamsAreSeededAndLLMLike() {
        let p = Primitive.multiplier(bits: 8, by: 8, signed: true)
        let a = p.stream.values(ports: p.inputs), b = p.stream.values(ports: p.inputs)
        #expect(a == b && a.count == 2 * OperandStream.defaultCount)
        // LLM-like integers cluster near zero: most have a magnitude under 64 (4σ = 127).
        let small = a.filter { abs(Primitive.signExtend($0, bits: 8)) < 64 }.count
        #expect(small > a.count * 3 / 4 && small < a.count)
    }
}
