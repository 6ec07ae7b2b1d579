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

// ---------------------------------------------------------------- the reader

/// A JSON value as the reader gives it: the inputs, after one `JSON.stringify` in the wasm's
/// glue, are read from this tree by the bindings' readers (src/bindings/decode.rs). An
/// object keeps its members in order; a name given twice is found at its last place, as
/// `JSON.parse` keeps the last.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Val>),
    Obj(Vec<(String, Val)>),
}

/// Why a text is not read: where (a byte offset), or deeper than the reader goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    Syntax(usize),
    TooDeep,
}

/// Reads `text` (the whole of it: one value, white space around it) as JSON (RFC 8259),
/// nesting arrays and objects at most `max_depth` deep. Lone surrogates in `\u` escapes,
/// which no Rust string can hold, are read as U+FFFD (as the glue's copy of a JavaScript
/// string does). `float` reads the numbers that the reader does not read exactly itself (more
/// than 15 significant digits, or an exponent beyond 10^±22): `str::parse` natively, the
/// JavaScript `Number` in the wasm, either exact. The caller bounds the text's length.
pub fn read(text: &str, max_depth: usize, float: fn(&str) -> f64) -> Result<Val, ReadError> {
    let mut r = Reader {
        t: text,
        s: text.as_bytes(),
        i: 0,
        float,
    };
    let v = r.value(max_depth)?;
    r.ws();
    if r.i != r.s.len() {
        return Err(ReadError::Syntax(r.i));
    }
    Ok(v)
}

