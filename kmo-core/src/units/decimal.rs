//! Reading decimals from text, and the integer lanes (cents, basis points) of the arithmetic.

use rust_decimal::Decimal;

/// `value × 10^places` when that is a whole number that fits an `i64`, read from the mantissa
/// and scale without decimal arithmetic (the fast path for cents and basis points).
pub(crate) fn whole_units(value: Decimal, places: u32) -> Option<i64> {
    // Powers of ten that fit an `i64`, so that the usual amounts (mantissa below 10^16, at most
    // two places to shift) are converted in 64-bit arithmetic: 128-bit multiplication and
    // division are library calls in WebAssembly, many times slower.
    const POW10: [i64; 19] = {
        let mut p = [1_i64; 19];
        let mut i = 1;
        while i < 19 {
            p[i] = p[i - 1] * 10;
            i += 1;
        }
        p
    };
    const SMALL: u64 = 10_000_000_000_000_000;
    let u = value.unpack();
    let scale = u.scale;
    if u.hi == 0 && places <= 2 && scale <= 18 {
        let magnitude = (u64::from(u.mid) << 32) + u64::from(u.lo);
        if magnitude < SMALL {
            // |m| < 10^16 and at most ×100: inside i64 without overflow checks.
            let m = if u.negative {
                -(magnitude as i64)
            } else {
                magnitude as i64
            };
            return Some(if scale <= places {
                m * POW10[(places - scale) as usize]
            } else {
                let divisor = POW10[(scale - places) as usize];
                if m % divisor != 0 {
                    return None;
                }
                m / divisor
            });
        }
    }
    whole_units_wide(value, places)
}

/// [`whole_units`] in 128-bit arithmetic, for any mantissa.
fn whole_units_wide(value: Decimal, places: u32) -> Option<i64> {
    let mantissa = value.mantissa();
    let scale = value.scale();
    let units = if scale <= places {
        mantissa.checked_mul(10_i128.checked_pow(places - scale)?)?
    } else {
        let divisor = 10_i128.checked_pow(scale - places)?;
        if mantissa % divisor != 0 {
            return None;
        }
        mantissa / divisor
    };
    i64::try_from(units).ok()
}

/// `basis_points / 10 000` of `cents`, rounded once to the cent, half away from zero: the
/// integer arithmetic behind [`Money::percent`](crate::Money::percent). Exact for
/// every accepted amount (the product stays far inside `i128`).
///
/// ```
/// use kmo_core::units::percent_of_cents;
/// assert_eq!(percent_of_cents(5, 3000), 2);       // 30 % of 0.05 = 0.015 → 0.02
/// assert_eq!(percent_of_cents(200_000, 3000), 60_000);
/// ```
pub fn percent_of_cents(cents: i64, basis_points: u32) -> i64 {
    // Every accepted amount (at most 10^14 cents) times at most 10 000 basis points stays
    // inside i64: 64-bit arithmetic then, which WebAssembly does natively.
    const FITS: u64 = 100_000_000_000_000;
    // Money is never negative: half up is half away from zero, one unsigned division.
    if let Ok(cents @ 0..=FITS) = u64::try_from(cents) {
        if basis_points <= 10_000 {
            let rounded = (cents * u64::from(basis_points) + 5_000) / 10_000;
            // At most 10^14: inside i64.
            return rounded as i64;
        }
    }
    if cents.unsigned_abs() <= FITS && basis_points <= 10_000 {
        let product = cents * i64::from(basis_points);
        let (quotient, remainder) = (product / 10_000, product % 10_000);
        return if remainder.abs() * 2 >= 10_000 {
            quotient + product.signum()
        } else {
            quotient
        };
    }
    let product = i128::from(cents) * i128::from(basis_points);
    let (quotient, remainder) = (product / 10_000, product % 10_000);
    let rounded = if remainder.abs() * 2 >= 10_000 {
        quotient + product.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX })
}

