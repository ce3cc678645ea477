//! The strict CBOR decoder: a serde `Deserializer` over a byte slice that accepts only the
//! canonical subset [`super::ser`] writes.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::{CodecError, MAJOR_ARRAY, MAJOR_BYTES, MAJOR_MAP, MAJOR_NEG, MAJOR_TEXT, MAJOR_UINT};
use super::{MAJOR_SIMPLE, MAX_DEPTH, SIMPLE_FALSE, SIMPLE_NULL, SIMPLE_TRUE};

/// Reads canonical CBOR from a slice.
pub(super) struct Decoder<'de> {
    input: &'de [u8],
    pos: usize,
    depth: usize,
}

impl<'de> Decoder<'de> {
    pub(super) fn new(input: &'de [u8]) -> Self {
        Self {
            input,
            pos: 0,
            depth: 0,
        }
    }

    /// Fails unless every byte was read.
    pub(super) fn end(&self) -> Result<(), CodecError> {
        let left = self.input.len() - self.pos;
        if left == 0 {
            Ok(())
        } else {
            Err(self.err(format!("{left} bytes follow the value")))
        }
    }

    fn err(&self, text: impl Into<String>) -> CodecError {
        CodecError::at(text, self.pos)
    }

    fn peek(&self) -> Result<u8, CodecError> {
        self.input
            .get(self.pos)
            .copied()
            .ok_or_else(|| self.err("the data ends too early"))
    }

    fn take(&mut self, n: usize) -> Result<&'de [u8], CodecError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.input.len())
            .ok_or_else(|| self.err("the data ends too early"))?;
        let bytes = &self.input[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    /// Reads a head: major type and argument, refusing non-shortest and indefinite forms.
    fn head(&mut self) -> Result<(u8, u64), CodecError> {
        let start = self.pos;
        let first = self.take(1)?[0];
        let major = first >> 5;
        let info = first & 0x1f;
        if major == MAJOR_SIMPLE {
            return Ok((major, u64::from(info)));
        }
        let (value, min) = match info {
            0..=23 => return Ok((major, u64::from(info))),
            24 => (u64::from(self.take(1)?[0]), 24),
            25 => (be(self.take(2)?), 0x100),
            26 => (be(self.take(4)?), 0x1_0000),
            27 => (be(self.take(8)?), 0x1_0000_0000),
            31 => {
                return Err(CodecError::at(
                    "indefinite lengths are not canonical",
                    start,
                ))
            }
            _ => return Err(CodecError::at("reserved CBOR head", start)),
        };
        if value < min {
            return Err(CodecError::at(
                "a number is not in its shortest form",
                start,
            ));
        }
        Ok((major, value))
    }

    /// A length that cannot exceed the bytes left (each item takes at least one byte).
    fn count(&self, n: u64, per_item: u64) -> Result<usize, CodecError> {
        let left = (self.input.len() - self.pos) as u64;
        match n.checked_mul(per_item) {
            Some(need) if need <= left => Ok(n as usize),
            _ => Err(self.err("a length is longer than the data")),
        }
    }

    fn nest<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, CodecError>,
    ) -> Result<T, CodecError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err("the data is nested too deeply"));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn text(&mut self, len: u64) -> Result<&'de str, CodecError> {
        let at = self.pos;
        let n = self.count(len, 1)?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).map_err(|_| CodecError::at("a text is not valid UTF-8", at))
    }
}

fn be(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b))
}

impl<'de> de::Deserializer<'de> for &mut Decoder<'de> {
    type Error = CodecError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, CodecError> {
        let start = self.pos;
        let (major, arg) = self.head()?;
        match major {
            MAJOR_UINT => visitor.visit_u64(arg),
            MAJOR_NEG => match i64::try_from(arg) {
                Ok(n) => visitor.visit_i64(-1 - n),
                Err(_) => Err(CodecError::at("a negative number is out of range", start)),
            },
            MAJOR_BYTES => {
                let n = self.count(arg, 1)?;
                visitor.visit_borrowed_bytes(self.take(n)?)
            }
            MAJOR_TEXT => visitor.visit_borrowed_str(self.text(arg)?),
            MAJOR_ARRAY => {
                let left = self.count(arg, 1)?;
                self.nest(|de| {
                    let mut seq = Seq { de, left };
                    let v = visitor.visit_seq(&mut seq)?;
                    if seq.left == 0 {
                        Ok(v)
                    } else {
                        Err(seq.de.err("an array has more items than expected"))
                    }
                })
            }
            MAJOR_MAP => {
                let left = self.count(arg, 2)?;
                self.nest(|de| {
                    let mut map = Map { de, left };
                    let v = visitor.visit_map(&mut map)?;
                    if map.left == 0 {
                        Ok(v)
                    } else {
                        Err(map.de.err("a map has more entries than expected"))
                    }
                })
            }
            MAJOR_SIMPLE => match (arg as u8) | (MAJOR_SIMPLE << 5) {
                SIMPLE_FALSE => visitor.visit_bool(false),
                SIMPLE_TRUE => visitor.visit_bool(true),
                SIMPLE_NULL => visitor.visit_unit(),
                _ => Err(CodecError::at(
                    "floating-point and other simple values are not allowed",
                    start,
                )),
            },
            _ => Err(CodecError::at("CBOR tags are not allowed", start)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, CodecError> {
        if self.peek()? == SIMPLE_NULL {
            self.pos += 1;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, CodecError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, CodecError> {
        let start = self.pos;
        let (major, arg) = self.head()?;
        match (major, arg) {
            (MAJOR_TEXT, len) => visitor.visit_enum(self.text(len)?.into_deserializer()),
            (MAJOR_MAP, 1) => self.nest(|de| visitor.visit_enum(Enum { de })),
            _ => Err(CodecError::at(
                "an enum value must be a text or a one-entry map",
                start,
            )),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, CodecError> {
        self.deserialize_any(de::IgnoredAny)?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

struct Seq<'a, 'de> {
    de: &'a mut Decoder<'de>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, 'de> {
    type Error = CodecError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, CodecError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

struct Map<'a, 'de> {
    de: &'a mut Decoder<'de>,
    left: usize,
}

impl<'de> de::MapAccess<'de> for Map<'_, 'de> {
    type Error = CodecError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, CodecError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, CodecError> {
        seed.deserialize(&mut *self.de)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// A `{variant: value}` map.
struct Enum<'a, 'de> {
    de: &'a mut Decoder<'de>,
}

impl<'de> de::EnumAccess<'de> for Enum<'_, 'de> {
    type Error = CodecError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), CodecError> {
        let v = seed.deserialize(&mut *self.de)?;
        Ok((v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = CodecError;

    fn unit_variant(self) -> Result<(), CodecError> {
        de::Deserialize::deserialize(&mut *self.de)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, CodecError> {
        seed.deserialize(&mut *self.de)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, CodecError> {
        de::Deserializer::deserialize_any(&mut *self.de, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, CodecError> {
        de::Deserializer::deserialize_any(&mut *self.de, visitor)
    }
}
