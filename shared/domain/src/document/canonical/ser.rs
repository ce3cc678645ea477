//! The deterministic CBOR encoder: a serde `Serializer` writing the subset described in
//! [`super`].

use serde::ser::{self, Serialize};

use super::{CodecError, MAJOR_ARRAY, MAJOR_BYTES, MAJOR_MAP, MAJOR_NEG, MAJOR_TEXT, MAJOR_UINT};
use super::{SIMPLE_FALSE, SIMPLE_NULL, SIMPLE_TRUE};

/// Writes a head (major type and argument) in its shortest form.
pub(super) fn write_head(out: &mut Vec<u8>, major: u8, value: u64) {
    let major = major << 5;
    if value < 24 {
        // `value < 24` fits in the low five bits.
        out.push(major | value as u8);
    } else if let Ok(v) = u8::try_from(value) {
        out.extend_from_slice(&[major | 24, v]);
    } else if let Ok(v) = u16::try_from(value) {
        out.push(major | 25);
        out.extend_from_slice(&v.to_be_bytes());
    } else if let Ok(v) = u32::try_from(value) {
        out.push(major | 26);
        out.extend_from_slice(&v.to_be_bytes());
    } else {
        out.push(major | 27);
        out.extend_from_slice(&value.to_be_bytes());
    }
}

/// Serializes into a byte vector.
pub(super) struct Encoder<'a> {
    pub(super) out: &'a mut Vec<u8>,
}

impl Encoder<'_> {
    fn text(&mut self, v: &str) {
        write_head(self.out, MAJOR_TEXT, v.len() as u64);
        self.out.extend_from_slice(v.as_bytes());
    }

    fn int(&mut self, v: i64) {
        match u64::try_from(v) {
            Ok(u) => write_head(self.out, MAJOR_UINT, u),
            // -1 - v is in 0..=i64::MAX for negative v.
            Err(_) => write_head(self.out, MAJOR_NEG, (-1 - v) as u64),
        }
    }

    fn compound(&mut self, major: u8) -> Compound<'_> {
        Compound {
            parent: self.out,
            major,
            buf: Vec::new(),
            count: 0,
            variant: None,
        }
    }

    fn variant_compound(&mut self, major: u8, variant: &'static str) -> Compound<'_> {
        let mut c = self.compound(major);
        c.variant = Some(variant);
        c
    }
}

/// An array or map being written: items go to `buf` and are counted, so the head carries the
/// exact count whatever length serde announced (fields skipped, flattened maps).
pub(super) struct Compound<'a> {
    parent: &'a mut Vec<u8>,
    major: u8,
    buf: Vec<u8>,
    count: u64,
    /// For enum variants: the one-entry map `{variant: value}` wrapping this compound.
    variant: Option<&'static str>,
}

impl Compound<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CodecError> {
        value.serialize(&mut Encoder { out: &mut self.buf })
    }

    fn finish(self) {
        if let Some(variant) = self.variant {
            write_head(self.parent, MAJOR_MAP, 1);
            Encoder { out: self.parent }.text(variant);
        }
        let count = if self.major == MAJOR_MAP {
            self.count / 2
        } else {
            self.count
        };
        write_head(self.parent, self.major, count);
        self.parent.extend_from_slice(&self.buf);
    }
}

impl<'a> ser::Serializer for &'a mut Encoder<'_> {
    type Ok = ();
    type Error = CodecError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), CodecError> {
        self.out.push(if v { SIMPLE_TRUE } else { SIMPLE_FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), CodecError> {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), CodecError> {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), CodecError> {
        self.int(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), CodecError> {
        self.int(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), CodecError> {
        let v =
            i64::try_from(v).map_err(|_| CodecError::new("an integer does not fit in 64 bits"))?;
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), CodecError> {
        write_head(self.out, MAJOR_UINT, v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), CodecError> {
        write_head(self.out, MAJOR_UINT, v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), CodecError> {
        write_head(self.out, MAJOR_UINT, v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), CodecError> {
        write_head(self.out, MAJOR_UINT, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), CodecError> {
        let v =
            u64::try_from(v).map_err(|_| CodecError::new("an integer does not fit in 64 bits"))?;
        write_head(self.out, MAJOR_UINT, v);
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Result<(), CodecError> {
        Err(CodecError::new(
            "floating-point numbers are not allowed in documents; use a decimal",
        ))
    }
    fn serialize_f64(self, _v: f64) -> Result<(), CodecError> {
        Err(CodecError::new(
            "floating-point numbers are not allowed in documents; use a decimal",
        ))
    }
    fn serialize_char(self, v: char) -> Result<(), CodecError> {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), CodecError> {
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), CodecError> {
        write_head(self.out, MAJOR_BYTES, v.len() as u64);
        self.out.extend_from_slice(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), CodecError> {
        self.out.push(SIMPLE_NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), CodecError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), CodecError> {
        self.out.push(SIMPLE_NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), CodecError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), CodecError> {
        self.text(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), CodecError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), CodecError> {
        write_head(self.out, MAJOR_MAP, 1);
        self.text(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, CodecError> {
        Ok(self.compound(MAJOR_ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, CodecError> {
        Ok(self.compound(MAJOR_ARRAY))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, CodecError> {
        Ok(self.compound(MAJOR_ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, CodecError> {
        Ok(self.variant_compound(MAJOR_ARRAY, variant))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, CodecError> {
        Ok(self.compound(MAJOR_MAP))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, CodecError> {
        Ok(self.compound(MAJOR_MAP))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, CodecError> {
        Ok(self.variant_compound(MAJOR_MAP, variant))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = CodecError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CodecError> {
        self.count += 1;
        self.item(value)
    }
    fn end(self) -> Result<(), CodecError> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = CodecError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CodecError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), CodecError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CodecError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), CodecError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CodecError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), CodecError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = CodecError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), CodecError> {
        self.count += 1;
        self.item(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CodecError> {
        self.count += 1;
        self.item(value)
    }
    fn end(self) -> Result<(), CodecError> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CodecError> {
        self.count += 2;
        Encoder { out: &mut self.buf }.text(key);
        self.item(value)
    }
    fn end(self) -> Result<(), CodecError> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = CodecError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CodecError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), CodecError> {
        ser::SerializeStruct::end(self)
    }
}
