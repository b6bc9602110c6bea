//! Prints a quote for one kmo-portefeuille application, in the request's language (Dutch by
//! default).
//!
//! ```text
//! cargo run -q -p kmo-core --example quote -- examples/requests/sample.json
//! cargo run -q -p kmo-core --example quote -- --json examples/requests/sample.json
//! cargo run -q --example quote                 # inside the unpacked crate: its own sample
//! ```
//!
//! With `--json` it prints the response document as it is; `-` reads the request from standard
//! input; without a file it answers the sample request the crate carries (`kmo-core/examples/sample.json`,
//! the same as the repository's `examples/requests/sample.json`).

use std::io::Read;
use std::process::ExitCode;

use kmo_core::json::{error_json, parse_request, response_json};
use kmo_core::Lang;

/// The sample request the crate carries: a small BV with EUR 7 200 of this year's EUR 7 500
/// already used, asking for a EUR 2 000 training.
const SAMPLE: &str = include_str!("sample.json");

/// `println!` that stops quietly when the reader has gone (`quote … | head`).
macro_rules! println {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout().lock(), $($t)*).is_err() {
            std::process::exit(0);
        }
    }};
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let raw = args.iter().any(|a| a == "--json");
    if args.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!("usage: quote [--json] [request.json | -]   (no file: the crate's sample)");
        return ExitCode::from(2);
    }
    let path = args
        .iter()
        .find(|a| *a != "--json")
        .map_or("the sample", String::as_str);
    let mut text = String::new();
    let read = match path {
        "the sample" => {
            text = SAMPLE.to_string();
            Ok(())
        }
        "-" => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        _ => std::fs::read_to_string(path).map(|t| text = t),
    };
    if let Err(e) = read {
        eprintln!("cannot read {path}: {e}");
        return ExitCode::from(2);
    }
    if raw {
        // The response document, or the error document, as the JSON faces give them.
        let out = kmo_core::assess_json(&text);
        println!("{out}");
        return if out.starts_with("{\"error\"") {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    let invalid = |e: kmo_core::InputError, lang| {
        eprintln!("{}", error_json(&e, lang));
        ExitCode::FAILURE
    };
    let request = match parse_request(&text) {
        Ok(r) => r,
        Err(e) => return invalid(e, Lang::En),
    };
    let a = match request.assess() {
        Ok(a) => a,
        Err(e) => return invalid(e, request.error_lang()),
    };
    // The same answer as the JSON document (`--json`), written for a person.
    debug_assert!(kmo_core::assess_json(&text) == response_json(&a, &request));
    let lang = request.lang;
    let l = |nl: &'static str, fr: &'static str, en: &'static str| match lang {
        Lang::Nl => nl,
        Lang::Fr => fr,
        _ => en,
    };
    println!(
        "{}",
        l(
            "kmo-portefeuille — offerte",
            "portefeuille PME — devis",
            "kmo-portefeuille — quote"
        )
    );
    println!(
        "{:<28}{}",
        l("Aanvraagdatum", "Date de demande", "Application date"),
        request.application.application_date
    );
    println!("{:<28}{}", l("Grootte", "Taille", "Size"), a.size_class);
    println!(
        "{:<28}{}",
        l("Komt in aanmerking", "Admissible", "Eligible"),
        if a.eligible {
            l("ja", "oui", "yes")
        } else {
            l("nee", "non", "no")
        }
    );
    println!(
        "{:<28}{} %",
        l("Steunpercentage", "Pourcentage d'aide", "Aid percentage"),
        a.rate
    );
    println!(
        "{:<28}EUR {:>10}",
        l("Aanvaardbare kost", "Coût admissible", "Eligible cost"),
        a.eligible_cost.to_string()
    );
    println!(
        "{:<28}EUR {:>10}",
        l("Steun", "Aide", "Aid"),
        a.aid.to_string()
    );
    println!(
        "{:<28}EUR {:>10}",
        l("Eigen aandeel", "Quote-part", "Own share"),
        a.own_share.to_string()
    );
    println!(
        "{:<28}EUR {:>10}",
        l(
            "Btw (aan dienstverlener)",
            "TVA (au prestataire)",
            "VAT (to provider)"
        ),
        a.vat.to_string()
    );
    println!(
        "{:<28}EUR {:>10}",
        l("Plafond nog beschikbaar", "Plafond restant", "Ceiling left"),
        a.ceiling_left.to_string()
    );
    let date = |d: Option<kmo_core::Date>| d.map_or("—".to_string(), |d| d.to_string());
    println!(
        "{:<28}{}",
        l("Aanvragen uiterlijk", "Demander avant le", "Apply by"),
        date(a.deadlines.apply_by)
    );
    println!(
        "{:<28}{}",
        l(
            "Eigen aandeel storten",
            "Verser la quote-part",
            "Pay own share by"
        ),
        date(a.deadlines.pay_own_share_by)
    );
    println!(
        "{:<28}{}",
        l("Afronden uiterlijk", "Terminer avant le", "Complete by"),
        a.deadlines.complete_by
    );
    println!();
    for f in &a.findings {
        println!(
            "[{}] {} ({})",
            f.severity.as_str(),
            f.message(lang),
            f.reference
        );
    }
    println!();
    println!("{}", l("Berekening:", "Calcul :", "Computation:"));
    for s in &a.trace {
        println!("  - {} [{}]", s.text(lang), s.reference);
    }
    ExitCode::SUCCESS
}
