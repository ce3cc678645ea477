//! QR codes: encode a payload as SVG or PNG, and read one back from a PNG.
