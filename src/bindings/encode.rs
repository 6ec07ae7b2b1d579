//! The outputs as JavaScript values: a small `serde::Serializer` that builds plain objects,
//! arrays, strings, numbers, booleans and `null`, as serde-wasm-bindgen's
//! `Serializer::json_compatible()` did (maps and structs as objects, `None` and `()` as
//! `null`, every number as a JavaScript number). Only what the core's outputs use is
//! supported; a tuple or an enum variant with data is an error, never a panic. Field names
//! are turned into JavaScript strings once and kept, by the decoder's [`key`] (one cache for
//! both ways).

use super::decode::key;
use js_sys::{Array, Object};
use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// Any object, for a plain `obj[key] = value` (no `Reflect.set` and its error path).
    type Plain;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Plain, key: &JsValue, value: JsValue);
}

/// Why a value could not be encoded (only for shapes the outputs never have).
#[derive(Debug)]
pub struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("value not supported by the encoder")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

impl From<Unsupported> for JsValue {
    fn from(_: Unsupported) -> JsValue {
        js_sys::Error::new("value not supported by the encoder").into()
    }
}

type R = Result<JsValue, Unsupported>;

/// `value` as a JavaScript value.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> R {
    value.serialize(Encoder)
}

/// A field name as a JavaScript string, made once per name.
fn name(s: &'static str) -> JsValue {
    key(s).clone()
}

fn plain(o: &Object) -> &Plain {
    o.unchecked_ref::<Plain>()
}

struct Encoder;

/// An array being filled.
pub struct Seq(Array);
/// An object being filled, with the key of a map entry waiting for its value.
pub struct Obj(Object, JsValue);

impl ser::Serializer for Encoder {
    type Ok = JsValue;
    type Error = Unsupported;
    type SerializeSeq = Seq;
    type SerializeTuple = ser::Impossible<JsValue, Unsupported>;
    type SerializeTupleStruct = ser::Impossible<JsValue, Unsupported>;
    type SerializeTupleVariant = ser::Impossible<JsValue, Unsupported>;
    type SerializeMap = Obj;
    type SerializeStruct = Obj;
    type SerializeStructVariant = ser::Impossible<JsValue, Unsupported>;

    fn serialize_bool(self, v: bool) -> R {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        // as serde-wasm-bindgen: beyond 2^53 a number would lose digits
        if v.unsigned_abs() > (1 << 53) - 1 {
            return Err(Unsupported);
        }
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        if v > (1 << 53) - 1 {
            return Err(Unsupported);
        }
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> R {
        Ok(JsValue::from_f64(v))
    }
    fn serialize_char(self, v: char) -> R {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        let a = Array::new();
        for b in v {
            a.push(&JsValue::from_f64(f64::from(*b)));
        }
        Ok(a.into())
    }
    fn serialize_none(self) -> R {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        Ok(name(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        let o = Object::new();
        plain(&o).set(&name(variant), value.serialize(Encoder)?);
        Ok(o.into())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq, Unsupported> {
        Ok(Seq(Array::new()))
    }
    // no output has a tuple
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Obj, Unsupported> {
        Ok(Obj(Object::new(), JsValue::UNDEFINED))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj, Unsupported> {
        Ok(Obj(Object::new(), JsValue::UNDEFINED))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl ser::SerializeSeq for Seq {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.0.push(&value.serialize(Encoder)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(self.0.into())
    }
}

impl ser::SerializeMap for Obj {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        // an object's keys are strings
        let k = key.serialize(Encoder)?;
        if !k.is_string() {
            return Err(Unsupported);
        }
        self.1 = k;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        plain(&self.0).set(&self.1, value.serialize(Encoder)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(self.0.into())
    }
}

impl ser::SerializeStruct for Obj {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        plain(&self.0).set(&name(key), value.serialize(Encoder)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(self.0.into())
    }
}
