//! Numbers and dates written digit by digit, without the formatting machinery: the response
//! writer's hot path (held equal to `Display` by the tests of the types that use it).

use core::fmt;

use rust_decimal::Decimal;

/// Text written into a byte buffer (a `fmt::Write` for the response writer's `Vec<u8>`;
/// `std::io::Write` would bring its error machinery into the WebAssembly module).
#[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
pub(crate) struct Utf8Bytes<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for Utf8Bytes<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Appends `buf[start..start + len]` to `out` by copying the fixed window
/// `buf[start..start + W]` and cutting the surplus off again: a copy of a size known when the
/// program is compiled is a few moves, where a copy of a size known only at run time is a call
/// (the writer appends many short pieces: amounts, dates, numbers). When the window does not
/// fit in `buf`, the piece is appended as it is.
#[inline]
pub(crate) fn extend_window<const W: usize>(
    out: &mut Vec<u8>,
    buf: &[u8],
    start: usize,
    len: usize,
) {
    match buf.get(start..start + W) {
        Some(window) if len <= W => {
            out.extend_from_slice(window);
            out.truncate(out.len() - (W - len));
        }
        _ => out.extend_from_slice(buf.get(start..start + len).unwrap_or_default()),
    }
}

/// `00`, `01`, … `99`: two digits at a time, each pair one load.
#[cfg(not(kmo_size))]
static DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0_u8; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

/// `00`, `01`, … `99`, each pair two loads: the builds for size keep the table as one text
/// (a smaller module than the table of pairs).
#[cfg(kmo_size)]
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// `n` (below 100) as two digits.
#[cfg_attr(not(kmo_size), inline)]
pub(crate) fn digit_pair(n: usize) -> [u8; 2] {
    #[cfg(not(kmo_size))]
    return DIGIT_PAIRS[n];
    #[cfg(kmo_size)]
    return [DIGIT_PAIRS[2 * n], DIGIT_PAIRS[2 * n + 1]];
}

/// Writes the digits of `n` at the end of `buf` (two at a time); returns where they start.
fn digits(n: u128, buf: &mut [u8]) -> usize {
    // 128-bit division is a library call: numbers that fit 64 bits (all but the widest
    // decimals) take 64-bit arithmetic.
    match u64::try_from(n) {
        Ok(small) => digits64(small, buf),
        Err(_) => digits128(n, buf),
    }
}

/// [`digits`] of a 64-bit number.
pub(crate) fn digits64(mut n: u64, buf: &mut [u8]) -> usize {
    let mut at = buf.len();
    while n >= 100 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&digit_pair((n % 100) as usize));
        n /= 100;
    }
    if n >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&digit_pair(n as usize));
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

/// [`digits`] of a number beyond 64 bits.
fn digits128(mut n: u128, buf: &mut [u8]) -> usize {
    let mut at = buf.len();
    while n >= 100 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&digit_pair((n % 100) as usize));
        n /= 100;
    }
    if n >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&digit_pair(n as usize));
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

/// Appends a whole number as `Display` writes it.
#[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
pub(crate) fn push_int(out: &mut Vec<u8>, n: i64) {
    // 20 characters at most (`-9223372036854775808`), written at the end of the first 24
    // bytes, so that a window of 24 from their start fits.
    let mut buf = [0_u8; 48];
    let mut at = digits64(n.unsigned_abs(), &mut buf[..24]);
    if n < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    extend_window::<24>(out, &buf, at, 24 - at);
}

/// Appends a decimal without trailing zeros (what `Display` writes of `d.normalize()`).
#[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
pub(crate) fn push_decimal(out: &mut Vec<u8>, d: Decimal) {
    let mut buf = [0_u8; DECIMAL_TEXT];
    let text = decimal_ascii(d, &mut buf);
    let mut window = [0_u8; DECIMAL_TEXT];
    window[..text.len()].copy_from_slice(text);
    extend_window::<DECIMAL_TEXT>(out, &window, 0, text.len());
}

/// The longest text of a decimal: a sign, `0.`, and 28 decimals, or a sign, 29 digits and a
/// point.
pub(crate) const DECIMAL_TEXT: usize = 40;