/// `numerator / denominator` rounded to a whole number, half away from zero; `denominator`
/// is positive. Saturates at the ends of `i64` (never reached: every caller's quotient is an
/// amount of at most 10^14 cents).
pub(crate) fn ratio_half_away(numerator: i128, denominator: i128) -> i64 {
    let (quotient, remainder) = (numerator / denominator, numerator % denominator);
    let rounded = if remainder.abs() * 2 >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX })
}

/// How `value` compares with the whole number `n`, exactly, from the decimal's mantissa and
/// scale in integer arithmetic (no rounding, no decimal division): the comparisons of the SME
/// ceilings (`staff < 50`, `turnover <= 10 000 000`) on figures of any precision.
///
/// ```
/// use core::cmp::Ordering::*;
/// use kmo_core::units::cmp_whole;
/// use kmo_core::Decimal;
/// assert_eq!(cmp_whole(Decimal::new(49_999_999, 6), 50), Less);
/// assert_eq!(cmp_whole(Decimal::new(50_000_000, 6), 50), Equal);
/// assert_eq!(cmp_whole(Decimal::new(-1, 28), 0), Less);
/// assert_eq!(cmp_whole(Decimal::MAX, i64::MAX), Greater);
/// ```
pub fn cmp_whole(value: Decimal, n: i64) -> core::cmp::Ordering {
    let u = value.unpack();
    let zero = u.hi == 0 && u.mid == 0 && u.lo == 0;
    match (u.negative && !zero, n < 0) {
        (false, false) => cmp_magnitudes([u.hi, u.mid, u.lo], u.scale, n.unsigned_abs()),
        (false, true) => core::cmp::Ordering::Greater,
        (true, false) => core::cmp::Ordering::Less,
        // Both negative: the larger magnitude is the smaller number.
        (true, true) => cmp_magnitudes([u.hi, u.mid, u.lo], u.scale, n.unsigned_abs()).reverse(),
    }
}

