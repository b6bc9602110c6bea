//! The typed API against the JSON document, structure-aware: the input drives
//! `arbitrary` through the model of `kmo-core/tests/doors/model.rs` (shared with the property
//! test `typed_vs_document`) into one application — SME definitions with extreme and negative
//! figures, dates far outside the document's years — and a sequence of wallet operations. For
//! each, the typed answer is the document's byte for byte, or both refuse with the same code,
//! path and message; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../kmo-core/tests/doors/model.rs"]
mod model;

fuzz_target!(|case: model::Case| {
    model::check_case(&case);
});
