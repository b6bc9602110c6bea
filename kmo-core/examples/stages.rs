//! One stage of the engine run `n` times, for instruction counts (callgrind) that do not depend
//! on the machine. Run a stage twice, with two counts, and divide the difference of the totals
//! by the difference of the counts: what is left is the stage's own cost per call, setup and
//! process start-up cancelled out.
//!
//! ```text
//! cargo build --release -p kmo-core --example stages
//! valgrind --tool=callgrind --callgrind-out-file=a target/release/examples/stages quick 1
//! valgrind --tool=callgrind --callgrind-out-file=b target/release/examples/stages quick 1001
//! ```
//!
//! Stages: `classify` (size class from figures, `Figures::class`), `check` (a quick question checked), `quick`
//! (a checked quick quote answered), `quote` (classify + check + quick quote: the work of the
//! side-by-side with other engines), `quote-numbers` (the quick question's application assessed
//! with `Detail::Numbers`, its cost changed each call: the request of the C typed quote's
//! benchmark), `quote-counted` (the same with `assess_counted`: the C typed quote's work when
//! its findings are not asked for), `batch` (one quick quote of a slice), `assess` (the typed
//! sample application, with trace), `numbers` (the same, `Detail::Numbers`), `read` (the
//! sample request read), `write` (its full response written), `json` (`respond_into` with
//! `Detail::Full`: `assess_json` without its `String`), `json-string` (`assess_json` itself,
//! the `String`'s UTF-8 check and its allocation included), `json-numbers` (`respond_into`
//! with `Detail::Numbers`), `wallet-read` (the document of a
//! wallet of 50 applications read), `wallet-assess` (the 51st assessed against it).

use std::hint::black_box;

use kmo_core::json::{parse_request, respond_into, response_json};
use kmo_core::quick::{quick_quote, quick_quotes, QuickAnswer, QuickQuestion, QuickQuote};
use kmo_core::*;

const SAMPLE: &str = include_str!("sample.json");

