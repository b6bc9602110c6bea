//! The entry points of the JSON document: the request text in, the response text out.

use super::request::{self, ParsedRequest};
use super::response;
use super::writer::{document, error_json, Out};
use crate::assess::{Assessment, Detail};
use crate::error::{InputError, InputErrorCode};

/// Assesses the JSON request and returns the JSON response, or the error document
/// `{"error":{"code","message","path"}}` when the request is invalid (its message in the
/// request's `lang`, English when it gives none). Never panics.
///
/// ```
/// let out = kmo_core::assess_json(r#"{
///   "application_date": "2026-03-10",
///   "enterprise": { "size": { "staff_awu": "12", "turnover": "1800000", "balance_sheet": "900000" } },
///   "service": { "kind": "training", "theme": "personeelsmanagement", "cost": "2000.00" },
///   "wallet": { "aid_used": "7200.00" }
/// }"#);
/// let v: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(v["aid"], "300.00");
/// assert_eq!(v["capped"], true);
///
/// let err = kmo_core::assess_json(r#"{"application_date":"2026-03-10","lang":"nl",
///   "enterprise":{"size":{"class":"small"}}, "service":{"kind":"training","cost":"-5"}}"#);
/// let v: serde_json::Value = serde_json::from_str(&err).unwrap();
/// assert_eq!(v["error"]["path"], "service.cost");
/// assert_eq!(v["error"]["code"], "NEGATIVE_AMOUNT");
/// assert!(v["error"]["message"].as_str().unwrap().contains("negatief"));
/// ```
pub fn assess_json(request: &str) -> String {
    // Room for a full response (about 4.5 KB with its trace) without growing on the way.
    let mut out = Vec::with_capacity(8192);
    respond_into(request, Detail::Full, &mut out);
    // Every byte came from a `&str`, cut only next to an ASCII byte, or is ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// [`assess_json`] with a choice of [`Detail`], appending the response (or the error
/// document) to `out`: the one path of the NDJSON batch, which writes responses one after
/// another into one buffer. `Detail::Full` writes exactly what [`assess_json`] returns.
///
/// ```
/// use kmo_core::{json::respond_into, Detail};
/// let request = r#"{"application_date":"2026-03-10","enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","cost":"2000"}}"#;
/// let mut out = b"[".to_vec();
/// respond_into(request, Detail::Full, &mut out);
/// assert_eq!(&out[1..], kmo_core::assess_json(request).as_bytes());
/// ```
pub fn respond_into(request: &str, detail: Detail, out: &mut Vec<u8>) {
    // The request and the assessment read where they were returned (not moved out of their
    // `Result`s: each a copy of a large value).
    let read = request::read_request(request);
    let parsed = match &read {
        Ok(parsed) => parsed,
        Err((e, lang)) => {
            out.extend_from_slice(error_json(e, *lang).as_bytes());
            return;
        }
    };
    match &mut parsed.assess_with(detail) {
        Ok(a) => {
            response::write(a, parsed.lang, &parsed.ignored, &mut Out(out));
            // The builds for size drop it as it is.
            #[cfg(not(kmo_size))]
            a.release();
        }
        Err(e) => out.extend_from_slice(error_json(e, parsed.error_lang()).as_bytes()),
    }
}

/// The response document of an assessment of `request`, as text.
///
/// ```
/// use kmo_core::json::{parse_request, response_json};
/// let request = parse_request(r#"{"application_date":"2026-03-10","enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","cost":"2000"}}"#)?;
/// let text = response_json(&request.assess()?, &request);
/// assert!(text.starts_with(r#"{"aid":"600.00","#));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn response_json(a: &Assessment, request: &ParsedRequest) -> String {
    document(2048 + 256 * (a.trace.len() + a.findings.len()), |o| {
        response::write(a, request.lang, &request.ignored, o)
    })
}

/// A JSON text with every character outside ASCII written as its `\u` escape (a surrogate
/// pair beyond U+FFFF): the same JSON value, in ASCII only. A text that is ASCII already comes
/// back as it is, without a copy.
///
/// For a reader that decodes ASCII much faster than UTF-8: Node.js's `TextDecoder`, which
/// turns the WebAssembly module's answers into JavaScript strings, decodes a response with an
/// accent or a dash several times slower than an ASCII one, and V8 parses the resulting
/// one-byte string faster too. The JavaScript package takes every answer this way. In a JSON
/// text the engine writes, characters outside ASCII are only ever inside strings, where the
/// escape means the same character.
///
/// ```
/// use kmo_core::json::ascii_only;
/// assert_eq!(ascii_only(r#"{"a":"café – €𝄞"}"#.to_string()), r#"{"a":"caf\u00e9 \u2013 \u20ac\ud834\udd1e"}"#);
/// let text = kmo_core::assess_json(r#"{"application_date":"2026-03-10","lang":"fr",
///   "enterprise":{"size":{"class":"small"}},"service":{"kind":"training","theme":"innovatie","cost":"2000"}}"#);
/// let ascii = ascii_only(text.clone());
/// assert!(ascii.is_ascii() && !text.is_ascii());
/// let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
/// assert_eq!(value(&ascii), value(&text));
/// ```
// Out of line: the WebAssembly module calls it from each of its exports.
#[inline(never)]
pub fn ascii_only(text: String) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    /// Whether sixteen bytes are all ASCII: no high bit in either half.
    fn plain(block: &[u8; 16]) -> bool {
        let [a, b] = [&block[..8], &block[8..]]
            .map(|half| u64::from_le_bytes(half.try_into().unwrap_or_default()));
        (a | b) & 0x8080_8080_8080_8080 == 0
    }
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // The end of what is copied to `out` already; `i` is always at a character's start.
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        // Sixteen ASCII bytes at a time, then up to sixteen one by one to the next character
        // outside ASCII.
        let rest = bytes.get(i..).unwrap_or_default();
        i += rest
            .as_chunks::<16>()
            .0
            .iter()
            .take_while(|b| plain(b))
            .count()
            * 16;
        let rest = bytes.get(i..).unwrap_or_default();
        let window = rest.get(..16).unwrap_or(rest);
        match window.iter().position(|b| !b.is_ascii()) {
            None => {
                i += window.len();
                continue;
            }
            Some(at) => i += at,
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 8));
        out.push_str(text.get(copied..i).unwrap_or_default());
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            out.push_str("\\u");
            for shift in [12, 8, 4, 0] {
                out.push(char::from(HEX[usize::from(*unit >> shift & 0xf)]));
            }
        }
        i += c.len_utf8();
        copied = i;
    }
    match out {
        Some(mut out) => {
            out.push_str(text.get(copied..).unwrap_or_default());
            out
        }
        None => text,
    }
}

/// A document given as bytes (as C hands it over) read as text: bytes that are not UTF-8 are
/// `MALFORMED_JSON` at the root, with the offset of the first bad byte.
///
/// ```
/// use kmo_core::{json::document_text, InputErrorCode, Lang};
/// assert_eq!(document_text(b"{}"), Ok("{}"));
/// let e = document_text(b"{\"a\":\"\xff\"}").unwrap_err();
/// assert_eq!(e.code, InputErrorCode::MalformedJson);
/// assert_eq!(e.message(Lang::En), "the text is not valid UTF-8 (at byte 6)");
/// ```
pub fn document_text(bytes: &[u8]) -> Result<&str, InputError> {
    core::str::from_utf8(bytes).map_err(|e| {
        InputError::new(
            InputErrorCode::MalformedJson,
            "",
            "err_not_utf8",
            vec![e.valid_up_to().to_string().into()],
        )
    })
}