/// A decimal without trailing zeros (what `Display` writes of `d.normalize()`), written into
/// `buf`.
pub(crate) fn decimal_ascii(d: Decimal, buf: &mut [u8; DECIMAL_TEXT]) -> &[u8] {
    let d = d.normalize();
    let scale = d.scale() as usize;
    let negative = d.is_sign_negative() && !d.is_zero();
    // The digits at the end of the buffer, then the point and the zeros before them.
    let mut at = digits(d.mantissa().unsigned_abs(), &mut buf[..]);
    let len = buf.len() - at;
    if scale > 0 {
        if scale >= len {
            // `0.000ddd`: zeros up to the scale, the point, a zero.
            let zeros = scale - len;
            buf[at - zeros..at].fill(b'0');
            at -= zeros;
            buf[at - 2..at].copy_from_slice(b"0.");
            at -= 2;
        } else {
            let point = buf.len() - scale;
            buf.copy_within(at..point, at - 1);
            at -= 1;
            buf[point - 1] = b'.';
        }
    }
    if negative {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

/// The text `Display` writes of `d`, its scale kept (`1.50`, `-0.000`), without the
/// formatting machinery: the values errors show (rust_decimal's `Display` and its string
/// building stay out of the modules that need no other). The normalised text, with the zeros
/// the scale keeps after it (and the sign of a negative zero before it).
pub(crate) fn decimal_string(d: Decimal) -> String {
    let mut buf = [0_u8; DECIMAL_TEXT];
    let normal = decimal_ascii(d, &mut buf);
    let mut out = String::with_capacity(DECIMAL_TEXT);
    if d.is_sign_negative() && d.is_zero() {
        out.push('-');
    }
    out.extend(normal.iter().map(|b| char::from(*b)));
    let (shown, scale) = (d.normalize().scale(), d.scale());
    if scale > shown {
        if shown == 0 {
            out.push('.');
        }
        out.extend((shown..scale).map(|_| '0'));
    }
    out
}

/// Writes `hundredths / 100` with two decimals at the end of `buf`; returns where it starts.
pub(crate) fn hundredths_digits(hundredths: u64, buf: &mut [u8]) -> usize {
    let point = buf.len() - 3;
    buf[point + 1..].copy_from_slice(&digit_pair((hundredths % 100) as usize));
    buf[point] = b'.';
    digits64(hundredths / 100, &mut buf[..point])
}

/// `hundredths / 100` with two decimals (`5` → `0.05`), written at the end of `buf`.
pub(crate) fn hundredths_text(hundredths: u64, buf: &mut [u8; 24]) -> &str {
    let at = hundredths_digits(hundredths, buf);
    // Only ASCII digits and a point were written.
    core::str::from_utf8(&buf[at..]).unwrap_or("")
}

/// The paths of errors written with the digits above: a list's item and a field's path.
/// `path.field`, as `format!("{path}.{field}")` writes it, with pushes.
#[cfg(feature = "full-sme")]
pub(crate) fn field_path(path: &str, field: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1 + field.len());
    out.push_str(path);
    out.push('.');
    out.push_str(field);
    out
}

/// `path[i]`, as `format!("{path}[{i}]")` writes it, with pushes and the engine's digits.
pub(crate) fn index_path(path: &str, i: usize) -> String {
    let mut out = String::with_capacity(path.len() + 22);
    out.push_str(path);
    push_index(&mut out, i);
    out
}

/// `path[i].field`, as `format!("{path}[{i}].{field}")` writes it, with pushes.
pub(crate) fn index_field_path(path: &str, i: usize, field: &str) -> String {
    let mut out = String::with_capacity(path.len() + 23 + field.len());
    out.push_str(path);
    push_index(&mut out, i);
    out.push('.');
    out.push_str(field);
    out
}

/// Appends `[i]` to a path, the digits written by the engine's digit writer.
pub(crate) fn push_index(path: &mut String, i: usize) {
    path.push('[');
    // The digits, written at the end of the buffer.
    let mut digits = [0_u8; 20];
    let at = digits64(i as u64, &mut digits);
    path.extend(
        digits
            .get(at..)
            .unwrap_or_default()
            .iter()
            .map(|d| char::from(*d)),
    );
    path.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(push: &dyn Fn(&mut Vec<u8>)) -> String {
        let mut out = b"x".to_vec();
        push(&mut out);
        String::from_utf8(out[1..].to_vec()).unwrap()
    }

    proptest::proptest! {
        /// Whole numbers and decimals are written as `Display` writes them.
        #[test]
        fn writers_are_display(n in proptest::num::i64::ANY) {
            proptest::prop_assert_eq!(text(&|o| push_int(o, n)), n.to_string());
            for scale in [0, 1, 2, 4, 19, 28] {
                for d in [Decimal::new(n, scale), Decimal::from_i128_with_scale(i128::from(n) * 1_000_000_007, scale)] {
                    proptest::prop_assert_eq!(text(&|o| push_decimal(o, d)), d.normalize().to_string());
                    // Errors show a value with its scale, as `Display` writes it.
                    proptest::prop_assert_eq!(decimal_string(d), d.to_string());
                    proptest::prop_assert_eq!(decimal_string(d.normalize()), d.normalize().to_string());
                }
            }
        }
    }

    #[test]
    fn decimal_string_edges() {
        for d in [
            Decimal::ZERO,
            Decimal::new(0, 3),
            -Decimal::new(0, 3),
            Decimal::new(-5, 3),
            Decimal::new(150, 1),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
        ] {
            assert_eq!(decimal_string(d), d.to_string());
            assert_eq!(decimal_string(d.normalize()), d.normalize().to_string());
        }
    }

    #[test]
    fn hundredths_edges() {
        let mut buf = [0_u8; 24];
        for (n, want) in [
            (0, "0.00"),
            (5, "0.05"),
            (99, "0.99"),
            (100, "1.00"),
            (123_456, "1234.56"),
        ] {
            assert_eq!(hundredths_text(n, &mut buf), want);
        }
    }
}
