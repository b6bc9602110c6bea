/* Quote a training for a client and print the invoice split: the aid paid through the
 * kmo-portefeuille, the own share the client pays into the wallet, the VAT paid directly to
 * the provider. Build:
 *   cc quote.c $(pkg-config --cflags --libs kmo) -o quote                       (shared)
 *   cc quote.c $(pkg-config --static --cflags --libs kmo-static) -o quote       (static) */
#include <inttypes.h>
#include <stdio.h>

#include "kmo.h"

static void euro(const char *label, int64_t cents) {
    printf("%-34s EUR %8" PRId64 ".%02" PRId64 "\n", label, cents / 100, cents % 100);
}

int main(void) {
    /* The soname keeps releases that break the ABI apart; within one, the library loaded at
     * run time must be at least as new as the header the program was compiled with. */
    if (kmo_version_number() < KMO_VERSION_NUMBER) {
        fprintf(stderr, "libkmo %s is older than kmo.h %s\n", kmo_version(), KMO_VERSION_STRING);
        return 1;
    }
    kmo_quote_request request = KMO_QUOTE_REQUEST_INIT; /* struct_size, the default VAT rate */
    request.application_date = 20260310;
    request.start_date = 20260302;
    request.size_class = KMO_SIZE_SMALL;
    request.service_kind = KMO_SERVICE_TRAINING;
    request.theme = KMO_THEME_PERSONEELSMANAGEMENT;
    request.cost_cents = 200000;     /* EUR 2 000.00 excluding VAT */
    request.aid_used_cents = 720000; /* EUR 7 200.00 of this year's aid already used */
    kmo_quote_result quote = KMO_QUOTE_RESULT_INIT; /* struct_size: the room this program has */
    kmo_findings *findings = NULL;
    kmo_error *error = NULL;
    kmo_status status = kmo_quote(&request, &quote, &findings, &error);
    if (status != KMO_STATUS_OK) {
        if (error != NULL) { /* which field, and why */
            fprintf(stderr, "kmo_quote: %s: %s\n", kmo_error_path(error), kmo_error_message(error, KMO_LANG_EN));
            kmo_error_free(error);
        } else {
            fprintf(stderr, "kmo_quote: %s\n", kmo_status_str(status));
        }
        return 1;
    }
    if (!quote.eligible) { /* every reason, explained */
        for (size_t i = 0; i < kmo_findings_count(findings); i++) {
            kmo_finding finding = KMO_FINDING_INIT;
            if (kmo_findings_get(findings, i, &finding) == KMO_STATUS_OK && finding.severity == KMO_SEVERITY_BLOCKING) {
                printf("Not eligible (%s): %s\n", finding.reference, kmo_finding_message(findings, i, KMO_LANG_EN));
            }
        }
        kmo_findings_free(findings);
        return 0;
    }
    printf("Training for a small enterprise, kmo %s, %u.%02u %% aid%s\n", kmo_version(),
           quote.rate_bp / 100, quote.rate_bp % 100, quote.capped ? " (capped by the yearly ceiling)" : "");
    euro("Invoice excluding VAT", quote.eligible_cost_cents);
    euro("  aid through the kmo-portefeuille", quote.aid_cents);
    euro("  own share paid into the wallet", quote.own_share_cents);
    euro("VAT paid directly to the provider", quote.vat_cents);
    euro("Ceiling left this year", quote.ceiling_left_cents);
    printf("Apply by %d, pay the own share by %d, finish by %d\n", quote.apply_by, quote.pay_own_share_by, quote.complete_by);
    for (size_t i = 0; i < kmo_findings_count(findings); i++) { /* what the engine noted, in Dutch */
        kmo_finding finding = KMO_FINDING_INIT;
        if (kmo_findings_get(findings, i, &finding) == KMO_STATUS_OK && finding.code == KMO_FINDING_AID_CAPPED_BY_CEILING) {
            printf("%s\n", kmo_finding_message(findings, i, KMO_LANG_NL));
        }
    }
    kmo_findings_free(findings);
    return 0;
}
