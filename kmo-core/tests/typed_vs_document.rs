//! The typed API and the JSON document answer every question alike (issue 22): arbitrary
//! applications, SME definitions with extreme and negative figures, and sequences of wallet
//! operations, generated from random bytes by the model the fuzz target shares
//! (`tests/doors/model.rs`). For each, the typed answer is the document's byte for byte, or
//! both refuse with the same code, path and message; never a panic.

#[path = "doors/model.rs"]
mod model;

use arbitrary::Unstructured;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_question_has_one_answer_through_both_doors(bytes in prop::collection::vec(any::<u8>(), 0..1536)) {
        let mut u = Unstructured::new(&bytes);
        if let Ok(q) = model::gen_question(&mut u, false) {
            model::check_question(&q);
        }
    }

    #[test]
    fn wallet_operations_agree_through_both_doors(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let mut u = Unstructured::new(&bytes);
        if let Ok(ops) = model::gen_ops(&mut u) {
            model::check_wallet(&ops);
        }
    }
}