/// The powers of ten of 64 bits, 10^0 to 10^19: a scale's power by its place (`pow` with
/// an exponent known only at run time is a loop).
pub(crate) const POW10: [u64; 20] = {
    let mut p = [1_u64; 20];
    let mut i = 1;
    while i < 20 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// How the magnitude of a decimal (its mantissa's three words, high first, and its scale)
/// compares with the whole number `n`.
fn cmp_magnitudes([hi, mid, lo]: [u32; 3], scale: u32, n: u64) -> core::cmp::Ordering {
    // The usual figures (a mantissa of 64 bits, a ceiling whose scaled value fits 64 bits) in
    // 64-bit arithmetic; the rest in 128 bits, where the mantissa is below 2^96 and
    // n × 10^scale below 2^64 × 10^28 < 2^158 is checked.
    if hi == 0 && (scale as usize) < POW10.len() {
        if let Some(scaled) = n.checked_mul(POW10[scale as usize]) {
            let mantissa = (u64::from(mid) << 32) | u64::from(lo);
            return mantissa.cmp(&scaled);
        }
    }
    let mantissa = (u128::from(hi) << 64) | (u128::from(mid) << 32) | u128::from(lo);
    // Beyond 128 bits n × 10^scale is above every mantissa (< 2^96).
    10_u128
        .pow(scale)
        .checked_mul(u128::from(n))
        .map_or(core::cmp::Ordering::Less, |scaled| mantissa.cmp(&scaled))
}

/// The common shape of a decimal in a document, read straight into integers: `int_digits`
/// at most (1 or more) digits, then optionally a point and `frac_digits` at most (1 or more)
/// digits; no sign. Gives the digits as one whole number and the count of decimals. Anything
/// else (a sign, more digits, an exponent) is `None`, for the general reader
/// ([`read_plain_decimal`]) to classify. `int_digits + frac_digits` is at most 18, so that the
/// number fits.
#[inline]
pub(crate) fn simple_decimal(
    text: &str,
    int_digits: usize,
    frac_digits: usize,
) -> Option<(u64, u32)> {
    debug_assert!(int_digits + frac_digits <= 18);
    let bytes = text.as_bytes();
    let mut n = 0_u64;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if !b.is_ascii_digit() {
            break;
        }
        if i == int_digits {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
        i += 1;
    }
    if i == 0 {
        return None;
    }
    if i == bytes.len() {
        return Some((n, 0));
    }
    if bytes[i] != b'.' {
        return None;
    }
    let frac = &bytes[i + 1..];
    if frac.is_empty() || frac.len() > frac_digits {
        return None;
    }
    for &b in frac {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    // At most `frac_digits` (≤ 18) decimals.
    Some((n, frac.len() as u32))
}

/// Why a text is not an acceptable plain decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Plain {
    /// Not `[-][0-9]+(.[0-9]+)?`.
    Malformed,
    /// More than 15 significant integer digits: beyond every range the engine accepts.
    TooLarge,
    /// More than 12 significant decimals: finer than anything the engine accepts.
    TooPrecise,
    /// Negative and too large or too precise to be read: refused as negative first, as the
    /// typed constructors refuse a negative value before its range or its decimals.
    Negative,
}

/// Reads `[0-9]+(\.[0-9]+)?` with an optional leading `-` (so that negative values are reported
/// as negative rather than malformed): no exponent, no `+`, no spaces. Leading zeros of the
/// integer part and trailing zeros of the fraction do not count against the limits, so any
/// length of text is classified in one pass without overflowing.
pub(crate) fn read_plain_decimal(text: &str) -> Result<Decimal, Plain> {
    // `strip_prefix`, not slicing: no panic path (and its formatting) in the modules.
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || body.contains('.') && (frac.is_empty() || !digits(frac)) {
        return Err(Plain::Malformed);
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() > 15 || frac.len() > 12 {
        let nonzero = int.bytes().chain(frac.bytes()).any(|b| b != b'0');
        return Err(match () {
            _ if negative && nonzero => Plain::Negative,
            _ if int.len() > 15 => Plain::TooLarge,
            _ => Plain::TooPrecise,
        });
    }
    // At most 27 significant digits (< 2^96): always exact in `Decimal`, read without allocating.
    let mantissa = int
        .bytes()
        .chain(frac.bytes())
        .fold(0_i128, |acc, b| acc * 10 + i128::from(b - b'0'));
    let mantissa = if negative { -mantissa } else { mantissa };
    // `frac.len() <= 12`, so the scale always fits.
    Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32).map_err(|_| Plain::TooLarge)
}

/// [`read_plain_decimal`], when only success matters.
#[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
pub(crate) fn parse_plain_decimal(text: &str) -> Option<Decimal> {
    read_plain_decimal(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimal_edges() {
        // Leading and trailing zeros do not count: any length is classified, never overflows.
        let padded = format!("{}1.{}", "0".repeat(5000), "0".repeat(5000));
        assert_eq!(parse_plain_decimal(&padded), Some(Decimal::ONE));
        assert_eq!(
            read_plain_decimal(&"9".repeat(15)),
            Ok(Decimal::from(999_999_999_999_999_i64))
        );
        assert_eq!(read_plain_decimal(&"9".repeat(16)), Err(Plain::TooLarge));
        // Negative first, as the typed constructors check.
        assert_eq!(
            read_plain_decimal(&format!("-{}", "9".repeat(16))),
            Err(Plain::Negative)
        );
        assert_eq!(read_plain_decimal("-0.0000000000001"), Err(Plain::Negative));
        assert_eq!(
            read_plain_decimal("0.0000000000001"),
            Err(Plain::TooPrecise)
        );
        assert_eq!(
            read_plain_decimal("0.000000000001"),
            Ok(Decimal::new(1, 12))
        );
        assert_eq!(
            read_plain_decimal("0.0000000000001"),
            Err(Plain::TooPrecise)
        );
        assert_eq!(
            read_plain_decimal(&"9".repeat(10_000_000)),
            Err(Plain::TooLarge)
        );
        assert_eq!(read_plain_decimal("1..0"), Err(Plain::Malformed));
        assert_eq!(read_plain_decimal("1."), Err(Plain::Malformed));
        assert_eq!(read_plain_decimal("--1"), Err(Plain::Malformed));
        assert!(parse_plain_decimal("-").is_none());
        assert!(parse_plain_decimal("").is_none());
        assert_eq!(parse_plain_decimal("-1.5"), Some(Decimal::new(-15, 1)));
    }

    proptest::proptest! {
        /// The allocation-free reader agrees with rust_decimal's own parser on every plain
        /// decimal within the limits: sign, leading and trailing zeros, 0–15 + 0–12 digits.
        #[test]
        fn plain_decimal_agrees_with_rust_decimal(
            negative: bool,
            zeros in "0{0,3}",
            int in "[0-9]{1,15}",
            frac in proptest::option::of("[0-9]{1,12}"),
            trailing in "0{0,3}",
        ) {
            let sign = if negative { "-" } else { "" };
            let text = match &frac {
                Some(f) => format!("{sign}{zeros}{int}.{f}{trailing}"),
                None => format!("{sign}{zeros}{int}"),
            };
            // The oracle reads the same number without the padding zeros (which it would
            // count against its 28 digits).
            let int_part = int.trim_start_matches('0');
            let frac_part = frac.as_deref().unwrap_or("").trim_end_matches('0');
            let canonical = format!(
                "{sign}{}{}{frac_part}",
                if int_part.is_empty() { "0" } else { int_part },
                if frac_part.is_empty() { "" } else { "." },
            );
            let expected = Decimal::from_str_exact(&canonical).unwrap();
            let got = read_plain_decimal(&text).unwrap();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    use proptest::strategy::{Just, Strategy as _};

    proptest::proptest! {
        /// The 64-bit fast lane of `whole_units` agrees with the 128-bit one everywhere,
        /// around its 10^16 limit and for mantissas beyond 64 bits.
        #[test]
        fn whole_units_lanes_agree(
            mantissa in proptest::prop_oneof![
                -100_000_i128..100_000,
                -10_000_000_000_000_010_i128..-9_999_999_999_999_990,
                9_999_999_999_999_990_i128..10_000_000_000_000_010,
                proptest::num::i128::ANY.prop_map(|m| m >> 33),
            ],
            scale in 0_u32..=28,
            places in 0_u32..=4,
        ) {
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            proptest::prop_assert_eq!(whole_units(value, places), whole_units_wide(value, places));
        }

        /// The 64-bit lane of `percent_of_cents` agrees with 128-bit arithmetic.
        #[test]
        fn percent_of_cents_lanes_agree(cents in -200_000_000_000_000_i64..200_000_000_000_000, bp in 0_u32..=12_000) {
            let product = i128::from(cents) * i128::from(bp);
            let (q, r) = (product / 10_000, product % 10_000);
            let expected = if r.abs() * 2 >= 10_000 { q + product.signum() } else { q };
            proptest::prop_assert_eq!(i128::from(percent_of_cents(cents, bp)), expected);
        }
    }

    proptest::proptest! {
        /// The integer comparison with a whole number is `Decimal`'s own, for every sign,
        /// scale and size of mantissa, next to the whole number and far from it.
        #[test]
        fn cmp_whole_is_decimal_cmp(
            mantissa in proptest::prop_oneof![
                -1_000_000_i128..1_000_000,
                proptest::num::i128::ANY.prop_map(|m| m >> 33),
                proptest::num::i64::ANY.prop_map(i128::from),
            ],
            scale in 0_u32..=28,
            n in proptest::prop_oneof![
                -300_i64..300,
                proptest::num::i64::ANY,
                Just(i64::MIN),
                Just(i64::MAX),
            ],
            nudge in -2_i128..=2,
        ) {
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            proptest::prop_assert_eq!(cmp_whole(value, n), value.cmp(&Decimal::from(n)));
            // Right at the whole number, and a unit of the last place either side.
            if let Some(at) = i128::from(n).checked_mul(10_i128.pow(scale)).and_then(|m| m.checked_add(nudge)) {
                if at.unsigned_abs() < 1_u128 << 96 {
                    let near = Decimal::from_i128_with_scale(at, scale);
                    proptest::prop_assert_eq!(cmp_whole(near, n), near.cmp(&Decimal::from(n)));
                }
            }
        }
    }

    proptest::proptest! {
        /// Where the integer reader answers, it reads what the general reader reads.
        #[test]
        fn simple_decimal_is_read_plain_decimal(text in "-?[0-9]{0,16}(\\.[0-9]{0,8})?[e0-9]?") {
            for (int_digits, frac_digits) in [(12, 2), (3, 4), (8, 6)] {
                if let Some((n, scale)) = simple_decimal(&text, int_digits, frac_digits) {
                    let general = read_plain_decimal(&text).unwrap();
                    proptest::prop_assert_eq!(Decimal::from_i128_with_scale(i128::from(n), scale), general);
                }
            }
        }
    }

    #[test]
    fn cmp_whole_edges() {
        use core::cmp::Ordering::*;
        let zero_negative = Decimal::from_parts(0, 0, 0, true, 3);
        assert_eq!(cmp_whole(zero_negative, 0), Equal);
        assert_eq!(cmp_whole(zero_negative, -1), Greater);
        assert_eq!(cmp_whole(Decimal::MAX, i64::MAX), Greater);
        assert_eq!(cmp_whole(Decimal::MIN, i64::MIN), Less);
        assert_eq!(cmp_whole(Decimal::new(1, 28), 0), Greater);
        assert_eq!(cmp_whole(Decimal::from(i64::MIN), i64::MIN), Equal);
        assert_eq!(cmp_whole(Decimal::new(10, 1), 1), Equal);
    }

    #[test]
    fn percent_of_cents_at_the_limits_of_its_lanes() {
        let wide = |cents: i64, bp: u32| {
            let product = i128::from(cents) * i128::from(bp);
            let (q, r) = (product / 10_000, product % 10_000);
            let rounded = if r.abs() * 2 >= 10_000 {
                q + product.signum()
            } else {
                q
            };
            i64::try_from(rounded).unwrap_or(i64::MAX)
        };
        let fits = 100_000_000_000_000_i64;
        for (cents, bp) in [
            (i64::MAX, 10_000),
            (i64::MIN, 10_000),
            (fits, u32::MAX),
            (fits + 1, 10_000),
            (fits, 10_001),
            (-fits, 10_000),
            (fits, 10_000),
            (5, u32::MAX),
        ] {
            assert_eq!(
                percent_of_cents(cents, bp),
                wide(cents, bp),
                "{cents} × {bp}"
            );
        }
    }

    #[test]
    fn whole_units_edges() {
        assert_eq!(whole_units(Decimal::new(-12345, 2), 2), Some(-12345));
        assert_eq!(whole_units(Decimal::new(-12345, 3), 2), None);
        assert_eq!(whole_units(Decimal::new(-12340, 3), 2), Some(-1234));
        assert_eq!(whole_units(Decimal::new(5, 0), 2), Some(500));
        let edge = 9_999_999_999_999_999_i64;
        assert_eq!(whole_units(Decimal::new(edge, 0), 2), Some(edge * 100));
        assert_eq!(
            whole_units(Decimal::new(edge + 1, 0), 2),
            Some((edge + 1) * 100)
        );
        assert_eq!(whole_units(Decimal::new(i64::MAX, 0), 2), None);
        // A mantissa beyond 64 bits whose low 64 bits are small is not read as small.
        let wide = Decimal::from_i128_with_scale((1_i128 << 64) + 5, 2);
        assert_eq!(whole_units(wide, 2), None);
        let wide_mid = Decimal::from_i128_with_scale((1_i128 << 32) + 5, 0);
        assert_eq!(whole_units(wide_mid, 2), Some(((1_i64 << 32) + 5) * 100));
    }
}
