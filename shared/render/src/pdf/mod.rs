//! PDF forms with an embedded Latin + Cyrillic font.
