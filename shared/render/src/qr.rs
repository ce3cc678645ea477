//! QR codes: encode a payload as SVG or PNG, and read one back from a PNG.
//!
//! Encoding uses the smallest version (1 to 40) that holds the payload at the chosen
//! error-correction level, with mixed numeric / alphanumeric / byte segments; a signed
//! document's `KV1:` text is all alphanumeric. Every image has the 4-module quiet zone the
//! standard asks for.

mod png;

use std::fmt::Write as _;

use karvon_domain::Message;

pub use png::MAX_PIXELS;

/// Modules of quiet zone on each side.
pub const QUIET_ZONE: usize = 4;
/// Largest PNG scale, in pixels per module.
pub const MAX_SCALE: u32 = 64;

/// Error-correction level: how much of the code can be damaged and still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QrLevel {
    /// About 7 % recoverable.
    L,
    /// About 15 % recoverable.
    M,
    /// About 25 % recoverable.
    Q,
    /// About 30 % recoverable.
    H,
}

impl QrLevel {
    fn ec(self) -> qrcode::EcLevel {
        match self {
            QrLevel::L => qrcode::EcLevel::L,
            QrLevel::M => qrcode::EcLevel::M,
            QrLevel::Q => qrcode::EcLevel::Q,
            QrLevel::H => qrcode::EcLevel::H,
        }
    }

    /// What a version 40 code holds at this level: (digits, alphanumeric characters, bytes),
    /// ISO/IEC 18004:2015 table 7.
    pub fn version_40_capacity(self) -> (usize, usize, usize) {
        match self {
            QrLevel::L => (7089, 4296, 2953),
            QrLevel::M => (5596, 3391, 2331),
            QrLevel::Q => (3993, 2420, 1663),
            QrLevel::H => (3057, 1852, 1273),
        }
    }

    /// The most a version 40 code holds of text like `payload`: digits, alphanumeric
    /// characters or bytes, whichever set the whole payload fits.
    pub fn max_len_for(self, payload: &str) -> usize {
        let (digits, alphanumeric, bytes) = self.version_40_capacity();
        if payload.bytes().all(|b| b.is_ascii_digit()) {
            digits
        } else if payload.bytes().all(is_alphanumeric) {
            alphanumeric
        } else {
            bytes
        }
    }
}

fn is_alphanumeric(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_uppercase() || b" $%*+-./:".contains(&b)
}

/// Why a QR code could not be made or read.
///
/// The English text is for logs; users see [`QrError::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// The payload does not fit a version 40 code at the level.
    #[error("the text is {len} characters; a QR code at this level holds at most {max}")]
    TooLong {
        /// Payload length in bytes (one per character for digits and alphanumerics).
        len: usize,
        /// The most a version 40 code holds of such text at the level.
        max: usize,
    },
    /// The encoder refused the payload for another reason.
    #[error("the text cannot be encoded as a QR code: {detail}")]
    Encode {
        /// The encoder's reason.
        detail: String,
    },
    /// The PNG scale is 0 or above [`MAX_SCALE`].
    #[error("scale {scale} is not allowed; use 1 to {max} pixels per module")]
    Scale {
        /// The scale asked for.
        scale: u32,
        /// [`MAX_SCALE`].
        max: u32,
    },
    /// The bytes are not a PNG file.
    #[error("the file is not a PNG image")]
    NotPng,
    /// The PNG is damaged.
    #[error("the PNG image is damaged: {detail}")]
    PngCorrupt {
        /// What is wrong.
        detail: String,
    },
    /// The PNG uses a feature outside the standard's baseline.
    #[error("the PNG image cannot be read: {detail}")]
    PngUnsupported {
        /// Which feature.
        detail: String,
    },
    /// The image has more than [`MAX_PIXELS`] pixels.
    #[error("the image is {width} × {height} pixels; at most {max} pixels are read")]
    ImageTooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// [`MAX_PIXELS`].
        max: u64,
    },
    /// No QR code was found in the image.
    #[error("no QR code was found in the image")]
    NotFound,
    /// A QR code was found but not decoded.
    #[error("a QR code was found but cannot be read: {detail}")]
    Unreadable {
        /// The reader's reason.
        detail: String,
    },
}