fn question(class: SizeClass, cost: Money) -> QuickQuestion {
    QuickQuestion {
        theme: Some(Theme::Personeelsmanagement),
        start_date: date(2026, 3, 2).ok(),
        aid_used: Money::from_euro(7_200),
        ..QuickQuestion::new(
            date(2026, 3, 10).unwrap_or(Date::MIN),
            class,
            ServiceKind::Training,
            cost,
        )
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stage = args.first().map_or("quick", String::as_str);
    let n: u64 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
    let mut sink = 0_u64;
    match stage {
        "classify" => {
            let f = Figures {
                staff: AnnualWorkUnits::parse("49.5").expect("staff"),
                turnover: Money::from_euro(12_000_000),
                balance_sheet: Money::from_euro(9_000_000),
            };
            for _ in 0..n {
                sink += black_box(&f).class() as u64;
            }
        }
        "check" => {
            let q = question(SizeClass::Small, Money::from_euro(2_000));
            for _ in 0..n {
                sink += u64::from(black_box(&q).check().is_ok());
            }
        }
        "quick" => {
            let q = question(SizeClass::Small, Money::from_euro(2_000))
                .check()
                .expect("question");
            for _ in 0..n {
                sink += quick_quote(black_box(&q)).aid_cents as u64;
            }
        }
        "quote" => {
            let f = Figures {
                staff: AnnualWorkUnits::parse("12.5").expect("staff"),
                turnover: Money::from_euro(1_800_000),
                balance_sheet: Money::from_euro(900_000),
            };
            for i in 0..n {
                let class = black_box(&f).class();
                let cost = Money::from_cents(10_000 + (i % 1000) as i64 * 37).unwrap_or_default();
                if let Ok(q) = black_box(question(class, cost)).check() {
                    sink += quick_quote(&q).aid_cents as u64;
                }
            }
        }
        "quote-numbers" => sink += quote_c(n, false),
        "quote-counted" => sink += quote_c(n, true),
        "batch" => {
            let many: Vec<QuickQuote> = (0..1000)
                .map(|i| {
                    let cost = Money::from_cents(10_000 + i * 37).unwrap_or_default();
                    question(SizeClass::Small, cost).check().expect("question")
                })
                .collect();
            let mut out = vec![QuickAnswer::default(); many.len()];
            for _ in 0..n.div_ceil(1000) {
                quick_quotes(black_box(&many), &mut out);
                sink += out[999].aid_cents as u64;
            }
        }
        "assess" | "numbers" => {
            let app = parse_request(SAMPLE).expect("sample").application;
            let detail = if stage == "assess" {
                Detail::Full
            } else {
                Detail::Numbers
            };
            for _ in 0..n {
                sink += assess_with(black_box(&app), detail).map_or(0, |a| a.aid.cents()) as u64;
            }
        }
        "read" => {
            for _ in 0..n {
                sink += parse_request(black_box(SAMPLE)).map_or(0, |r| r.ignored.len()) as u64;
            }
        }
        "write" => {
            let request = parse_request(SAMPLE).expect("sample");
            let a = request.assess().expect("assessment");
            for _ in 0..n {
                sink += response_json(black_box(&a), &request).len() as u64;
            }
        }
        "json" | "json-numbers" => {
            let detail = if stage == "json" {
                Detail::Full
            } else {
                Detail::Numbers
            };
            let mut out = Vec::with_capacity(8192);
            for _ in 0..n {
                out.clear();
                respond_into(black_box(SAMPLE), detail, &mut out);
                sink += out.len() as u64;
            }
        }
        "json-string" => {
            for _ in 0..n {
                sink += assess_json(black_box(SAMPLE)).len() as u64;
            }
        }
        "wallet-read" | "wallet-assess" => {
            // A wallet holding 50 applications (as the criterion benchmark builds it).
            let mut wallet = kmo_core::wallet::Wallet::new();
            let mut app = parse_request(SAMPLE).expect("sample").application;
            for i in 0..50 {
                let day = date(2026, 1, 5).unwrap_or(Date::MIN) + time::Duration::days(i * 7);
                app.application_date = day;
                app.service.start_date = Some(day);
                app.service.cost = CostInput::Amount(Money::from_euro(300));
                let _ = wallet.apply(&app);
            }
            let doc = kmo_core::json::wallet_to_json(&wallet);
            app.application_date = date(2026, 12, 30).unwrap_or(Date::MIN);
            app.service.start_date = Some(app.application_date);
            for _ in 0..n {
                sink += if stage == "wallet-read" {
                    kmo_core::json::wallet_from_json(black_box(&doc))
                        .map_or(0, |w| w.next_id().unwrap_or(0)) as u64
                } else {
                    black_box(&wallet)
                        .assess(black_box(&app))
                        .map_or(0, |a| a.aid.cents()) as u64
                };
            }
        }
        other => {
            eprintln!("unknown stage {other}");
            std::process::exit(2);
        }
    }
    println!("{sink}");
}

/// The C typed quote's work in Rust, `n` times: the request of kmo-ffi/bench/bench.c's quote
/// loop (the quick question above, its cost changed each call as the loop changes
/// `cost_cents`), assessed with numbers only (`quote-numbers`), or with its findings counted
/// instead of built (`quote-counted`, `assess_counted`: what `kmo_quote` does when its findings
/// are not asked for). Out of line, so that the other stages' code in `main` stays as it was.
#[inline(never)]
fn quote_c(n: u64, counted: bool) -> u64 {
    // The application of `question` (what `QuickQuestion::application` builds), as the C
    // request gives it.
    let mut app = Application {
        aid_used: Money::from_euro(7_200),
        ..Application::new(
            date(2026, 3, 10).unwrap_or(Date::MIN),
            Enterprise::new(SizeInput::Declared(SizeClass::Small)),
            Service {
                theme: Some(Theme::Personeelsmanagement),
                start_date: date(2026, 3, 2).ok(),
                ..Service::new(ServiceKind::Training, Money::from_euro(2_000))
            },
        )
    };
    let mut sink = 0_u64;
    for i in 0..n {
        let cost = Money::from_cents(10_000 + (i % 4_000_000) as i64).unwrap_or_default();
        app.service.cost = CostInput::Amount(cost);
        // The whole answer kept (`black_box`), as `kmo_quote` writes all of it into the C
        // result: none of its numbers or deadlines may be left uncomputed by the optimiser.
        let aid = if counted {
            black_box(assess_counted(black_box(&app))).map_or(0, |a| a.aid.cents())
        } else {
            black_box(assess_with(black_box(&app), Detail::Numbers)).map_or(0, |a| a.aid.cents())
        };
        sink += aid as u64;
    }
    sink
}
