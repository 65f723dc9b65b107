import Testing
@testable import Reporting

/// Assertions every produced chart must pass: XMLParser accepts it, the root is an `<svg>`
/// with width, height, viewBox and font-family, there is no script, and every numeric
/// attribute is a finite number.
func expectValidSVG(_ svg: String, width: Int, height: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let parsed = SVGWellFormed.check(svg)
    #expect(parsed.ok, "XML parse error: \(String(describing: parsed.error))", sourceLocation: sourceLocation)
    #expect(parsed.rootAttributes["width"] == String(width), sourceLocation: sourceLocation)
    #expect(parsed.rootAttributes["height"] == String(height), sourceLocation: sourceLocation)
    #expect(parsed.rootAttributes["viewBox"] == "0 0 \(width) \(height)", sourceLocation: sourceLocation)
    #expect(parsed.rootAttributes["font-family"] == "sans-serif", sourceLocation: sourceLocation)
    #expect(!parsed.elements.contains("script") && !parsed.elements.contains("style"), sourceLocation: sourceLocation)
    for bad in parsed.nonFiniteNumbers {
        Issue.record("non-numeric coordinate \(bad)", sourceLocation: sourceLocation)
    }
}
