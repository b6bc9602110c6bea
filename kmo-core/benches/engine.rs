//! Criterion benchmarks of the engine. `cargo bench -p kmo-core`; the numbers go into
//! BENCHMARKS.md through `scripts/bench`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kmo_core::json::{parse_request, wallet_from_json};
use kmo_core::quick::{quick_quote, quick_quotes, QuickQuestion, QuickQuote};
use kmo_core::wallet::Wallet;
use kmo_core::*;

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

/// The sample application of the README (a small BV, EUR 2 000 training, 7 200 used).
const SAMPLE: &str = r#"{
  "application_date": "2026-03-10", "lang": "nl",
  "enterprise": { "legal_form": "bv", "nace": "62.010", "flemish_establishment": true,
    "public_bodies_pct": "0", "maatwerkbedrijf": false, "related_to_provider": false,
    "enterprise_number": "0403.170.701",
    "size": { "staff_awu": "12", "turnover": "1800000", "balance_sheet": "900000" },
    "de_minimis": [ { "date": "2025-05-01", "amount": "15000.00" } ] },
  "service": { "kind": "training", "theme": "personeelsmanagement", "subtheme": null,
    "provider": "DV.O236459", "start_date": "2026-03-02", "cost": "2000.00", "vat_rate": "21" },
  "wallet": { "aid_used": "7200.00" }
}"#;

fn typical() -> Application {
    parse_request(SAMPLE).unwrap().application
}

fn question() -> QuickQuestion {
    QuickQuestion {
        theme: Some(Theme::Personeelsmanagement),
        start_date: Some(d("2026-03-02")),
        aid_used: Money::from_euro(7_200),
        ..QuickQuestion::new(
            d("2026-03-10"),
            SizeClass::Small,
            ServiceKind::Training,
            Money::from_euro(2_000),
        )
    }
}

