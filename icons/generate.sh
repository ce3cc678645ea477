#!/usr/bin/env bash
# Regenerates every app icon from karvon.svg (the one source we draw).
# Needs rsvg-convert (Debian librsvg2-bin), ImageMagick's convert (Debian imagemagick) and python3.
# Usage: icons/generate.sh     — writes the files next to this script; commit them.
set -euo pipefail
cd "$(dirname "$0")"
png() { rsvg-convert -w "$1" -h "$1" karvon.svg -o "$2"; }
# Linux/Windows/macOS sizes tauri.conf.json lists, plus the Windows Store tiles.
png 32 32x32.png
png 64 64x64.png
png 128 128x128.png
png 256 128x128@2x.png
png 512 icon.png
for s in 30 44 71 89 107 142 150 284 310; do png "$s" "Square${s}x${s}Logo.png"; done
png 50 StoreLogo.png
# Windows: one .ico with 16–256 px images.
for s in 16 24 48 256; do png "$s" "tmp-$s.png"; done
convert tmp-16.png tmp-24.png 32x32.png tmp-48.png 64x64.png tmp-256.png icon.ico
# macOS: an .icns is a header and PNG entries (ic07 = 128, ic08 = 256, ic09 = 512, ic10 = 1024).
png 1024 tmp-1024.png
python3 - <<'PY'
import struct
entries = [(b"ic07", "128x128.png"), (b"ic08", "128x128@2x.png"), (b"ic09", "icon.png"), (b"ic10", "tmp-1024.png")]
body = b""
for kind, name in entries:
    data = open(name, "rb").read()
    body += kind + struct.pack(">I", len(data) + 8) + data
open("icon.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
rm -f tmp-*.png
echo "icons written to $(pwd)"
