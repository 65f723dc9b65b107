#!/usr/bin/env bash
# Render SVG files to PNG with headless Chromium, as a browser check of the chart writers.
#
#   scripts/check-svg.sh [--install] [--out DIR] FILE.svg...
#
# For each FILE.svg: checks that it is well-formed XML with an <svg> root that sets width,
# height and viewBox, renders it at that size with headless Chromium and writes
# DIR/FILE.png (DIR defaults to the SVG's own folder). Exits non-zero if any file fails or
# no Chromium is found. --install installs Debian's `chromium` package (apt-get, as root)
# when no Chromium is on PATH.
#
# Sample charts from the test suite:
#   QARCH_CHART_SAMPLES=/tmp/charts swift test --disable-xctest --filter ReportingTests
#   scripts/check-svg.sh /tmp/charts/*.svg
set -euo pipefail

install=0
out=""
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --install) install=1; shift ;;
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) files+=("$1"); shift ;;
    esac
done
if [ ${#files[@]} -eq 0 ]; then
    echo "check-svg: no SVG files given (see --help)" >&2
    exit 2
fi

find_chromium() {
    for name in chromium chromium-browser google-chrome google-chrome-stable chrome; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    return 1
}

if ! CHROMIUM="$(find_chromium)"; then
    if [ "$install" -eq 1 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
        CHROMIUM="$(find_chromium)" || { echo "check-svg: chromium install failed" >&2; exit 1; }
    else
        echo "check-svg: no Chromium on PATH (run with --install, or apt-get install chromium)" >&2
        exit 1
    fi
fi
echo "check-svg: using $("$CHROMIUM" --version 2>/dev/null | tail -n 1)"

# Print "WIDTH HEIGHT" of an SVG after checking it is well-formed with the attributes we need.
svg_size() {
    python3 - "$1" <<'PY'
import re, sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except ET.ParseError as e:
    sys.exit(f"not well-formed XML: {e}")
if root.tag != "{http://www.w3.org/2000/svg}svg":
    sys.exit(f"root element is {root.tag}, not an SVG <svg> in the SVG namespace")
w, h, vb = root.get("width"), root.get("height"), root.get("viewBox")
if not (w and h and vb):
    sys.exit("the <svg> root must set width, height and viewBox")
if root.findall(".//{http://www.w3.org/2000/svg}script"):
    sys.exit("contains <script>")
if not (re.fullmatch(r"\d+", w) and re.fullmatch(r"\d+", h)):
    sys.exit(f"width/height must be whole pixels, found {w!r} x {h!r}")
print(w, h)
PY
}

# Crop PNG $1 to $2 x $3 pixels in place (pure Python: zlib + PNG filters), and fail
# when the result is blank (every pixel the same colour) or smaller than asked.
crop_png() {
    python3 - "$1" "$2" "$3" <<'PY'
import struct, sys, zlib
path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + length]
    pos += 12 + length
    if kind == b"IHDR":
        w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
    elif kind == b"IDAT":
        idat += chunk
if depth != 8 or color not in (2, 6) or interlace:
    sys.exit(f"unexpected PNG format (depth {depth}, colour type {color}, interlace {interlace})")
if w < want_w or h < want_h:
    sys.exit(f"rendered {w}x{h}, smaller than the SVG's {want_w}x{want_h}")
bpp = 4 if color == 6 else 3
raw = zlib.decompress(idat)
stride = w * bpp + 1
rows, prev = [], bytearray(w * bpp)
for y in range(want_h):
    f = raw[y * stride]
    line = bytearray(raw[y * stride + 1:(y + 1) * stride])
    for i in range(len(line)):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line
cropped = [bytes(r[:want_w * bpp]) for r in rows]
if len(set(cropped)) <= 1 and len(set(cropped[0][i:i + bpp] for i in range(0, len(cropped[0]), bpp))) <= 1:
    sys.exit("the rendered chart is blank")
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", want_w, want_h, 8, color, 0, 0, 0))
out += chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + r for r in cropped), 9)) + chunk(b"IEND", b"")
open(path, "wb").write(out)
PY
}

status=0
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for svg in "${files[@]}"; do
    if [ ! -f "$svg" ]; then echo "FAIL $svg: no such file" >&2; status=1; continue; fi
    if ! size="$(svg_size "$svg" 2>&1)"; then echo "FAIL $svg: $size" >&2; status=1; continue; fi
    read -r width height <<<"$size"
    dir="${out:-$(dirname "$svg")}"
    mkdir -p "$dir"
    png="$dir/$(basename "${svg%.svg}").png"
    rm -f "$png"
    abs="$(cd "$(dirname "$svg")" && pwd)/$(basename "$svg")"
    # Headless Chromium keeps a minimum window height and loses some pixels of the window
    # to browser UI, so render taller than the chart and crop the PNG to its size.
    tall=$(( (height < 400 ? 400 : height) + 200 ))
    if ! timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$profile" --default-background-color=FFFFFFFF \
        --window-size="$width,$tall" --screenshot="$png" "file://$abs" >/dev/null 2>&1; then
        echo "FAIL $svg: chromium exited with an error" >&2; status=1; continue
    fi
    if [ ! -s "$png" ]; then echo "FAIL $svg: chromium wrote no PNG" >&2; status=1; continue; fi
    if ! msg="$(crop_png "$png" "$width" "$height" 2>&1)"; then
        echo "FAIL $svg: $msg" >&2; status=1; continue
    fi
    echo "ok   $svg -> $png (${width}x${height})"
done
exit "$status"
