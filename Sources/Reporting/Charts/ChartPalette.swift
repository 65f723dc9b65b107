/// The fixed colours and marker shapes of every chart. Twelve strong colours that stay apart
/// on white: the Okabe–Ito palette without its yellow (too pale on white), then wine, olive,
/// indigo and purple from Paul Tol's muted scheme and a brown. Series `i` takes colour
/// `i mod 12` and marker `ChartMarker.forSeries(i)` (`i mod 7`), so the first 84 series all
/// differ in colour or shape (the first 12 in colour alone), and legend neighbours differ in
/// both.
///
/// ```swift
/// ChartPalette.color(0)    // "#0072B2" (blue)
/// ChartPalette.color(1)    // "#E69F00" (orange)
/// ChartPalette.color(12)   // "#0072B2" again, drawn with ChartMarker.forSeries(12) == .plus
/// ```
enum ChartPalette {
    /// Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish
    /// purple, sky blue, vermillion, black; Tol (2021) muted: wine, olive, indigo, purple; brown.
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
                         "#882255", "#999933", "#332288", "#AA4499", "#661100"]

    /// The colour for series or component `index` (negative indices count as 0).
    static func color(_ index: Int) -> String { colors[max(index, 0) % colors.count] }

    /// Neutral colours for axes, grid and text.
    static let axis = "#444444"
    static let grid = "#E3E3E3"
    static let text = "#222222"
    static let mutedText = "#666666"

    /// Black or white, whichever reads better on `hex` (`#RRGGBB`): black when the
    /// colour's luma (0.299 R + 0.587 G + 0.114 B) is at least 140 of 255.
    ///
    /// ```swift
    /// ChartPalette.textColor(on: "#0072B2")   // "#FFFFFF"
    /// ChartPalette.textColor(on: "#F0E442")   // "#000000"
    /// ```
    static func textColor(on hex: String) -> String {
        let c = channels(hex)
        let luma = 0.299 * Double(c[0]) + 0.587 * Double(c[1]) + 0.114 * Double(c[2])
        return luma >= 140 ? "#000000" : "#FFFFFF"
    }

    private static func channels(_ hex: String) -> [Int] {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6 else { return [0, 0, 0] }
        return stride(from: 0, to: 6, by: 2).map { Int(String(digits[$0..<$0 + 2]), radix: 16) ?? 0 }
    }
}