impl QrError {
    /// The error as a translatable message.
    pub fn message(&self) -> Message {
        let int = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        match self {
            QrError::TooLong { len, max } => Message::new("qr-error-too-long")
                .int("len", int(*len as u64))
                .int("max", int(*max as u64)),
            QrError::Encode { detail } => {
                Message::new("qr-error-encode").text("detail", detail.clone())
            }
            QrError::Scale { scale, max } => Message::new("qr-error-scale")
                .int("scale", i64::from(*scale))
                .int("max", i64::from(*max)),
            QrError::NotPng => Message::new("qr-error-not-png"),
            QrError::PngCorrupt { detail } => {
                Message::new("qr-error-png-corrupt").text("detail", detail.clone())
            }
            QrError::PngUnsupported { detail } => {
                Message::new("qr-error-png-unsupported").text("detail", detail.clone())
            }
            QrError::ImageTooLarge { width, height, max } => {
                Message::new("qr-error-image-too-large")
                    .int("width", i64::from(*width))
                    .int("height", i64::from(*height))
                    .int("max", int(*max))
            }
            QrError::NotFound => Message::new("qr-error-not-found"),
            QrError::Unreadable { detail } => {
                Message::new("qr-error-unreadable").text("detail", detail.clone())
            }
        }
    }
}

/// A QR code's modules, without the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    width: usize,
    version: u8,
    level: QrLevel,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Encodes `payload` in the smallest version that holds it at `level`.
    pub fn encode(payload: &str, level: QrLevel) -> Result<QrMatrix, QrError> {
        let code = qrcode::QrCode::with_error_correction_level(payload, level.ec()).map_err(
            |e| match e {
                qrcode::types::QrError::DataTooLong => QrError::TooLong {
                    len: payload.len(),
                    max: level.max_len_for(payload),
                },
                other => QrError::Encode {
                    detail: other.to_string(),
                },
            },
        )?;
        let version = match code.version() {
            qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => u8::try_from(v).unwrap_or(0),
        };
        Ok(QrMatrix {
            width: code.width(),
            version,
            level,
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    /// Modules per side (21 for version 1, 177 for version 40).
    pub fn width(&self) -> usize {
        self.width
    }

    /// The version, 1 to 40.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// The error-correction level.
    pub fn level(&self) -> QrLevel {
        self.level
    }

    /// Whether the module at column `x`, row `y` is dark (false outside the code).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// The rows of modules, top to bottom; `true` is dark.
    pub fn rows(&self) -> Vec<Vec<bool>> {
        self.dark.chunks(self.width).map(<[bool]>::to_vec).collect()
    }

    /// The code as SVG: one white square with the quiet zone, one black path of horizontal
    /// runs, one user unit per module, `crispEdges` so that no module is blurred.
    pub fn to_svg(&self) -> String {
        let side = self.width + 2 * QUIET_ZONE;
        let mut path = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                // Writing to a String cannot fail.
                let _ = write!(
                    path,
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                );
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
             shape-rendering=\"crispEdges\">\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
             <path fill=\"#000\" d=\"{path}\"/></svg>\n"
        )
    }

    /// The code as a 1-bit greyscale PNG, `scale` pixels per module (1 to [`MAX_SCALE`]).
    pub fn to_png(&self, scale: u32) -> Result<Vec<u8>, QrError> {
        if scale == 0 || scale > MAX_SCALE {
            return Err(QrError::Scale {
                scale,
                max: MAX_SCALE,
            });
        }
        // At most (177 + 8) × 64 pixels a side.
        let side = (self.width + 2 * QUIET_ZONE) as u32 * scale;
        let module = |p: u32| (p / scale) as usize;
        Ok(png::write_bilevel(side, side, |x, y| {
            let (mx, my) = (module(x), module(y));
            mx >= QUIET_ZONE && my >= QUIET_ZONE && self.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE)
        }))
    }
}

/// The dark-module matrix of `payload` at `level` (rows top to bottom, no quiet zone), for a
/// PDF to draw.
pub fn modules(payload: &str, level: QrLevel) -> Result<Vec<Vec<bool>>, QrError> {
    Ok(QrMatrix::encode(payload, level)?.rows())
}

/// `payload` as an SVG QR code (see [`QrMatrix::to_svg`]).
pub fn to_svg(payload: &str, level: QrLevel) -> Result<String, QrError> {
    Ok(QrMatrix::encode(payload, level)?.to_svg())
}

/// `payload` as a greyscale PNG QR code, `scale` pixels per module.
pub fn to_png(payload: &str, level: QrLevel, scale: u32) -> Result<Vec<u8>, QrError> {
    QrMatrix::encode(payload, level)?.to_png(scale)
}

/// Finds a QR code in a PNG image (any colour type, bit depth or interlacing) and returns its
/// text. With several codes, the first that reads.
pub fn read_png(bytes: &[u8]) -> Result<String, QrError> {
    let image = png::read_grey(bytes)?;
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(image.width, image.height, |x, y| {
            image.pixels[y * image.width + x]
        });
    let grids = prepared.detect_grids();
    let mut last = None;
    for grid in grids {
        match grid.decode() {
            Ok((_, text)) => return Ok(text),
            Err(e) => last = Some(e),
        }
    }
    Err(match last {
        Some(e) => QrError::Unreadable {
            detail: e.to_string(),
        },
        None => QrError::NotFound,
    })
}
