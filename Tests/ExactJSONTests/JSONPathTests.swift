import ExactJSON
import Testing

/// JSON paths as error messages write them, parsed back.
@Suite struct JSONPathTests {
    @Test func pathsRoundTrip() throws {
        for text in ["array.rows", "memories[1].size_kib", "cost_overrides[\"mac.fp16\"].energy_pj", "[\"$schema\"]", "$"] {
            #expect(try JSONPath(parsing: text).description == text)
        }
        #expect(JSONPath.root.key("memories").index(1).key("size_kib").description == "memories[1].size_kib")
    }
}
