/// The fixed, colour-blind-safe colours of every chart: the Okabe–Ito palette, ordered so
/// that neighbouring series contrast, then the same eight colours lightened halfway to
/// white. Index `i` wraps around after 16 colours.
///
/// ```swift
/// ChartPalette.color(0)    // "#0072B2" (blue)
/// ChartPalette.color(1)    // "#E69F00" (orange)
/// ChartPalette.color(8)    // "#80B9D9" (light blue)
/// ```
enum ChartPalette {
    /// Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish
    /// purple, sky blue, vermillion, yellow, black.
    static let okabeIto = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The same colours mixed 50 % with white (each channel `(c + 255 + 1) / 2`, integer).
    static let light: [String] = okabeIto.map(lighten)

    /// The colour for series or component `index` (negative indices count as 0).
    static func color(_ index: Int) -> String {
        let all = okabeIto + light
        return all[max(index, 0) % all.count]
    }

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

    private static func lighten(_ hex: String) -> String {
        var out = "#"
        for value in channels(hex) {
            let mixed = (value + 256) / 2
            let text = String(mixed, radix: 16, uppercase: true)
            out += text.count == 1 ? "0" + text : text
        }
        return out
    }
}