struct Reader<'a> {
    t: &'a str,
    s: &'a [u8],
    i: usize,
    float: fn(&str) -> f64,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> u8 {
        self.s.get(self.i).copied().unwrap_or(0)
    }

    fn bad<T>(&self) -> Result<T, ReadError> {
        Err(ReadError::Syntax(self.i))
    }

    /// Skips `word` (after its first byte was seen).
    fn word(&mut self, word: &[u8]) -> Result<(), ReadError> {
        if self.s.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(())
        } else {
            self.bad()
        }
    }

    fn value(&mut self, depth: usize) -> Result<Val, ReadError> {
        self.ws();
        match self.peek() {
            b'n' => self.word(b"null").map(|()| Val::Null),
            b't' => self.word(b"true").map(|()| Val::Bool(true)),
            b'f' => self.word(b"false").map(|()| Val::Bool(false)),
            b'"' => self.string().map(Val::Str),
            b'-' | b'0'..=b'9' => self.number().map(Val::Num),
            b'[' | b'{' if depth == 0 => Err(ReadError::TooDeep),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.end(b']') {
                    loop {
                        items.push(self.value(depth - 1)?);
                        if !self.more(b']')? {
                            break;
                        }
                    }
                }
                Ok(Val::Arr(items))
            }
            b'{' => {
                self.i += 1;
                let mut fields = Vec::new();
                if !self.end(b'}') {
                    loop {
                        self.ws();
                        if self.peek() != b'"' {
                            return self.bad();
                        }
                        let k = self.string()?;
                        self.ws();
                        if self.peek() != b':' {
                            return self.bad();
                        }
                        self.i += 1;
                        fields.push((k, self.value(depth - 1)?));
                        if !self.more(b'}')? {
                            break;
                        }
                    }
                }
                Ok(Val::Obj(fields))
            }
            _ => self.bad(),
        }
    }

    /// An empty array or object: its closing `close` right away.
    fn end(&mut self, close: u8) -> bool {
        self.ws();
        let at_end = self.peek() == close;
        self.i += usize::from(at_end);
        at_end
    }

    /// After an item: a comma (true: more follow) or `close` (false).
    fn more(&mut self, close: u8) -> Result<bool, ReadError> {
        self.ws();
        let c = self.peek();
        if c == b',' || c == close {
            self.i += 1;
            Ok(c == b',')
        } else {
            self.bad()
        }
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                c @ b'0'..=b'9' => c - b'0',
                c @ b'a'..=b'f' => c - b'a' + 10,
                c @ b'A'..=b'F' => c - b'A' + 10,
                _ => return self.bad(),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    /// A string, at its opening quote.
    fn string(&mut self) -> Result<String, ReadError> {
        self.i += 1;
        let mut out = String::new();
        loop {
            // the plain run up to the next quote, backslash or control character: 8 bytes at
            // a time, then byte by byte
            let start = self.i;
            while let Some(w) = self.s.get(self.i..self.i + 8) {
                let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
                if special(w) {
                    break;
                }
                self.i += 8;
            }
            while let Some(&c) = self.s.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // ASCII bytes end the run, so both ends are character boundaries
            out.push_str(self.t.get(start..self.i).unwrap_or(""));
            match self.peek() {
                b'"' => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.i += 1;
                    let c = self.peek();
                    self.i += 1;
                    let ch = match c {
                        b'"' | b'\\' | b'/' => char::from(c),
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let mut code = hi;
                            if (0xD800..0xDC00).contains(&hi)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                let back = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                } else {
                                    self.i = back;
                                }
                            }
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => {
                            self.i -= 1;
                            return self.bad();
                        }
                    };
                    out.push(ch);
                }
                _ => return self.bad(),
            }
        }
    }

    /// A number: exact by one multiplication or division when its digits fit in a double
    /// (at most 15 significant digits: below 2^53) and its power of ten is exact (10^0 to
    /// 10^22); else `float` reads the text.
    fn number(&mut self) -> Result<f64, ReadError> {
        let start = self.i;
        let neg = self.peek() == b'-';
        self.i += usize::from(neg);
        let mut m: u64 = 0;
        let mut digits = 0u32;
        let mut exp: i64 = 0;
        let int_start = self.i;
        while let c @ b'0'..=b'9' = self.peek() {
            digit(c, &mut m, &mut digits);
            self.i += 1;
        }
        let int_len = self.i - int_start;
        if int_len == 0 || (int_len > 1 && self.s[int_start] == b'0') {
            return self.bad();
        }
        if self.peek() == b'.' {
            self.i += 1;
            let frac_start = self.i;
            while let c @ b'0'..=b'9' = self.peek() {
                digit(c, &mut m, &mut digits);
                exp -= 1;
                self.i += 1;
            }
            if self.i == frac_start {
                return self.bad();
            }
        }
        if let b'e' | b'E' = self.peek() {
            self.i += 1;
            let eneg = self.peek() == b'-';
            if let b'+' | b'-' = self.peek() {
                self.i += 1;
            }
            let exp_start = self.i;
            let mut e: i64 = 0;
            while let c @ b'0'..=b'9' = self.peek() {
                e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
                self.i += 1;
            }
            if self.i == exp_start {
                return self.bad();
            }
            exp += if eneg { -e } else { e };
        }
        let x = if digits <= 15 && (-22..=22).contains(&exp) {
            let p = POW10[exp.unsigned_abs() as usize];
            if exp < 0 {
                m as f64 / p
            } else {
                m as f64 * p
            }
        } else {
            // the text is ASCII digits, signs, '.' and 'e'
            let t = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("0");
            return Ok((self.float)(t));
        };
        Ok(if neg { -x } else { x })
    }
}

/// Whether one of the 8 bytes of `w` is a quote, a backslash or a control character (below
/// 0x20): the usual test for a zero byte (`x - 0x01.. & !x & 0x80..`) on `w` xor each.
fn special(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // below 0x20: bytes without their high bit for which x - 0x20 borrows
    let low = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\'))) | low != 0
}

/// One more digit of the significand; leading zeros are not significant.
fn digit(c: u8, m: &mut u64, digits: &mut u32) {
    if *m == 0 && c == b'0' {
        return;
    }
    *digits += 1;
    if *digits <= 19 {
        *m = *m * 10 + u64::from(c - b'0');
    }
}

/// 10^0 to 10^22, each exact in a double.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
