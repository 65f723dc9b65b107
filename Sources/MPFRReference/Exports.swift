@_exported import NumberFormats
