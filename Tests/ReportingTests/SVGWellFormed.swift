import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG document with Foundation's XMLParser and records what a test needs: the
/// parse error (if any), the root element and its attributes, and every element's name.
final class SVGWellFormed: NSObject, XMLParserDelegate {
    private(set) var error: Error?
    private(set) var root: String?
    private(set) var rootAttributes: [String: String] = [:]
    private(set) var elements: [String] = []
    private(set) var texts: [String] = []
    /// `element.attribute=value` for numeric attributes whose value is not a finite number.
    private(set) var nonFiniteNumbers: [String] = []
    private var currentText: String?

    private static let numericAttributes: Set<String> = [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size", "stroke-width",
    ]

    /// Parse `svg`; true when the document is well-formed.
    static func check(_ svg: String) -> SVGWellFormed {
        let result = SVGWellFormed()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = result
        if !parser.parse() {
            result.error = parser.parserError ?? NSError(domain: "SVGWellFormed", code: 1)
        }
        return result
    }

    var ok: Bool { error == nil && root == "svg" }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if root == nil {
            root = elementName
            rootAttributes = attributeDict
        }
        elements.append(elementName)
        for (name, value) in attributeDict.sorted(by: { $0.key < $1.key }) {
            let numbers: [String]
            if Self.numericAttributes.contains(name) {
                numbers = [value]
            } else if name == "points" {
                numbers = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            } else {
                continue
            }
            for n in numbers where !(Double(n)?.isFinite ?? false) {
                nonFiniteNumbers.append("\(elementName).\(name)=\(value)")
            }
        }
        if elementName == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "text", let t = currentText {
            texts.append(t)
            currentText = nil
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }
}
