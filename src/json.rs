//! The outputs as JSON text: a small `serde::Serializer` that writes what serde-wasm-bindgen's
//! `json_compatible()` serializer built value by value, as one string that the bindings turn
//! into the same JavaScript value with one `JSON.parse` (src/bindings.rs, `to_js`).
//!
//! Its rules are serde-wasm-bindgen's: `None` and `()` are `null`; a struct, a map (string
//! keys) and an enum's variant with data are objects (`{"Variant": data}`); a unit variant is
//! its name; bytes are an array of numbers; integers beyond 2^53 and 128-bit integers are an
//! error. Numbers keep their exact value: a whole number in decimal, another one with the
//! fewest decimals that give it back, else the caller's `float` writer (JavaScript's own, in
//! the wasm); ±infinity as `±1e999` (what `JSON.parse` reads as ±Infinity); NaN, which JSON
//! cannot hold, as the string `"\ud800"` (a lone surrogate, which no Rust string holds) and
//! `Json::nan` set, so that the caller puts NaN back in its place.
//!
//! Pure: no wasm-bindgen here, tested natively against serde_json (tests/json.rs).

use serde::ser::{self, Serialize};

/// What went wrong: a number JavaScript cannot hold exactly (an integer beyond 2^53, 128
/// bits), or a serializer's own error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cannot be written as JSON")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Error
    }
}

/// The JSON text of a value being written.
pub struct Json {
    pub out: String,
    /// A NaN was written (as `"\ud800"`).
    pub nan: bool,
    /// Writes a finite number that is neither whole nor a decimal of at most 22 places with
    /// fewer than 16 digits, in a form `JSON.parse` reads back exactly.
    float: fn(f64, &mut String),
}

/// `v` as JSON text; `float` writes the numbers the writer cannot (see [`Json`]).
pub fn write<T: Serialize + ?Sized>(v: &T, float: fn(f64, &mut String)) -> Result<Json, Error> {
    let mut j = Json {
        out: String::with_capacity(1024),
        nan: false,
        float,
    };
    v.serialize(&mut j)?;
    Ok(j)
}

/// The largest integer every smaller one of which a double holds exactly (2^53).
const EXACT: f64 = 9_007_199_254_740_992.0;

fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &buf[i..] {
        out.push(char::from(d));
    }
}

/// `m / 10^places` in decimal: `m` with a point `places` digits from its right.
fn push_decimal(out: &mut String, m: u64, places: usize) {
    let start = out.len();
    push_u64(out, m);
    let digits = out.len() - start;
    if digits <= places {
        let zeros = places + 1 - digits;
        out.insert_str(start, &"0000000000000000000000"[..zeros]);
    }
    out.insert(out.len() - places, '.');
}

impl Json {
    fn number(&mut self, x: f64) {
        if x.is_nan() {
            self.nan = true;
            self.out.push_str("\"\\ud800\"");
            return;
        }
        if x.is_sign_negative() {
            self.out.push('-');
        }
        let a = x.abs();
        if a.is_infinite() {
            self.out.push_str("1e999");
        } else if a < 1.8e19 && a.trunc() == a {
            push_u64(&mut self.out, a as u64);
        } else {
            // The fewest places whose decimal divided back gives `a` exactly: `m` and 10^k
            // (k <= 22) are exact doubles, so `m / 10^k` is the double nearest the decimal,
            // which is what JSON.parse reads.
            let mut p = 1.0;
            for k in 1..=22 {
                p *= 10.0;
                let m = (a * p).round();
                if m >= EXACT {
                    break;
                }
                if m / p == a {
                    push_decimal(&mut self.out, m as u64, k);
                    return;
                }
            }
            (self.float)(a, &mut self.out);
        }
    }

    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let out = &mut self.out;
        out.push('"');
        let b = s.as_bytes();
        let mut from = 0;
        for (i, &c) in b.iter().enumerate() {
            if c >= 0x20 && c != b'"' && c != b'\\' {
                continue;
            }
            out.push_str(&s[from..i]);
            from = i + 1;
            match c {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                _ => {
                    out.push_str("\\u00");
                    out.push(HEX[usize::from(c >> 4)] as char);
                    out.push(HEX[usize::from(c & 15)] as char);
                }
            }
        }
        out.push_str(&s[from..]);
        out.push('"');
    }
}

/// An array or object being written; `close` is what `end` writes (`]`, `}`, or `}}` for an
/// enum variant's data inside its `{"Variant": ...}`).
pub struct Compound<'a> {
    j: &'a mut Json,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.j.out.push(',');
        }
        self.first = false;
    }

    fn key(&mut self, k: &str) {
        self.comma();
        self.j.string(k);
        self.j.out.push(':');
    }
}

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.out.push('-');
        }
        self.serialize_u64(v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        // serde-wasm-bindgen: beyond Number.MAX_SAFE_INTEGER is an error.
        if v >= EXACT as u64 {
            return Err(Error);
        }
        push_u64(&mut self.out, v);
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_u128(self, _: u128) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.number(f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut s = self.serialize_seq(Some(v.len()))?;
        for b in v {
            s.serialize_element(b)?;
        }
        s.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.out.push('{');
        self.string(variant);
        self.out.push(':');
        v.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('[');
        Ok(Compound {
            j: self,
            first: true,
            close: "]",
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        self.string(variant);
        self.out.push_str(":[");
        Ok(Compound {
            j: self,
            first: true,
            close: "]}",
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        Ok(Compound {
            j: self,
            first: true,
            close: "}",
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        self.string(variant);
        self.out.push_str(":{");
        Ok(Compound {
            j: self,
            first: true,
            close: "}}",
        })
    }
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.comma();
        v.serialize(&mut *self.j)
    }

    fn field<T: Serialize + ?Sized>(&mut self, k: &str, v: &T) -> Result<(), Error> {
        self.key(k);
        v.serialize(&mut *self.j)
    }

    fn close(self) -> Result<(), Error> {
        self.j.out.push_str(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.element(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        // Keys must be strings: anything else is an error, as in serde-wasm-bindgen's
        // object maps.
        self.comma();
        let at = self.j.out.len();
        k.serialize(&mut *self.j)?;
        if !self.j.out[at..].starts_with('"') {
            return Err(Error);
        }
        self.j.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut *self.j)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(k, v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(k, v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}
