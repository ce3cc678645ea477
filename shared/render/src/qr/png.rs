//! A small PNG (ISO/IEC 15948) writer for 1-bit greyscale images and a reader that turns any
//! standard PNG (every colour type and bit depth, interlaced or not) into 8-bit grey.

use miniz_oxide::inflate::TINFLStatus;

use super::QrError;

const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
/// Largest image read, in pixels (4096 × 4096).
pub const MAX_PIXELS: u64 = 4096 * 4096;

/// CRC-32 (ISO 3309, as PNG uses it) of the concatenated parts.
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for part in parts {
        for &byte in *part {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                let mask = (crc & 1).wrapping_neg();
                crc = (crc >> 1) ^ (0xedb8_8320 & mask);
            }
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    // Callers write chunks far below 2^31 bytes.
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
}

/// Writes a 1-bit greyscale PNG; `dark(x, y)` pixels are black, the others white.
pub fn write_bilevel(width: u32, height: u32, dark: impl Fn(u32, u32) -> bool) -> Vec<u8> {
    let row_bytes = width.div_ceil(8) as usize;
    let mut raw = Vec::with_capacity((row_bytes + 1) * height as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for byte in 0..row_bytes as u32 {
            let mut bits = 0u8;
            for bit in 0..8 {
                let x = byte * 8 + bit;
                let white = x >= width || !dark(x, y);
                bits |= u8::from(white) << (7 - bit);
            }
            raw.push(bits);
        }
    }
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[1, 0, 0, 0, 0]); // depth 1, greyscale, deflate, adaptive, none
    let mut out = SIGNATURE.to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9),
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A decoded image as 8-bit grey, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GreyImage {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width × height` grey levels, 0 black to 255 white.
    pub pixels: Vec<u8>,
}

struct Header {
    width: usize,
    height: usize,
    depth: u8,
    colour: u8,
    interlaced: bool,
}

impl Header {
    fn channels(&self) -> usize {
        match self.colour {
            2 => 3,
            4 => 2,
            6 => 4,
            _ => 1,
        }
    }

    fn bits_per_pixel(&self) -> usize {
        self.channels() * usize::from(self.depth)
    }

    /// Bytes of one filtered row of `w` pixels, without its filter byte.
    fn row_bytes(&self, w: usize) -> usize {
        (w * self.bits_per_pixel()).div_ceil(8)
    }
}

fn corrupt(detail: impl Into<String>) -> QrError {
    QrError::PngCorrupt {
        detail: detail.into(),
    }
}

fn unsupported(detail: impl Into<String>) -> QrError {
    QrError::PngUnsupported {
        detail: detail.into(),
    }
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Reads a PNG into grey; colour is weighted (ITU-R BT.601), transparency is laid over white.
pub fn read_grey(bytes: &[u8]) -> Result<GreyImage, QrError> {
    let Some(mut rest) = bytes.strip_prefix(&SIGNATURE) else {
        return Err(QrError::NotPng);
    };
    let mut header: Option<Header> = None;
    let mut palette: Vec<[u8; 3]> = Vec::new();
    let mut alpha: Vec<u8> = Vec::new();
    let mut idat = Vec::new();
    let mut ended = false;
    while !rest.is_empty() {
        if rest.len() < 12 {
            return Err(corrupt("a chunk is cut short"));
        }
        let len = be32(&rest[..4]) as usize;
        let kind: [u8; 4] = [rest[4], rest[5], rest[6], rest[7]];
        let name = String::from_utf8_lossy(&kind).into_owned();
        if rest.len() < 12 + len {
            return Err(corrupt(format!("chunk {name} is cut short")));
        }
        let data = &rest[8..8 + len];
        if be32(&rest[8 + len..12 + len]) != crc32(&[&kind, data]) {
            return Err(corrupt(format!("chunk {name} fails its CRC check")));
        }
        rest = &rest[12 + len..];
        if header.is_none() && &kind != b"IHDR" {
            return Err(corrupt("the image does not start with IHDR"));
        }
        match &kind {
            b"IHDR" => header = Some(parse_header(data)?),
            b"PLTE" => {
                palette = data.chunks_exact(3).map(|c| [c[0], c[1], c[2]]).collect();
            }
            b"tRNS" => alpha = data.to_vec(),
            b"IDAT" => idat.extend_from_slice(data),
            b"IEND" => {
                ended = true;
                break;
            }
            _ if kind[0].is_ascii_uppercase() => {
                return Err(unsupported(format!("critical chunk {name}")));
            }
            _ => {}
        }
    }
    let header = header.ok_or_else(|| corrupt("no IHDR chunk"))?;
    if !ended {
        return Err(corrupt("no IEND chunk"));
    }
    if header.colour == 3 && palette.is_empty() {
        return Err(corrupt("a palette image has no PLTE chunk"));
    }
    let passes = passes(&header);
    let expected: usize = passes
        .iter()
        .filter(|p| p.w > 0 && p.h > 0)
        .map(|p| (header.row_bytes(p.w) + 1) * p.h)
        .sum();
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&idat, expected.max(1))
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => corrupt("the image data is longer than the image"),
            _ => corrupt("the image data does not inflate"),
        })?;
    if raw.len() != expected {
        return Err(corrupt("the image data is shorter than the image"));
    }
    let mut pixels = vec![255u8; header.width * header.height];
    let mut at = 0;
    for pass in passes.iter().filter(|p| p.w > 0 && p.h > 0) {
        let stride = header.row_bytes(pass.w);
        let rows = unfilter(&raw[at..at + (stride + 1) * pass.h], stride, &header)?;
        at += (stride + 1) * pass.h;
        for (py, row) in rows.chunks_exact(stride).enumerate() {
            for px in 0..pass.w {
                let grey = grey_at(row, px, &header, &palette, &alpha);
                let x = pass.x0 + px * pass.dx;
                let y = pass.y0 + py * pass.dy;
                pixels[y * header.width + x] = grey;
            }
        }
    }
    Ok(GreyImage {
        width: header.width,
        height: header.height,
        pixels,
    })
}

fn parse_header(data: &[u8]) -> Result<Header, QrError> {
    if data.len() != 13 {
        return Err(corrupt("IHDR is not 13 bytes"));
    }
    let width = be32(&data[0..4]);
    let height = be32(&data[4..8]);
    let (depth, colour) = (data[8], data[9]);
    if width == 0 || height == 0 {
        return Err(corrupt("the image has no pixels"));
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(QrError::ImageTooLarge {
            width,
            height,
            max: MAX_PIXELS,
        });
    }
    let depth_ok = match colour {
        0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(depth, 8 | 16),
        _ => return Err(corrupt(format!("colour type {colour} does not exist"))),
    };
    if !depth_ok {
        return Err(corrupt(format!(
            "bit depth {depth} is not allowed for colour type {colour}"
        )));
    }
    if data[10] != 0 || data[11] != 0 {
        return Err(unsupported("compression or filter method other than 0"));
    }
    let interlaced = match data[12] {
        0 => false,
        1 => true,
        other => return Err(corrupt(format!("interlace method {other} does not exist"))),
    };
    Ok(Header {
        width: width as usize,
        height: height as usize,
        depth,
        colour,
        interlaced,
    })
}

/// One (sub)image: the whole image, or an Adam7 pass.
struct Pass {
    x0: usize,
    y0: usize,
    dx: usize,
    dy: usize,
    w: usize,
    h: usize,
}

fn passes(h: &Header) -> Vec<Pass> {
    let make = |x0: usize, y0: usize, dx: usize, dy: usize| Pass {
        x0,
        y0,
        dx,
        dy,
        w: (h.width + dx - 1 - x0) / dx,
        h: (h.height + dy - 1 - y0) / dy,
    };
    if !h.interlaced {
        return vec![make(0, 0, 1, 1)];
    }
    [
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    ]
    .into_iter()
    .filter(|&(x0, y0, _, _)| x0 < h.width && y0 < h.height)
    .map(|(x0, y0, dx, dy)| make(x0, y0, dx, dy))
    .collect()
}

/// Undoes the per-row filters of one (sub)image.
fn unfilter(data: &[u8], stride: usize, h: &Header) -> Result<Vec<u8>, QrError> {
    let bpp = h.bits_per_pixel().div_ceil(8);
    let mut out = vec![0u8; data.len() / (stride + 1) * stride];
    for (y, line) in data.chunks_exact(stride + 1).enumerate() {
        let (filter, line) = (line[0], &line[1..]);
        let (done, current) = out.split_at_mut(y * stride);
        let prior = if y == 0 {
            None
        } else {
            Some(&done[(y - 1) * stride..])
        };
        let current = &mut current[..stride];
        for i in 0..stride {
            let a = if i >= bpp { current[i - bpp] } else { 0 };
            let b = prior.map_or(0, |p| p[i]);
            let c = if i >= bpp {
                prior.map_or(0, |p| p[i - bpp])
            } else {
                0
            };
            let predicted = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                other => return Err(corrupt(format!("row filter {other} does not exist"))),
            };
            current[i] = line[i].wrapping_add(predicted);
        }
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// Sample `i` (a channel value) of a row, scaled to 8 bits; also its raw value.
fn sample(row: &[u8], i: usize, depth: u8) -> (u8, u16) {
    match depth {
        16 => {
            let v = u16::from_be_bytes([row[2 * i], row[2 * i + 1]]);
            ((v >> 8) as u8, v)
        }
        8 => (row[i], u16::from(row[i])),
        _ => {
            let per_byte = 8 / usize::from(depth);
            let byte = row[i / per_byte];
            let shift = 8 - usize::from(depth) * (i % per_byte + 1);
            let max = (1u16 << depth) - 1;
            let v = (u16::from(byte) >> shift) & max;
            ((v * 255 / max) as u8, v)
        }
    }
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000) as u8
}

fn over_white(grey: u8, alpha: u8) -> u8 {
    ((u32::from(grey) * u32::from(alpha) + 255 * (255 - u32::from(alpha))) / 255) as u8
}

fn grey_at(row: &[u8], x: usize, h: &Header, palette: &[[u8; 3]], trns: &[u8]) -> u8 {
    let ch = h.channels();
    let s = |c: usize| sample(row, x * ch + c, h.depth);
    match h.colour {
        0 => {
            let (g, raw) = s(0);
            let transparent = trns.len() >= 2 && u16::from_be_bytes([trns[0], trns[1]]) == raw;
            if transparent {
                255
            } else {
                g
            }
        }
        2 => luma(s(0).0, s(1).0, s(2).0),
        3 => {
            let index = usize::from(s(0).1);
            let [r, g, b] = palette.get(index).copied().unwrap_or([0, 0, 0]);
            over_white(luma(r, g, b), trns.get(index).copied().unwrap_or(255))
        }
        4 => over_white(s(0).0, s(1).0),
        _ => over_white(luma(s(0).0, s(1).0, s(2).0), s(3).0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wraps rows (each with its filter byte) in a PNG with the given header fields.
    fn png(
        width: u32,
        height: u32,
        depth: u8,
        colour: u8,
        raw: &[u8],
        extra: &[(&[u8; 4], &[u8])],
    ) -> Vec<u8> {
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[depth, colour, 0, 0, 0]);
        let mut out = SIGNATURE.to_vec();
        chunk(&mut out, b"IHDR", &ihdr);
        for (kind, data) in extra {
            chunk(&mut out, kind, data);
        }
        chunk(
            &mut out,
            b"IDAT",
            &miniz_oxide::deflate::compress_to_vec_zlib(raw, 6),
        );
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn crc_of_iend_is_the_known_value() {
        assert_eq!(crc32(&[b"IEND"]), 0xae42_6082);
    }

    #[test]
    fn writes_and_reads_bilevel() {
        let bytes = write_bilevel(11, 3, |x, y| (x + y) % 3 == 0);
        let img = read_grey(&bytes).unwrap();
        assert_eq!((img.width, img.height), (11, 3));
        for y in 0..3 {
            for x in 0..11 {
                let want = if (x + y) % 3 == 0 { 0 } else { 255 };
                assert_eq!(img.pixels[y * 11 + x], want, "{x},{y}");
            }
        }
    }

    #[test]
    fn reads_colour_filters_and_palettes() {
        // 2 × 2 RGB, row 1 with the Sub filter, row 2 with Paeth.
        let raw = [1, 255, 0, 0, 1, 255, 0, 4, 0, 0, 255, 255, 1, 0];
        let img = read_grey(&png(2, 2, 8, 2, &raw, &[])).unwrap();
        let magenta = luma(255, 0, 255);
        assert_eq!(
            img.pixels,
            [luma(255, 0, 0), luma(0, 255, 0), magenta, magenta]
        );
        // Palette with a transparent entry, 2-bit indices.
        let img = read_grey(&png(
            3,
            1,
            2,
            3,
            &[0, 0b0001_1000],
            &[
                (b"PLTE", &[0, 0, 0, 255, 255, 255, 10, 10, 10]),
                (b"tRNS", &[255, 255, 0]),
            ],
        ))
        .unwrap();
        assert_eq!(img.pixels, [0, 255, 255]);
        // 16-bit grey with alpha.
        let img = read_grey(&png(1, 1, 16, 4, &[0, 0, 0, 0, 0], &[])).unwrap();
        assert_eq!(img.pixels, [255]);
    }

    #[test]
    fn reads_adam7() {
        // 3 × 3 8-bit grey, interlaced: passes 1 (0,0), 4 (2,0), 5 (0,2),(2,2), 6 (1,0),
        // 6 (1,2), 7 rows 1.
        let mut bytes = png(3, 3, 8, 0, &[], &[]);
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&3u32.to_be_bytes());
        ihdr.extend_from_slice(&3u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 1]);
        let raw = [
            0, 10, // pass 1: (0,0)
            0, 30, // pass 4: (2,0)
            0, 70, 90, // pass 5: (0,2) (2,2)
            0, 20, 0, 80, // pass 6: (1,0); (1,2)
            0, 40, 50, 60, // pass 7: row 1
        ];
        bytes.truncate(8);
        chunk(&mut bytes, b"IHDR", &ihdr);
        chunk(
            &mut bytes,
            b"IDAT",
            &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6),
        );
        chunk(&mut bytes, b"IEND", &[]);
        let img = read_grey(&bytes).unwrap();
        assert_eq!(img.pixels, [10, 20, 30, 40, 50, 60, 70, 80, 90]);
    }

    #[test]
    fn refuses_bad_files() {
        assert_eq!(read_grey(b"GIF89a"), Err(QrError::NotPng));
        let good = write_bilevel(4, 4, |_, _| true);
        let mut bad = good.clone();
        bad[20] ^= 1;
        assert!(
            matches!(read_grey(&bad), Err(QrError::PngCorrupt { detail }) if detail.contains("CRC"))
        );
        assert!(matches!(
            read_grey(&good[..40]),
            Err(QrError::PngCorrupt { .. })
        ));
        let huge = png(100_000, 100_000, 1, 0, &[], &[]);
        assert!(matches!(
            read_grey(&huge),
            Err(QrError::ImageTooLarge { .. })
        ));
        let wrong_depth = png(1, 1, 3, 0, &[0, 0], &[]);
        assert!(matches!(
            read_grey(&wrong_depth),
            Err(QrError::PngCorrupt { .. })
        ));
    }
}
