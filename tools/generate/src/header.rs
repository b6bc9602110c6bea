//! `kmo-ffi/include/kmo.h`: cbindgen over the C face's source, with `kmo-ffi/cbindgen.toml` and
//! the preamble below (the export macro, the version macros, the struct conventions and the
//! `_INIT` macros).

use std::path::Path;

/// What the header defines before its declarations: the export macro and the version macros.
fn preamble(major: u32, minor: u32, patch: u32) -> String {
    format!(
        r#"
/*
 * KMO_API marks every function of the library: exported from the shared library, imported by
 * its users (dllimport on Windows unless KMO_STATIC is defined for a static link).
 */
#ifndef KMO_API
#  if defined(_WIN32) || defined(__CYGWIN__)
#    if defined(KMO_STATIC)
#      define KMO_API
#    else
#      define KMO_API __declspec(dllimport)
#    endif
#  elif defined(__GNUC__) || defined(__clang__)
#    define KMO_API __attribute__((visibility("default")))
#  else
#    define KMO_API
#  endif
#endif

/*
 * The version of this header; kmo_version() and kmo_version_number() give the library's.
 * KMO_VERSION_NUMBER is major * 10000 + minor * 100 + patch.
 */
#define KMO_VERSION_MAJOR {major}
#define KMO_VERSION_MINOR {minor}
#define KMO_VERSION_PATCH {patch}
#define KMO_VERSION_NUMBER {number}
#define KMO_VERSION_STRING "{major}.{minor}.{patch}"

/*
 * Every struct of this header starts with `uint32_t struct_size` and grows by versions: fields
 * are only ever added at the end, so each version is a prefix of the next, and a version is
 * known by its size.
 *
 * - Structs you fill (requests: kmo_quote_request and the kmo_cost_line and
 *   kmo_de_minimis_aid of its lists; the kmo_sme_enterprise, kmo_sme_period, kmo_sme_entity
 *   and kmo_sme_staff_member of a kmo_sme_definition): make them with their _INIT macro, which sets
 *   struct_size to the sizeof of this header's version and every field to its default. The
 *   library reads exactly the versions it knows: struct_size must be the size of one of them
 *   (for a request, KMO_QUOTE_REQUEST_V1_SIZE, KMO_QUOTE_REQUEST_V2_SIZE,
 *   KMO_QUOTE_REQUEST_V3_SIZE or sizeof(kmo_quote_request)), else
 *   the call is KMO_STATUS_INVALID_STRUCT_SIZE and reads nothing more. The fields of a later
 *   version than yours take their default, 0.
 * - Structs the library fills (results: kmo_quote_result, kmo_classification, kmo_rulebook,
 *   kmo_payment, kmo_settlement, kmo_wallet_application, kmo_year_budget, kmo_finding): make
 *   them with their _INIT macro too, which sets struct_size to the room you have; the library
 *   writes that version (a newer library still writes the older versions), sets struct_size
 *   to the size it wrote, and refuses a size it does not know with
 *   KMO_STATUS_INVALID_STRUCT_SIZE, writing nothing. A struct inside a result (the
 *   kmo_settlement of a kmo_wallet_application, the kmo_registration_plan of a
 *   kmo_quote_result) is written in the version of its container: it grows only with a new
 *   version of the container.
 *
 * So a program built against an older header keeps working with a newer library, and an
 * older library refuses a newer header's structs rather than misreading them:
 *
 *     if (kmo_version_number() < KMO_VERSION_NUMBER) {{ // an older libkmo than kmo.h }}
 *
 * The _INIT macros name every field, so they compile in C and C++ with -Wextra
 * -Wold-style-cast -Werror. KMO_QUOTE_REQUEST_INIT sets the engine's default VAT rate
 * (KMO_VAT_RATE_DEFAULT); a zero-initialised request (struct_size 0) is refused, so that it
 * cannot silently mean a VAT rate of 0:
 *
 *     kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
 *     r.application_date = 20260310;
 *     kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
 */
#define KMO_QUOTE_REQUEST_INIT \
  {{ sizeof(kmo_quote_request), 0, 0, 0, 0, 0, 0, KMO_VAT_RATE_DEFAULT, 0, 0, 0, 0, \
     0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL }}
/* The third version of kmo_quote_request ends where size_definition starts. */
#define KMO_QUOTE_REQUEST_V3_SIZE offsetof(kmo_quote_request, size_definition)
#define KMO_SME_ENTERPRISE_INIT {{ sizeof(kmo_sme_enterprise), 0, NULL, NULL, NULL, NULL, 0, NULL, 0 }}
#define KMO_SME_PERIOD_INIT {{ sizeof(kmo_sme_period), 0, 0, 0, 0, 0, 0, NULL, 0 }}
#define KMO_SME_ENTITY_INIT \
  {{ sizeof(kmo_sme_entity), 0, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, NULL, 0 }}
#define KMO_SME_STAFF_MEMBER_INIT {{ sizeof(kmo_sme_staff_member), 12, NULL, 10000, 0 }}
#define KMO_COST_LINE_INIT {{ sizeof(kmo_cost_line), 0, 0, 0, 0, 0, 0 }}
#define KMO_DE_MINIMIS_AID_INIT {{ sizeof(kmo_de_minimis_aid), 0, 0 }}
#define KMO_REGISTRATION_PLAN_INIT \
  {{ sizeof(kmo_registration_plan), false, false, false, 0, 0, 0, 0, 0, 0, 0 }}
#define KMO_QUOTE_RESULT_INIT \
  {{ sizeof(kmo_quote_result), false, false, false, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
     0, 0, 0, 0, 0, 0, 0, 0, 0, KMO_REGISTRATION_PLAN_INIT }}
#define KMO_CLASSIFICATION_INIT {{ sizeof(kmo_classification), 0, false, false }}
#define KMO_RULEBOOK_INIT {{ sizeof(kmo_rulebook), 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false }}
#define KMO_PAYMENT_INIT {{ sizeof(kmo_payment), 0 }}
#define KMO_SETTLEMENT_INIT {{ sizeof(kmo_settlement), 0, 0, 0, 0 }}
#define KMO_WALLET_APPLICATION_INIT \
  {{ sizeof(kmo_wallet_application), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
     KMO_SETTLEMENT_INIT }}
#define KMO_YEAR_BUDGET_INIT {{ sizeof(kmo_year_budget), 0, 0, 0, 0, 0 }}
#define KMO_FINDING_INIT {{ sizeof(kmo_finding), 0, 0, NULL }}
"#,
        number = major * 10_000 + minor * 100 + patch,
    )
}

/// The header of the C face whose crate is at `crate_dir`.
///
/// # Panics
///
/// When cbindgen cannot read the configuration or the source.
pub(crate) fn generate(crate_dir: &Path) -> String {
    let part = |text: &str| -> u32 { text.parse().expect("a version part is a number") };
    let (major, minor, patch) = (
        part(env!("CARGO_PKG_VERSION_MAJOR")),
        part(env!("CARGO_PKG_VERSION_MINOR")),
        part(env!("CARGO_PKG_VERSION_PATCH")),
    );
    assert!(
        minor < 100 && patch < 100,
        "KMO_VERSION_NUMBER needs minor and patch below 100"
    );
    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes = Some(preamble(major, minor, patch));
    let bindings = cbindgen::Builder::new()
        .with_src(crate_dir.join("src/lib.rs"))
        .with_config(config)
        .generate()
        .unwrap_or_else(|e| panic!("cbindgen failed: {e}"));
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("cbindgen writes UTF-8")
}
