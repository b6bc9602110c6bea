//! Year-end batch runs: NDJSON requests in, NDJSON responses out, streaming in constant memory.
//!
//! ```text
//! cargo run --release -p kmo-core --example batch -- [--numbers] < requests.ndjson > responses.ndjson
//! cargo run --release -p kmo-core --example batch -- --generate 1000000 > requests.ndjson
//! ```
//!
//! Each input line is one request (the JSON document of `docs/json.md`); each output line is
//! its response or its error document, in order: exactly what `kmo_core::assess_json` answers
//! for the same line (both take `kmo_core::json::respond_into`). `--numbers` leaves out the
//! trace and the procedure timeline (the same decisions and findings, less to write). The run's
//! count and rate go to stderr.

use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

use kmo_core::json::respond_into;
use kmo_core::Detail;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let n: usize = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(1_000_000);
        return generate(n);
    }
    let detail = if args.iter().any(|a| a == "--numbers") {
        Detail::Numbers
    } else {
        Detail::Full
    };
    let mut stdin = std::io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let started = Instant::now();
    let mut count = 0u64;
    // One line buffer and one response buffer for the whole run: constant memory, no
    // allocation per request for either.
    let mut line = String::new();
    let mut answer = Vec::with_capacity(8192);
    loop {
        line.clear();
        if stdin.read_line(&mut line)? == 0 {
            break;
        }
        let request = line.trim_end_matches(['\n', '\r']);
        if request.trim().is_empty() {
            continue;
        }
        answer.clear();
        respond_into(request, detail, &mut answer);
        answer.push(b'\n');
        out.write_all(&answer)?;
        count += 1;
    }
    out.flush()?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{count} applications in {seconds:.3} s: {:.0} applications/s",
        count as f64 / seconds.max(1e-9)
    );
    Ok(())
}

/// Writes `n` varied requests (dates, sizes, services, themes, costs, wallets), for benchmarks.
fn generate(n: usize) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let themes = [
        "personeelsmanagement",
        "innovatie",
        "digitalisering",
        "bedrijfsstrategie",
    ];
    let classes = ["micro", "small", "medium"];
    for i in 0..n {
        let month = 1 + i % 12;
        let day = 1 + i % 28;
        let cost = 100 + (i * 7919) % 40_000;
        let used = (i * 104_729) % 750_000;
        let theme = themes[i % themes.len()];
        let subtheme = if theme == "digitalisering" && i % 3 == 0 {
            "\"cybersecurity\""
        } else {
            "null"
        };
        writeln!(
            out,
            r#"{{"application_date":"2026-{month:02}-{day:02}","lang":"nl","enterprise":{{"legal_form":"bv","nace":"62.010","flemish_establishment":true,"related_to_provider":false,"size":{{"class":"{}"}}}},"service":{{"kind":"training","theme":"{theme}","subtheme":{subtheme},"provider":"DV.O236459","start_date":"2026-{month:02}-{day:02}","cost":"{cost}.{:02}","vat_rate":"21"}},"wallet":{{"aid_used":"{}.{:02}"}}}}"#,
            classes[i % classes.len()],
            i % 100,
            used / 100,
            used % 100,
        )?;
    }
    out.flush()
}
