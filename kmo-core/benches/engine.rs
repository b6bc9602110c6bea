//! Criterion benchmarks of the engine (issue 8). `cargo bench -p kmo-core`; the numbers go into
//! BENCHMARKS.md through `scripts/bench`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kmo_core::json::{parse_request, wallet_from_json};
use kmo_core::quick::{quick_quote, quick_quotes, QuickQuote};
use kmo_core::wallet::Wallet;
use kmo_core::*;

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

/// The sample application of the README (a small BV, EUR 2 000 training, 7 200 used).
const SAMPLE: &str = include_str!("../../examples/requests/sample.json");

fn typical() -> Application {
    parse_request(SAMPLE).unwrap().application
}

fn quick() -> QuickQuote {
    QuickQuote {
        application_date: d("2026-03-10"),
        size_class: SizeClass::Small,
        kind: ServiceKind::Training,
        theme: Some(Theme::Personeelsmanagement),
        subtheme: None,
        start_date: Some(d("2026-03-02")),
        cost_cents: 200_000,
        aid_used_cents: 720_000,
        vat_rate_bp: 2100,
    }
}

fn benches(c: &mut Criterion) {
    let figures = Figures {
        staff: AnnualWorkUnits::parse("49.5").unwrap(),
        turnover: Money::from_euro(12_000_000),
        balance_sheet: Money::from_euro(9_000_000),
    };
    c.bench_function("classify from figures", |b| {
        b.iter(|| classify(black_box(&figures)))
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

    let q = quick();
    c.bench_function("quick quote", |b| b.iter(|| quick_quote(black_box(&q))));
    // The work of the C call `kmo_quote` without the boundary: dates read from and written as
    // yyyymmdd, the question checked, the answer's five dates converted.
    c.bench_function("quick quote, yyyymmdd in and out", |b| {
        use kmo_core::units::{date_from_yyyymmdd, yyyymmdd};
        b.iter(|| {
            let (day, start) = black_box((20_260_310_u32, 20_260_302_u32));
            let question = QuickQuote {
                application_date: date_from_yyyymmdd(day).unwrap_or(Date::MIN),
                start_date: date_from_yyyymmdd(start),
                ..q
            };
            let a = question.is_valid().then(|| quick_quote(&question));
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
    let many: Vec<QuickQuote> = (0..10_000)
        .map(|i| QuickQuote {
            cost_cents: 10_000 + i * 37,
            aid_used_cents: (i * 113) % 800_000,
            ..quick()
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
    let doc = kmo_core::json::wallet_to_json(&wallet).to_string();
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