fn benches(c: &mut Criterion) {
    let figures = Figures {
        staff: AnnualWorkUnits::parse("49.5").unwrap(),
        turnover: Money::from_euro(12_000_000),
        balance_sheet: Money::from_euro(9_000_000),
    };
    c.bench_function("classify from figures", |b| {
        b.iter(|| classify(black_box(&SizeInput::Figures(figures)), Percent::ZERO))
    });

    let app = typical();
    c.bench_function("assess, typed, with trace", |b| {
        b.iter(|| assess(black_box(&app)))
    });
    c.bench_function("assess, typed, numbers only", |b| {
        b.iter(|| assess_with(black_box(&app), Detail::Numbers))
    });
    c.bench_function("assess_json (sample request)", |b| {
        b.iter(|| assess_json(black_box(SAMPLE)))
    });

    // The three stages of a JSON request, apart: reading it, assessing it, writing the answer.
    c.bench_function("read the sample request", |b| {
        b.iter(|| parse_request(black_box(SAMPLE)).unwrap())
    });
    let parsed = parse_request(SAMPLE).unwrap();
    let answer = parsed.assess().unwrap();
    c.bench_function("write the sample response", |b| {
        b.iter(|| kmo_core::json::response_json(black_box(&answer), &parsed))
    });
    let mut buffer = Vec::with_capacity(8192);
    c.bench_function("respond_into, numbers only (sample request)", |b| {
        b.iter(|| {
            buffer.clear();
            kmo_core::json::respond_into(black_box(SAMPLE), Detail::Numbers, &mut buffer);
            buffer.len()
        })
    });

    let q = question().check().unwrap();
    c.bench_function("quick quote", |b| b.iter(|| quick_quote(black_box(&q))));
    // The work of the side-by-side with other engines: the size class from figures, the
    // question checked, the quick quote.
    let small = Figures {
        staff: AnnualWorkUnits::parse("12.5").unwrap(),
        turnover: Money::from_euro(1_800_000),
        balance_sheet: Money::from_euro(900_000),
    };
    c.bench_function("classify + check + quick quote", |b| {
        b.iter(|| {
            let class = black_box(&small).class();
            let question = QuickQuestion {
                size_class: class,
                ..question()
            };
            question.check().ok().map(|q| quick_quote(&q).aid_cents)
        })
    });
    // The work of the C call `kmo_quote` without the boundary: amounts from cents, dates read
    // from and written as yyyymmdd, the question checked, the answer's dates converted.
    c.bench_function("quick quote, yyyymmdd in and out", |b| {
        use kmo_core::units::{date_from_yyyymmdd, yyyymmdd};
        b.iter(|| {
            let (day, start, cost, used) =
                black_box((20_260_310_u32, 20_260_302_u32, 200_000_i64, 720_000_i64));
            let question = QuickQuestion {
                application_date: date_from_yyyymmdd(day).unwrap_or(Date::MIN),
                start_date: date_from_yyyymmdd(start),
                cost: Money::from_cents(cost).unwrap_or(Money::ZERO),
                aid_used: Money::from_cents(used).unwrap_or(Money::ZERO),
                ..question()
            };
            let a = question.check().ok().map(|q| quick_quote(&q));
            a.and_then(|a| a.deadlines).map(|d| {
                let ymd = |d: Option<Date>| d.map_or(0, yyyymmdd);
                (
                    ymd(d.apply_by),
                    ymd(d.pay_own_share_by),
                    yyyymmdd(d.complete_by),
                )
            })
        })
    });
    // The application of the C typed quote's request (kmo-ffi/bench/bench.c's quote loop, its
    // cost varying the same way), assessed by the two Rust calls that give `kmo_quote`'s answer:
    // with its findings built (`Detail::Numbers`), and with them counted (`assess_counted`,
    // what `kmo_quote` runs when its findings are not asked for). The whole answer is returned
    // (criterion keeps it), as `kmo_quote` writes all of it: none of its numbers or deadlines
    // may be left uncomputed by the optimiser.
    let mut c_app = Application {
        aid_used: Money::from_euro(7_200),
        ..Application::new(
            d("2026-03-10"),
            Enterprise::new(SizeInput::Declared(SizeClass::Small)),
            Service {
                theme: Some(Theme::Personeelsmanagement),
                start_date: Some(d("2026-03-02")),
                ..Service::new(ServiceKind::Training, Money::from_euro(100))
            },
        )
    };
    let mut cents = 0_i64;
    let mut next_cost = move || {
        cents = (cents + 1) % 4_000_000;
        CostInput::Amount(Money::from_cents(10_000 + cents).unwrap())
    };
    c.bench_function("the C quote's application, numbers only", |b| {
        b.iter(|| {
            c_app.service.cost = next_cost();
            assess_with(black_box(&c_app), Detail::Numbers)
        })
    });
    c.bench_function("the C quote's application, findings counted", |b| {
        b.iter(|| {
            c_app.service.cost = next_cost();
            assess_counted(black_box(&c_app))
        })
    });
    let many: Vec<QuickQuote> = (0..10_000)
        .map(|i| {
            QuickQuestion {
                cost: Money::from_cents(10_000 + i * 37).unwrap(),
                aid_used: Money::from_cents((i * 113) % 800_000).unwrap(),
                ..question()
            }
            .check()
            .unwrap()
        })
        .collect();
    let mut out = vec![Default::default(); many.len()];
    let mut group = c.benchmark_group("quick quotes, batch of 10 000");
    group.throughput(Throughput::Elements(many.len() as u64));
    group.bench_function("slice", |b| {
        b.iter(|| quick_quotes(black_box(&many), &mut out))
    });
    group.finish();

    // A wallet holding 50 applications, and the 51st.
    let mut wallet = Wallet::new();
    for i in 0..50 {
        let date = d("2026-01-05") + time::Duration::days(i * 7);
        let mut a = typical();
        a.application_date = date;
        a.service.start_date = Some(date);
        a.service.cost = CostInput::Amount(Money::from_euro(300));
        wallet.apply(&a).unwrap();
    }
    let doc = kmo_core::json::wallet_to_json(&wallet);
    let mut next = typical();
    next.application_date = d("2026-12-30");
    next.service.start_date = Some(d("2026-12-30"));
    c.bench_function("wallet of 50: assess the next application", |b| {
        b.iter(|| black_box(&wallet).assess(black_box(&next)))
    });
    c.bench_function("wallet of 50: read its JSON document", |b| {
        b.iter(|| wallet_from_json(black_box(&doc)).unwrap())
    });

    // The full SME definition on a group of 20 enterprises.
    let entities: Vec<String> = (1..20)
        .map(|i| {
            format!(
                r#"{{"id":"E{i}","staff_awu":"{}","turnover":"{}","balance_sheet":"1000000"}}"#,
                i * 3,
                i * 100_000
            )
        })
        .collect();
    let holdings: Vec<String> = (1..20)
        .map(|i| {
            let holder = if i < 5 {
                "A".to_string()
            } else {
                format!("E{}", i / 2)
            };
            format!(
                r#"{{"holder":"{holder}","held":"E{i}","capital_pct":"{}"}}"#,
                20 + (i * 7) % 60
            )
        })
        .collect();
    let group_size = format!(
        r#"{{"id":"A","staff_awu":"20","turnover":"3000000","balance_sheet":"2000000","entities":[{}],"holdings":[{}]}}"#,
        entities.join(","),
        holdings.join(",")
    );
    c.bench_function("SME definition, group of 20", |b| {
        b.iter(|| kmo_core::json::classify_json(black_box(&group_size)))
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
