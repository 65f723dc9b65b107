import NumberFormats

/// A format named on the command line: an element format or a block format.
enum NamedFormat {
    case element(ElementFormat)
    case block(BlockFormat)
}
