//! Karvon's document rendering: QR codes as SVG and PNG (and reading a PNG back), and PDF
//! forms (CN 22, CN 23, the passenger and trader declarations, the payment draft) with an
//! embedded font that covers Latin and Cyrillic. Pure functions from documents to bytes.

pub mod pdf;
pub mod qr;
