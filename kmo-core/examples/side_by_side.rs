//! kmo's half of the side-by-side with OpenFisca that `scripts/bench` runs: the same generated
//! applications, the same work per application — the size class from staff, turnover and
//! balance sheet (REC-2003/361 art. 2), the quick question checked, the quick quote (rate,
//! the yearly ceiling, what is left of it, the own share, VAT) — on the one pipeline.
//!
//! ```text
//! side_by_side CASES ANSWERS
//! ```
//!
//! `CASES`: little-endian `i64` quintuples (staff in hundredths of an AWU, turnover, balance
//! sheet, cost and aid already used in cents), as `scripts/bench-openfisca.py` writes them.
//! The figures are built before the clock starts (the other engine gets its arrays ready too);
//! the loop from figures to answers is timed, and its nanoseconds per application are printed.
//! `ANSWERS`: the answers, little-endian `i64` triples (aid, own share, VAT in cents), for the
//! script to count wrong cents against its exact reference.

use std::hint::black_box;
use std::time::Instant;

use kmo_core::quick::{quick_quote, QuickQuestion};
use kmo_core::*;

/// One application of the file: its figures and its amounts.
struct Case {
    figures: Figures,
    cost: Money,
    aid_used: Money,
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(cases), Some(answers)) = (args.get(1), args.get(2)) else {
        return Err("usage: side_by_side CASES ANSWERS".into());
    };
    let bytes = std::fs::read(cases).map_err(|e| format!("{cases}: {e}"))?;
    let numbers: Vec<i64> = bytes
        .chunks_exact(8)
        .map(|c| i64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect();
    let money = |cents: i64| Money::from_cents(cents).map_err(|e| e.to_string());
    let cases = numbers
        .chunks_exact(5)
        .map(|c| {
            Ok(Case {
                figures: Figures {
                    staff: AnnualWorkUnits::from_decimal(Decimal::new(c[0], 2))
                        .map_err(|e| e.to_string())?,
                    turnover: money(c[1])?,
                    balance_sheet: money(c[2])?,
                },
                cost: money(c[3])?,
                aid_used: money(c[4])?,
            })
        })
        .collect::<Result<Vec<Case>, String>>()?;
    let day = date(2026, 3, 10).map_err(|e| e.to_string())?;
    let start = date(2026, 3, 2).map_err(|e| e.to_string())?;

    // Written once before the clock starts: a zeroed vector's pages would be mapped on first
    // write, inside the loop.
    let mut out = vec![[-1_i64; 3]; cases.len()];
    let clock = Instant::now();
    for (case, answer) in black_box(&cases).iter().zip(out.iter_mut()) {
        let question = QuickQuestion {
            theme: Some(Theme::Personeelsmanagement),
            start_date: Some(start),
            aid_used: case.aid_used,
            ..QuickQuestion::new(day, case.figures.class(), ServiceKind::Training, case.cost)
        };
        *answer = match question.check() {
            Ok(q) => {
                let a = quick_quote(&q);
                [a.aid_cents, a.own_share_cents, a.vat_cents]
            }
            Err(_) => [-1; 3],
        };
    }
    let elapsed = clock.elapsed();
    let out = black_box(out);

    let flat: Vec<u8> = out.iter().flatten().flat_map(|n| n.to_le_bytes()).collect();
    std::fs::write(answers, flat).map_err(|e| format!("{answers}: {e}"))?;
    let per = elapsed.as_secs_f64() * 1e9 / cases.len().max(1) as f64;
    println!("{per:.2}");
    Ok(())
}
