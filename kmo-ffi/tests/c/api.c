/* The typed C API and its misuse: NULL pointers, invalid UTF-8, zero and short lengths, small
 * buffers, out-of-range enumerations, versioned structs (a zero-initialised one, an old one, a
 * newer one), errors with their code, path and messages, every wallet refusal with its own
 * status, the wallet handle, codes, money and dates, the version macros, threads. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The named struct tags can be forward-declared before the header. */
struct kmo_quote_request;
struct kmo_wallet;
struct kmo_error;
static int forward_declared(const struct kmo_quote_request *r, const struct kmo_wallet *w, const struct kmo_error *e) {
    return r != NULL && w == NULL && e == NULL;
}

#include "kmo.h"

static int passed = 0;
static int failed = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (cond) {                                                                  \
            passed++;                                                                \
        } else {                                                                     \
            failed++;                                                                \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

/* Whether `error` is a refusal with this code and path (and messages in three languages). */
static int refused_with(const kmo_error *error, kmo_status status, const char *code, const char *path) {
    if (error == NULL) {
        fprintf(stderr, "  no error for %s\n", code);
        return 0;
    }
    const char *nl = kmo_error_message(error, KMO_LANG_NL);
    const char *fr = kmo_error_message(error, KMO_LANG_FR);
    const char *en = kmo_error_message(error, KMO_LANG_EN);
    int ok = kmo_error_status(error) == status && strcmp(kmo_error_code(error), code) == 0 &&
             strcmp(kmo_error_path(error), path) == 0 && nl != NULL && fr != NULL && en != NULL &&
             strlen(nl) > 0 && strcmp(nl, en) != 0 && strcmp(fr, en) != 0 &&
             kmo_error_message(error, KMO_LANG_DEFAULT) == nl;
    if (!ok) {
        fprintf(stderr, "  got %u %s at '%s': %s\n", (unsigned)kmo_error_status(error), kmo_error_code(error),
                kmo_error_path(error), en);
    }
    return ok;
}

static int starts_with(const char *text, const char *prefix) {
    return text != NULL && strncmp(text, prefix, strlen(prefix)) == 0;
}

/* The same answer, field by field (a struct's padding bytes carry no value). */
static int same_quote(const kmo_quote_result *a, const kmo_quote_result *b) {
    return a->eligible == b->eligible && a->capped == b->capped && a->size_class == b->size_class &&
           a->rate_bp == b->rate_bp && a->blocking_count == b->blocking_count &&
           a->first_blocking == b->first_blocking && a->finding_count == b->finding_count &&
           a->eligible_cost_cents == b->eligible_cost_cents && a->aid_cents == b->aid_cents &&
           a->own_share_cents == b->own_share_cents && a->vat_cents == b->vat_cents &&
           a->ceiling_cents == b->ceiling_cents && a->ceiling_left_cents == b->ceiling_left_cents &&
           a->apply_by == b->apply_by && a->pay_own_share_by == b->pay_own_share_by &&
           a->complete_by == b->complete_by;
}

/* The findings of a typed answer are the JSON answer's: each one's code and message, in `lang`,
 * in the same order, and no other. */
static int same_findings(const kmo_findings *findings, const char *json, uint32_t lang) {
    const char *at = json;
    size_t in_json = 0;
    for (const char *p = strstr(json, "{\"code\":\""); p != NULL; p = strstr(p + 1, "{\"code\":\"")) {
        in_json++;
    }
    if (in_json != kmo_findings_count(findings)) {
        return 0;
    }
    for (size_t i = 0; i < kmo_findings_count(findings); i++) {
        kmo_finding f = KMO_FINDING_INIT;
        char code[KMO_CODE_TEXT_SIZE], expected[2048];
        size_t written;
        if (kmo_findings_get(findings, i, &f) != KMO_STATUS_OK ||
            kmo_code_text(KMO_CODES_FINDING, f.code, code, sizeof code, &written) != KMO_STATUS_OK) {
            return 0;
        }
        snprintf(expected, sizeof expected, "{\"code\":\"%s\",\"message\":\"%s\"", code, kmo_finding_message(findings, i, lang));
        const char *found = strstr(at, expected);
        if (found == NULL) {
            return 0;
        }
        at = found + 1;
    }
    return 1;
}

/* A date as the JSON document writes it: "yyyy-mm-dd" in quotes, or null for 0. */
static void json_date(char *out, size_t size, int32_t date) {
    char text[KMO_DATE_TEXT_SIZE];
    size_t written;
    if (date == 0) {
        snprintf(out, size, "null");
    } else if (kmo_date_format(date, text, sizeof text, &written, NULL) == KMO_STATUS_OK) {
        snprintf(out, size, "\"%s\"", text);
    } else {
        snprintf(out, size, "?");
    }
}

/* A typed answer's deadlines and registration plan as the JSON response writes them. */
static void plan_json(const kmo_quote_result *q, char *out, size_t size) {
    char d[10][16];
    const kmo_registration_plan *p = &q->registration;
    int32_t dates[10] = {q->apply_by,         q->complete_by,       q->pay_own_share_by,
                         p->apply_from,       p->apply_until,       p->letter_expected,
                         p->link_valid_until, p->pay_own_share_by,  p->register_by,
                         p->registered};
    for (int i = 0; i < 10; i++) {
        json_date(d[i], sizeof d[i], dates[i]);
    }
    int n = snprintf(out, size, "\"deadlines\":{\"apply_by\":%s,\"complete_by\":%s,\"pay_own_share_by\":%s}", d[0], d[1], d[2]);
    if (n < 0 || (size_t)n >= size) {
        return;
    }
    /* The two are apart in the document: a marker between them, for the caller to split on. */
    if (!p->planned) {
        snprintf(out + n, size - n, "|\"registration\":null");
        return;
    }
    snprintf(out + n, size - n,
             "|\"registration\":{\"apply_from\":%s,\"apply_until\":%s,\"letter_after_deadline\":%s,"
             "\"letter_expected\":%s,\"link_expires_first\":%s,\"link_valid_until\":%s,\"pay_own_share_by\":%s,"
             "\"register_by\":%s,\"registered\":%s}",
             d[3], d[4], p->letter_after_deadline ? "true" : "false", d[5], p->link_expires_first ? "true" : "false", d[6],
             d[7], d[8], d[9]);
}

/* The deadlines and the registration plan of a typed answer are the JSON answer's. */
static int same_plan(const kmo_quote_result *q, const char *json) {
    char expected[1024];
    plan_json(q, expected, sizeof expected);
    char *bar = strchr(expected, '|');
    if (bar == NULL) {
        return 0;
    }
    *bar = '\0';
    return strstr(json, expected) != NULL && strstr(json, bar + 1) != NULL;
}

static const char *REQUEST =
    "{\"application_date\":\"2026-03-10\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
    "\"service\":{\"kind\":\"training\",\"theme\":\"personeelsmanagement\",\"cost\":\"2000.00\","
    "\"start_date\":\"2026-03-02\"},\"wallet\":{\"aid_used\":\"7200.00\"}}";

static kmo_quote_request worked_example(void) {
    kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
    r.application_date = 20260310;
    r.start_date = 20260302;
    r.size_class = KMO_SIZE_SMALL;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_PERSONEELSMANAGEMENT;
    r.cost_cents = 200000;
    return r;
}

static void test_version(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", KMO_VERSION_MAJOR, KMO_VERSION_MINOR, KMO_VERSION_PATCH);
    CHECK(strcmp(kmo_version(), expected) == 0);
    CHECK(strcmp(KMO_VERSION_STRING, expected) == 0);
    /* The number packs the three parts, and the library reports the header's. */
    CHECK(KMO_VERSION_NUMBER == KMO_VERSION_MAJOR * 10000 + KMO_VERSION_MINOR * 100 + KMO_VERSION_PATCH);
    CHECK(KMO_VERSION_MINOR < 100 && KMO_VERSION_PATCH < 100);
    CHECK(kmo_version_number() == KMO_VERSION_NUMBER);
}

/* The C ABI does not depend on the size of an enum: statuses and coded values are uint32_t. */
static void test_fixed_width_types(void) {
    CHECK(sizeof(kmo_status) == 4 && sizeof(kmo_size_class) == 4 && sizeof(kmo_service_kind) == 4);
    CHECK(sizeof(kmo_theme) == 4 && sizeof(kmo_subtheme) == 4 && sizeof(kmo_finding_code) == 4);
    CHECK(sizeof(kmo_lang) == 4 && sizeof(kmo_own_share_deadline) == 4 && sizeof(kmo_code_list) == 4);
    kmo_status status = KMO_STATUS_PANIC;
    uint32_t *as_u32 = &status; /* the same type, so no cast is needed */
    CHECK(*as_u32 == 99);
    kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
    CHECK(forward_declared(&r, NULL, NULL));
    /* The engine's numbering: 1 for the first value, 0 for none. */
    CHECK(KMO_SIZE_NONE == 0 && KMO_SIZE_MICRO == 1 && KMO_SIZE_LARGE == 4);
    CHECK(KMO_SERVICE_TRAINING == 1 && KMO_SERVICE_ADVICE == 2 && KMO_THEME_NONE == 0);
    CHECK(KMO_THEME_BEDRIJFSSTRATEGIE == 1 && KMO_FINDING_NO_RULEBOOK_FOR_DATE == 1);
}

static void test_status_messages(void) {
    char buf[128];
    size_t written = 0;
    CHECK(kmo_status_message(KMO_STATUS_NULL_ARGUMENT, buf, sizeof buf, &written) == KMO_STATUS_OK);
    CHECK(written == strlen(buf) && strstr(buf, "NULL") != NULL);
    CHECK(kmo_status_message(KMO_STATUS_OVERPAYMENT, buf, sizeof buf, &written) == KMO_STATUS_OK);
    CHECK(strstr(buf, "own share") != NULL);
    CHECK(kmo_status_message(KMO_STATUS_INVALID_STRUCT_SIZE, buf, sizeof buf, &written) == KMO_STATUS_OK);
    CHECK(strstr(buf, "_INIT") != NULL);
    CHECK(kmo_status_message(12345, buf, sizeof buf, &written) == KMO_STATUS_OK);
    CHECK(strcmp(buf, "unknown status") == 0);
    /* Too small: nothing in the buffer, and the size it needs (the NUL included). */
    written = 777;
    buf[0] = 'x';
    CHECK(kmo_status_message(KMO_STATUS_OK, buf, 2, &written) == KMO_STATUS_BUFFER_TOO_SMALL);
    CHECK(written == 3 && buf[0] == 'x');
    CHECK(kmo_status_message(KMO_STATUS_OVERPAYMENT, buf, 4, &written) == KMO_STATUS_BUFFER_TOO_SMALL);
    char *exact = malloc(written);
    size_t length = 0;
    CHECK(exact != NULL && kmo_status_message(KMO_STATUS_OVERPAYMENT, exact, written, &length) == KMO_STATUS_OK);
    CHECK(length + 1 == written && strcmp(exact, kmo_status_str(KMO_STATUS_OVERPAYMENT)) == 0);
    free(exact);
    /* The static text, as curl_easy_strerror gives it. */
    CHECK(strcmp(kmo_status_str(KMO_STATUS_BUFFER_TOO_SMALL), "the output buffer is too small") == 0);
    CHECK(strcmp(kmo_status_str(KMO_STATUS_OK), "ok") == 0);
    CHECK(strcmp(kmo_status_str(12345), "unknown status") == 0 && strcmp(kmo_status_str(6), "unknown status") == 0);
    CHECK(kmo_status_message(KMO_STATUS_OK, NULL, 10, &written) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_status_message(KMO_STATUS_OK, buf, sizeof buf, NULL) == KMO_STATUS_NULL_ARGUMENT);
}

static void test_assess_json(void) {
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_assess_json(REQUEST, strlen(REQUEST), &json, &len) == KMO_STATUS_OK);
    CHECK(json != NULL && strstr(json, "\"aid\":\"300.00\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"own_share\":\"1700.00\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"small_mid_cap\":false") != NULL);
    kmo_string_free(json);

    /* Invalid input: a status and the error document naming the field, in the request's language. */
    const char *bad = "{\"application_date\":\"2026-03-10\",\"lang\":\"fr\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
                      "\"service\":{\"kind\":\"training\",\"cost\":\"-5\"}}";
    json = NULL;
    CHECK(kmo_assess_json(bad, strlen(bad), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json != NULL && strstr(json, "\"path\":\"service.cost\"") != NULL);
    CHECK(json != NULL && strstr(json, "\"code\":\"NEGATIVE_AMOUNT\"") != NULL);
    CHECK(json != NULL && strstr(json, "montant") != NULL);
    kmo_string_free(json);

    /* Invalid UTF-8. */
    const char invalid[] = {'{', '"', (char)0xC3, (char)0x28, '"', '}'};
    json = NULL;
    CHECK(kmo_assess_json(invalid, sizeof invalid, &json, &len) == KMO_STATUS_INVALID_UTF8);
    CHECK(json != NULL && strstr(json, "\"error\"") != NULL && strstr(json, "at byte 2") != NULL);
    kmo_string_free(json);

    /* Zero length, and a length shorter than the string: only those bytes are read. */
    json = NULL;
    CHECK(kmo_assess_json(REQUEST, 0, &json, &len) == KMO_STATUS_INVALID_INPUT);
    kmo_string_free(json);
    json = NULL;
    CHECK(kmo_assess_json(REQUEST, 10, &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json != NULL && strstr(json, "MALFORMED_JSON") != NULL);
    kmo_string_free(json);

    /* NULL arguments: a status, nothing written. */
    json = (char *)0x1;
    CHECK(kmo_assess_json(NULL, 5, &json, &len) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(json == (char *)0x1);
    CHECK(kmo_assess_json(REQUEST, strlen(REQUEST), NULL, &len) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_assess_json(REQUEST, strlen(REQUEST), &json, NULL) == KMO_STATUS_NULL_ARGUMENT);
    kmo_string_free(NULL);
}

/* A result struct whose fields hold a pattern, to see that nothing is written on failure. */
static kmo_quote_result untouched_result(void) {
    kmo_quote_result q;
    memset(&q, 0x5A, sizeof q);
    q.struct_size = sizeof q;
    return q;
}

/* The codes of an answer's blocking findings, space-separated. */
static void blocking_codes(const kmo_findings *f, char *out, size_t size) {
    out[0] = '\0';
    for (size_t i = 0; i < kmo_findings_count(f); i++) {
        kmo_finding finding = KMO_FINDING_INIT;
        char code[KMO_CODE_TEXT_SIZE];
        size_t written;
        if (kmo_findings_get(f, i, &finding) == KMO_STATUS_OK && finding.severity == KMO_SEVERITY_BLOCKING &&
            kmo_code_text(KMO_CODES_FINDING, finding.code, code, sizeof code, &written) == KMO_STATUS_OK &&
            strlen(out) + written + 2 < size) {
            strcat(out, code);
            strcat(out, " ");
        }
    }
}

/* Every field of two answers equal. */
static int same_answer(const kmo_quote_result *a, const kmo_quote_result *b) {
    const kmo_registration_plan *p = &a->registration, *o = &b->registration;
    return a->struct_size == b->struct_size && a->eligible == b->eligible && a->capped == b->capped &&
           a->is_sme == b->is_sme && a->small_mid_cap == b->small_mid_cap && a->size_class == b->size_class &&
           a->wallet_class == b->wallet_class && a->rate_bp == b->rate_bp && a->public_share_bp == b->public_share_bp &&
           a->blocking_count == b->blocking_count && a->first_blocking == b->first_blocking &&
           a->finding_count == b->finding_count && a->apply_by == b->apply_by &&
           a->pay_own_share_by == b->pay_own_share_by && a->complete_by == b->complete_by &&
           a->rulebook_valid_from == b->rulebook_valid_from && a->own_share_deadline == b->own_share_deadline &&
           a->eligible_cost_cents == b->eligible_cost_cents && a->invoiced_cents == b->invoiced_cents &&
           a->aid_before_ceiling_cents == b->aid_before_ceiling_cents && a->aid_cents == b->aid_cents &&
           a->own_share_cents == b->own_share_cents && a->vat_cents == b->vat_cents &&
           a->ceiling_cents == b->ceiling_cents && a->ceiling_left_cents == b->ceiling_left_cents &&
           p->struct_size == o->struct_size && p->planned == o->planned &&
           p->letter_after_deadline == o->letter_after_deadline && p->link_expires_first == o->link_expires_first &&
           p->registered == o->registered && p->register_by == o->register_by &&
           p->letter_expected == o->letter_expected && p->link_valid_until == o->link_valid_until &&
           p->apply_from == o->apply_from && p->apply_until == o->apply_until &&
           p->pay_own_share_by == o->pay_own_share_by;
}

/* The answer to `r` without its findings (counted, not built) is `with`, the answer with them. */
static int same_without_findings(const kmo_quote_request *r, const kmo_quote_result *with) {
    kmo_quote_result counted = KMO_QUOTE_RESULT_INIT;
    return kmo_quote(r, &counted, NULL, NULL) == KMO_STATUS_OK && same_answer(&counted, with);
}

static void test_quote(void) {
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    kmo_quote_request r = worked_example();
    CHECK(r.struct_size == sizeof(kmo_quote_request) && r.vat_rate_bp == KMO_VAT_RATE_DEFAULT);
    CHECK(r.own_share_deadline == KMO_OWN_SHARE_DEFAULT && r.approval_date == 0 && r.aid_used_cents == 0);
    CHECK(r.provider == NULL && r.lines == NULL && r.line_count == 0 && r.flemish_establishment == KMO_NOT_GIVEN);
    CHECK(q.struct_size == sizeof q);
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.struct_size == sizeof q);
    CHECK(q.eligible && q.rate_bp == 3000 && q.aid_cents == 60000 && q.own_share_cents == 140000);
    CHECK(q.vat_cents == 42000 && q.ceiling_cents == 750000 && q.ceiling_left_cents == 690000);
    CHECK(q.eligible_cost_cents == 200000 && q.invoiced_cents == 200000 && q.size_class == KMO_SIZE_SMALL && !q.capped);
    CHECK(q.apply_by == 20260316 && q.pay_own_share_by == 20260324 && q.complete_by == 20271231);
    CHECK(q.blocking_count == 0 && q.first_blocking == KMO_FINDING_NONE && q.finding_count > 0);
    CHECK(q.is_sme && !q.small_mid_cap && q.wallet_class == KMO_SIZE_SMALL && q.rulebook_valid_from == 20260201);
    CHECK(q.own_share_deadline == KMO_OWN_SHARE_AFTER_APPLICATION_14_DAYS && q.aid_before_ceiling_cents == 60000);

    r.size_class = KMO_SIZE_MEDIUM;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.aid_cents == 40000 && q.own_share_cents == 160000);
    r = worked_example();
    r.theme = KMO_THEME_DIGITALISERING;
    r.subtheme = KMO_SUBTHEME_CYBERSECURITY;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.rate_bp == 4500 && q.aid_cents == 90000);
    /* Advice gets the cybersecurity uplift too. */
    r.service_kind = KMO_SERVICE_ADVICE;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.eligible && q.rate_bp == 4500);
    r = worked_example();
    r.aid_used_cents = 720000;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.aid_cents == 30000 && q.capped && q.ceiling_left_cents == 0);
    /* VAT: 0 is a rate like any other (an exempt provider), the default is the engine's. */
    r = worked_example();
    r.vat_rate_bp = 0;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.vat_cents == 0);
    r.vat_rate_bp = 600;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.vat_cents == 12000);

    /* Every blocking reason, in the order the rules run, with no limit on their codes. */
    r = worked_example();
    r.size_class = KMO_SIZE_LARGE;
    r.cost_cents = 9999;
    r.start_date = 20260101; /* applied 68 days after the start */
    kmo_findings *findings = (kmo_findings *)0x1;
    CHECK(kmo_quote(&r, &q, &findings, NULL) == KMO_STATUS_OK && !q.eligible && q.aid_cents == 0);
    CHECK(q.blocking_count == 3 && q.first_blocking == KMO_FINDING_ENTERPRISE_TOO_LARGE);
    CHECK(findings != NULL && kmo_findings_count(findings) == q.finding_count);
    /* Without its findings (counted, not built) the answer is the same. */
    CHECK(same_without_findings(&r, &q));
    char names[256];
    blocking_codes(findings, names, sizeof names);
    CHECK(strcmp(names, "ENTERPRISE_TOO_LARGE APPLICATION_TOO_LATE COST_BELOW_MINIMUM ") == 0);
    kmo_finding first = KMO_FINDING_INIT;
    CHECK(kmo_findings_get(findings, 0, &first) == KMO_STATUS_OK && first.struct_size == sizeof first);
    CHECK(first.reference != NULL && strlen(first.reference) > 0);
    CHECK(kmo_findings_get(findings, kmo_findings_count(findings), &first) == KMO_STATUS_OUT_OF_RANGE);
    /* The messages in three languages, with their values; never NULL. */
    for (size_t i = 0; i < kmo_findings_count(findings); i++) {
        const char *nl = kmo_finding_message(findings, i, KMO_LANG_NL);
        const char *en = kmo_finding_message(findings, i, KMO_LANG_EN);
        CHECK(strlen(nl) > 0 && strlen(en) > 0 && strlen(kmo_finding_message(findings, i, KMO_LANG_FR)) > 0);
        CHECK(strcmp(kmo_finding_message(findings, i, 99), en) == 0);
        /* The answers' default language is Dutch, as a document without `lang`. */
        CHECK(strcmp(kmo_finding_message(findings, i, KMO_LANG_DEFAULT), nl) == 0);
    }
    CHECK(strcmp(kmo_finding_message(findings, 999, KMO_LANG_NL), "") == 0);
    CHECK(strcmp(kmo_finding_message(NULL, 0, KMO_LANG_NL), "") == 0 && kmo_findings_count(NULL) == 0);
    kmo_findings_free(findings);
    kmo_findings_free(NULL);

    /* The own-share deadline policy and the approval date. */
    r = worked_example();
    r.own_share_deadline = KMO_OWN_SHARE_AFTER_APPLICATION_30_DAYS;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.pay_own_share_by == 20260409);
    r.own_share_deadline = KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.pay_own_share_by == 0);
    r.approval_date = 20260320;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.pay_own_share_by == 20260419);

    /* Invalid values: a status, the field, an error, nothing written, no findings. */
    kmo_quote_result untouched = untouched_result();
    kmo_error *error = NULL;
    r = worked_example();
    r.application_date = 20260230;
    findings = (kmo_findings *)0x1;
    CHECK(kmo_quote(&r, &untouched, &findings, &error) == KMO_STATUS_INVALID_INPUT && findings == NULL);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "application_date"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "2026-02-30") != NULL);
    kmo_error_free(error);
    CHECK(untouched.aid_cents == 0x5A5A5A5A5A5A5A5ALL);
    r = worked_example();
    r.size_class = 5;
    CHECK(kmo_quote(&r, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "size_class"));
    kmo_error_free(error);
    r.size_class = KMO_SIZE_NONE; /* required: not given, as a field absent from the document */
    CHECK(kmo_quote(&r, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "size_class"));
    kmo_error_free(error);
    r = worked_example();
    r.service_kind = 0;
    CHECK(kmo_quote(&r, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "service_kind"));
    kmo_error_free(error);
    r = worked_example();
    r.application_date = 0;
    CHECK(kmo_quote(&r, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "application_date"));
    kmo_error_free(error);
    r = worked_example();
    r.theme = 9;
    CHECK(kmo_quote(&r, &untouched, NULL, NULL) == KMO_STATUS_INVALID_INPUT);
    r = worked_example();
    r.subtheme = KMO_SUBTHEME_CYBERSECURITY; /* belongs to digitalisering: read so, with a warning */
    {
        kmo_quote_result read_as_own = KMO_QUOTE_RESULT_INIT;
        kmo_findings *noted = NULL;
        CHECK(kmo_quote(&r, &read_as_own, &noted, NULL) == KMO_STATUS_OK && read_as_own.eligible &&
              read_as_own.rate_bp == 4500 && read_as_own.aid_cents == 90000);
        int warned = 0;
        for (size_t i = 0; i < kmo_findings_count(noted); i++) {
            kmo_finding f = KMO_FINDING_INIT;
            warned |= kmo_findings_get(noted, i, &f) == KMO_STATUS_OK && f.code == KMO_FINDING_SUBTHEME_OF_OTHER_THEME &&
                      f.severity == KMO_SEVERITY_WARNING;
        }
        CHECK(warned);
        kmo_findings_free(noted);
    }
    r = worked_example();
    r.cost_cents = -1;
    CHECK(kmo_quote(&r, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "cost_cents"));
    /* The error document, as the other faces write it. */
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_error_json(error, KMO_LANG_NL, &json, &len) == KMO_STATUS_OK);
    CHECK(starts_with(json, "{\"error\":{\"code\":\"NEGATIVE_AMOUNT\",\"message\":\"") && strlen(json) == len);
    CHECK(strstr(json, "negatief") != NULL && strstr(json, "\"path\":\"cost_cents\"}}") != NULL);
    kmo_string_free(json);
    /* A language the library does not know is English, in the document as in the message. */
    CHECK(kmo_error_json(error, 4, &json, &len) == KMO_STATUS_OK && strstr(json, kmo_error_message(error, KMO_LANG_EN)) != NULL);
    kmo_string_free(json);
    CHECK(strcmp(kmo_error_message(error, 4), kmo_error_message(error, KMO_LANG_EN)) == 0);
    kmo_error_free(error);
    r = worked_example();
    r.vat_rate_bp = 10001;
    CHECK(kmo_quote(&r, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "PERCENT_OUT_OF_RANGE", "vat_rate_bp"));
    kmo_error_free(error);
    r = worked_example();
    r.own_share_deadline = 4;
    CHECK(kmo_quote(&r, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "own_share_deadline"));
    kmo_error_free(error);
    CHECK(untouched.aid_cents == 0x5A5A5A5A5A5A5A5ALL);

    /* Success writes NULL into out_error; NULL arguments give a status and no error. */
    error = (kmo_error *)0x1;
    r = worked_example();
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_OK && error == NULL);
    error = (kmo_error *)0x1;
    CHECK(kmo_quote(NULL, &q, NULL, &error) == KMO_STATUS_NULL_ARGUMENT && error == NULL);
    CHECK(kmo_quote(&r, NULL, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);
    /* The text accessors never give NULL: an empty string for a NULL error. */
    CHECK(kmo_error_status(NULL) == KMO_STATUS_NULL_ARGUMENT && strcmp(kmo_error_code(NULL), "") == 0);
    CHECK(strcmp(kmo_error_path(NULL), "") == 0 && strcmp(kmo_error_message(NULL, KMO_LANG_EN), "") == 0);
    kmo_error_free(NULL);
}

/* The whole request in C values, against the same request as JSON: the same numbers and the
 * same findings with the same messages. */
static void test_full_request(void) {
    kmo_cost_line lines[3] = {KMO_COST_LINE_INIT, KMO_COST_LINE_INIT, KMO_COST_LINE_INIT};
    lines[0].kind = KMO_COST_LINE_FEE;
    lines[0].amount_cents = 150000;
    lines[1].kind = KMO_COST_LINE_CATERING;
    lines[1].amount_cents = 40000;
    lines[1].persons = 8;
    lines[1].days = 1;
    lines[2].kind = KMO_COST_LINE_EXAM;
    lines[2].amount_cents = 5000;
    kmo_de_minimis_aid earlier[1] = {KMO_DE_MINIMIS_AID_INIT};
    earlier[0].date = 20250501;
    earlier[0].amount_cents = 1500000;
    uint32_t bv = 0;
    CHECK(kmo_code_number(KMO_CODES_LEGAL_FORM, "bv", 2, &bv, NULL) == KMO_STATUS_OK && bv > 0);

    kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
    r.application_date = 20260310;
    r.start_date = 20260302;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_PERSONEELSMANAGEMENT;
    r.legal_form = bv;
    r.nace = "62.010";
    r.flemish_establishment = KMO_YES;
    r.public_bodies_bp = 1000;
    r.related_to_provider = KMO_NO;
    r.active_in_kbo = KMO_YES;
    r.enterprise_number = "0403.170.701";
    r.provider = "DV.O236459";
    r.size_from_figures = KMO_YES;
    r.staff_awu_milli = 12000;
    r.turnover_cents = 180000000;
    r.balance_sheet_cents = 90000000;
    r.lines = lines;
    r.line_count = 3;
    r.de_minimis = earlier;
    r.de_minimis_count = 1;
    r.portal_registration_date = 20260301;
    const char *request =
        "{\"application_date\":\"2026-03-10\",\"lang\":\"fr\",\"enterprise\":{\"legal_form\":\"bv\",\"nace\":\"62.010\","
        "\"flemish_establishment\":true,\"public_bodies_pct\":\"10\",\"related_to_provider\":false,"
        "\"active_in_kbo\":true,\"enterprise_number\":\"0403.170.701\","
        "\"size\":{\"staff_awu\":\"12\",\"turnover\":\"1800000\",\"balance_sheet\":\"900000\"},"
        "\"de_minimis\":[{\"date\":\"2025-05-01\",\"amount\":\"15000\"}]},"
        "\"service\":{\"kind\":\"training\",\"theme\":\"personeelsmanagement\",\"provider\":\"DV.O236459\","
        "\"start_date\":\"2026-03-02\",\"lines\":[{\"kind\":\"fee\",\"amount\":\"1500\"},"
        "{\"kind\":\"catering\",\"amount\":\"400\",\"persons\":8,\"days\":1},{\"kind\":\"exam\",\"amount\":\"50\"}]},"
        "\"options\":{\"portal_registration_date\":\"2026-03-01\"}}";
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    kmo_findings *findings = NULL;
    kmo_error *error = NULL;
    CHECK(kmo_quote(&r, &q, &findings, &error) == KMO_STATUS_OK && error == NULL);
    /* 1500 + 8 x 25 catering; the exam is not eligible; 30 % of 1700. */
    CHECK(q.eligible && q.eligible_cost_cents == 170000 && q.invoiced_cents == 195000 && q.aid_cents == 51000);
    CHECK(q.vat_cents == 40950 && q.size_class == KMO_SIZE_SMALL && q.public_share_bp == 1000);
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_assess_json(request, strlen(request), &json, &len) == KMO_STATUS_OK);
    CHECK(strstr(json, "\"aid\":\"510.00\"") != NULL && strstr(json, "\"eligible_cost\":\"1700.00\"") != NULL);
    CHECK(strstr(json, "\"vat\":\"409.50\"") != NULL && strstr(json, "\"invoiced\":\"1950.00\"") != NULL);
    /* Every finding of the JSON answer, in its order, with the same message; the same deadlines
     * and registration plan (registered on 1 March, the letter expected on the 11th). */
    CHECK(same_findings(findings, json, KMO_LANG_FR));
    CHECK(q.registration.planned && q.registration.registered == 20260301 && q.registration.letter_expected == 20260311);
    CHECK(same_plan(&q, json));
    CHECK(kmo_findings_count(findings) == q.finding_count && q.finding_count >= 3);
    kmo_string_free(json);
    kmo_findings_free(findings);

    /* Refusals at the C field, with the document's code. */
    kmo_quote_result untouched = untouched_result();
    kmo_quote_request bad = r;
    bad.cost_cents = 100; /* and lines */
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "lines"));
    kmo_error_free(error);
    bad = r;
    lines[1].persons = 0; /* catering of a training needs persons */
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "lines[1].persons"));
    kmo_error_free(error);
    lines[1].persons = 8;
    lines[2].amount_cents = -5;
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "lines[2].amount_cents"));
    kmo_error_free(error);
    lines[2].amount_cents = 5000;
    lines[2].struct_size = 8; /* one list, one version */
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_STRUCT_SIZE && error == NULL);
    lines[2].struct_size = sizeof lines[2];
    bad.lines = NULL;
    CHECK(kmo_quote(&bad, &untouched, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);
    bad = r;
    bad.size_class = KMO_SIZE_SMALL; /* and the figures */
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "size_from_figures"));
    kmo_error_free(error);
    bad = r;
    bad.staff_awu_milli = -1;
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_NUMBER", "staff_awu_milli"));
    kmo_error_free(error);
    bad = r;
    bad.provider = "DV.X1";
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_PROVIDER_NUMBER", "provider"));
    kmo_error_free(error);
    bad = r;
    bad.nace = "6";
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_NACE_CODE", "nace"));
    kmo_error_free(error);
    bad = r;
    bad.flemish_establishment = 3;
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "flemish_establishment"));
    kmo_error_free(error);
    bad = r;
    bad.legal_form = 999;
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "legal_form"));
    kmo_error_free(error);
    bad = r;
    earlier[0].date = 20260311; /* after the application */
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "de_minimis[0].date"));
    kmo_error_free(error);
    earlier[0].date = 20250501;
    bad.fiscal_year_end = 229;
    CHECK(kmo_quote(&bad, &untouched, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "fiscal_year_end"));
    kmo_error_free(error);
    CHECK(untouched.aid_cents == 0x5A5A5A5A5A5A5A5ALL);

    /* Blocking reasons the request's conditions give. */
    bad = r;
    bad.flemish_establishment = KMO_NO;
    bad.provider = "DV.A236460"; /* registered for advice */
    CHECK(kmo_quote(&bad, &q, &findings, NULL) == KMO_STATUS_OK && !q.eligible && q.blocking_count == 2);
    char names[256];
    blocking_codes(findings, names, sizeof names);
    CHECK(strcmp(names, "NO_FLEMISH_ESTABLISHMENT PROVIDER_NOT_REGISTERED_FOR_SERVICE ") == 0);
    kmo_findings_free(findings);
}

/* A company new to the kmo-portefeuille (first_time): the registration planned against the
 * deadlines, through the typed call and equal to the JSON answer. */
static void test_first_time(void) {
    /* It applies on 7 December for a training that started on 1 December, so it must apply by
     * 15 December; registering now, its activation letter is expected around the 17th. */
    kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
    r.application_date = 20261207;
    r.start_date = 20261201;
    r.size_class = KMO_SIZE_SMALL;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_INNOVATIE;
    r.cost_cents = 200000;
    r.first_time = KMO_YES;
    const char *request =
        "{\"application_date\":\"2026-12-07\",\"lang\":\"en\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
        "\"service\":{\"kind\":\"training\",\"theme\":\"innovatie\",\"start_date\":\"2026-12-01\",\"cost\":\"2000\"},"
        "\"options\":{\"first_time\":true}}";
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    kmo_findings *findings = NULL;
    CHECK(kmo_quote(&r, &q, &findings, NULL) == KMO_STATUS_OK && q.eligible);
    const kmo_registration_plan *p = &q.registration;
    CHECK(p->struct_size == sizeof *p && p->planned && p->registered == 0);
    CHECK(q.apply_by == 20261215 && p->register_by == 20261205 && p->letter_expected == 20261217);
    CHECK(p->letter_after_deadline && !p->link_expires_first && p->apply_from == 20261217 && p->apply_until == 20261215);
    CHECK(same_without_findings(&r, &q));
    /* The warning, with both dates and what to do; the registration's notice before it. */
    size_t notice = (size_t)-1, warning = (size_t)-1;
    for (size_t i = 0; i < kmo_findings_count(findings); i++) {
        kmo_finding f = KMO_FINDING_INIT;
        CHECK(kmo_findings_get(findings, i, &f) == KMO_STATUS_OK);
        if (f.code == KMO_FINDING_FIRST_TIME_REGISTRATION && f.severity == KMO_SEVERITY_INFO) {
            notice = i;
        }
        if (f.code == KMO_FINDING_ACTIVATION_LETTER_AFTER_DEADLINE && f.severity == KMO_SEVERITY_WARNING) {
            warning = i;
        }
    }
    CHECK(notice < warning && warning < kmo_findings_count(findings));
    const char *text = kmo_finding_message(findings, warning, KMO_LANG_EN);
    CHECK(strstr(text, "2026-12-17") != NULL && strstr(text, "2026-12-15") != NULL && strstr(text, "2026-12-05") != NULL);
    /* Equal to the JSON answer: the findings, the deadlines and the plan. */
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_assess_json(request, strlen(request), &json, &len) == KMO_STATUS_OK);
    CHECK(same_findings(findings, json, KMO_LANG_EN) && same_plan(&q, json));
    CHECK(strstr(json, "\"letter_after_deadline\":true") != NULL); /* the plan compared is not empty */
    kmo_string_free(json);
    kmo_findings_free(findings);

    /* The same through a wallet. */
    kmo_wallet *w = kmo_wallet_new();
    kmo_quote_result applied = KMO_QUOTE_RESULT_INIT;
    uint32_t id = 0;
    CHECK(kmo_wallet_apply(w, &r, &id, &applied, NULL, NULL) == KMO_STATUS_OK && id == 1 && same_quote(&q, &applied));
    CHECK(applied.registration.planned && applied.registration.letter_after_deadline);
    CHECK(memcmp(&applied.registration.registered, &p->registered, 7 * sizeof(int32_t)) == 0); /* the 7 dates */
    kmo_wallet_free(w);

    /* Not eligible (a large enterprise): nothing to do through the wallet, so no own-share
     * deadline and no registration plan; the own share is the cost it bears itself. */
    r.size_class = KMO_SIZE_LARGE;
    const char *large =
        "{\"application_date\":\"2026-12-07\",\"lang\":\"en\",\"enterprise\":{\"size\":{\"class\":\"large\"}},"
        "\"service\":{\"kind\":\"training\",\"theme\":\"innovatie\",\"start_date\":\"2026-12-01\",\"cost\":\"2000\"},"
        "\"options\":{\"first_time\":true}}";
    CHECK(kmo_quote(&r, &q, &findings, NULL) == KMO_STATUS_OK && !q.eligible);
    CHECK(q.pay_own_share_by == 0 && q.apply_by == 20261215 && !q.registration.planned && q.registration.register_by == 0);
    CHECK(q.aid_cents == 0 && q.own_share_cents == q.eligible_cost_cents);
    CHECK(kmo_assess_json(large, strlen(large), &json, &len) == KMO_STATUS_OK);
    CHECK(same_findings(findings, json, KMO_LANG_EN) && same_plan(&q, json));
    CHECK(strstr(json, "\"registration\":null") != NULL && strstr(json, "\"procedure\":[]") != NULL);
    kmo_string_free(json);
    kmo_findings_free(findings);

    /* first_time is a kmo_yes_no; a version-2 request has none (no plan). */
    kmo_error *error = NULL;
    r.size_class = KMO_SIZE_SMALL;
    r.first_time = 3;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "first_time"));
    kmo_error_free(error);
    r.struct_size = KMO_QUOTE_REQUEST_V2_SIZE;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.eligible && !q.registration.planned);
}

/* The first version of kmo_quote_request, as a program built against that header has it. */
struct kmo_quote_request_v1 {
    uint32_t struct_size;
    int32_t application_date;
    int32_t start_date;
    uint32_t size_class;
    uint32_t service_kind;
    uint32_t theme;
    uint32_t subtheme;
    uint32_t vat_rate_bp;
    int64_t cost_cents;
    int64_t aid_used_cents;
};

/* A later version with fields this library does not know yet. */
struct kmo_quote_request_next {
    kmo_quote_request current;
    uint32_t added;
    uint32_t added_too;
};

static void test_versioned_request(void) {
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT, v3 = KMO_QUOTE_RESULT_INIT;
    kmo_quote_request current = worked_example();
    CHECK(kmo_quote(&current, &v3, NULL, NULL) == KMO_STATUS_OK);

    /* A zero-initialised request cannot silently mean VAT 0: it is refused. */
    kmo_quote_request zero;
    memset(&zero, 0, sizeof zero);
    zero.application_date = 20260310;
    zero.size_class = KMO_SIZE_SMALL;
    zero.service_kind = KMO_SERVICE_TRAINING;
    zero.cost_cents = 200000;
    kmo_error *error = (kmo_error *)0x1;
    CHECK(kmo_quote(&zero, &q, NULL, &error) == KMO_STATUS_INVALID_STRUCT_SIZE && error == NULL);
    zero.struct_size = KMO_QUOTE_REQUEST_V1_SIZE - 8;
    CHECK(kmo_quote(&zero, &q, NULL, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);

    /* An old caller: the library reads its fields and gives the later ones their default. */
    struct kmo_quote_request_v1 old;
    memset(&old, 0, sizeof old);
    CHECK(sizeof old == KMO_QUOTE_REQUEST_V1_SIZE && sizeof old < sizeof(kmo_quote_request));
    old.struct_size = sizeof old;
    old.application_date = 20260310;
    old.start_date = 20260302;
    old.size_class = KMO_SIZE_SMALL;
    old.service_kind = KMO_SERVICE_TRAINING;
    old.theme = KMO_THEME_PERSONEELSMANAGEMENT;
    old.vat_rate_bp = KMO_VAT_RATE_DEFAULT;
    old.cost_cents = 200000;
    CHECK(kmo_quote((const kmo_quote_request *)(const void *)&old, &q, NULL, NULL) == KMO_STATUS_OK);
    CHECK(same_quote(&q, &v3));
    CHECK(q.pay_own_share_by == 20260324); /* the default policy: 14 days */
    old.cost_cents = -1;
    CHECK(kmo_quote((const kmo_quote_request *)(const void *)&old, &q, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "cost_cents"));
    kmo_error_free(error);
    /* The old struct in a wallet call too. */
    old.cost_cents = 200000;
    kmo_wallet *w = kmo_wallet_new();
    uint32_t id = 0;
    CHECK(kmo_wallet_apply(w, (const kmo_quote_request *)(const void *)&old, &id, &q, NULL, NULL) == KMO_STATUS_OK);
    CHECK(id == 1 && q.aid_cents == 60000);
    kmo_wallet_free(w);
    /* The second version: up to approval_date. */
    kmo_quote_request v2 = worked_example();
    v2.struct_size = KMO_QUOTE_REQUEST_V2_SIZE;
    v2.own_share_deadline = KMO_OWN_SHARE_AFTER_APPLICATION_30_DAYS;
    v2.flemish_establishment = KMO_NO; /* a version 3 field: not read */
    CHECK(kmo_quote(&v2, &q, NULL, NULL) == KMO_STATUS_OK && q.eligible && q.pay_own_share_by == 20260409);

    /* The third version: up to de_minimis_count; size_definition is not read. */
    kmo_quote_request v3_caller = worked_example();
    v3_caller.struct_size = (uint32_t)KMO_QUOTE_REQUEST_V3_SIZE;
    v3_caller.size_definition = (const kmo_sme_definition *)(const void *)&v3_caller; /* never read */
    CHECK(KMO_QUOTE_REQUEST_V3_SIZE + sizeof(void *) == sizeof(kmo_quote_request));
    CHECK(kmo_quote(&v3_caller, &q, NULL, NULL) == KMO_STATUS_OK && same_quote(&q, &v3));

    /* Only the sizes of versions the library knows: not one byte more or less, not a newer
     * header's, not a page. Nothing past the size is read for a size refused. */
    struct kmo_quote_request_next next;
    memset(&next, 0, sizeof next);
    next.current = worked_example();
    uint32_t sizes[] = {1, KMO_QUOTE_REQUEST_V1_SIZE + 1, KMO_QUOTE_REQUEST_V2_SIZE - 1, KMO_QUOTE_REQUEST_V2_SIZE + 4,
                        (uint32_t)KMO_QUOTE_REQUEST_V3_SIZE - 8, (uint32_t)KMO_QUOTE_REQUEST_V3_SIZE + 4,
                        (uint32_t)sizeof next, 4096, 1u << 20, UINT32_MAX};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        next.current.struct_size = sizes[i];
        CHECK(kmo_quote(&next.current, &q, NULL, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
    }

    /* A result: the room the caller has must be a version the library writes. */
    kmo_quote_result small = untouched_result();
    small.struct_size = 8;
    current = worked_example();
    CHECK(kmo_quote(&current, &small, NULL, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE && small.aid_cents == 0x5A5A5A5A5A5A5A5ALL);
    small.struct_size = sizeof small + 8;
    CHECK(kmo_quote(&current, &small, NULL, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
    kmo_classification c;
    memset(&c, 0, sizeof c);
    CHECK(kmo_classify(1000, 0, 0, &c, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
    kmo_year_budget y;
    memset(&y, 0, sizeof y);
    w = kmo_wallet_new();
    CHECK(kmo_wallet_year(w, 2026, &y, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
    kmo_wallet_free(w);
}

static void test_quote_json(void) {
    const char *question = "{\"application_date\":\"2026-03-10\",\"size_class\":\"small\",\"kind\":\"training\","
                           "\"theme\":\"personeelsmanagement\",\"cost\":\"99.99\"}";
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_quote_json(question, strlen(question), &json, &len) == KMO_STATUS_OK);
    CHECK(strstr(json, "\"blocking\":[\"COST_BELOW_MINIMUM\"]") != NULL && strstr(json, "\"eligible\":false") != NULL);
    kmo_string_free(json);
    const char *bad = "{\"application_date\":\"2026-03-10\",\"lang\":\"nl\",\"size_class\":\"tiny\",\"cost\":\"1\"}";
    CHECK(kmo_quote_json(bad, strlen(bad), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(strstr(json, "\"code\":\"UNKNOWN_CODE\"") != NULL && strstr(json, "\"path\":\"size_class\"") != NULL);
    kmo_string_free(json);
}

static void test_classify(void) {
    kmo_classification c = KMO_CLASSIFICATION_INIT;
    kmo_error *error = NULL;
    CHECK(kmo_classify(9990, 200000000, 200000000, &c, NULL) == KMO_STATUS_OK && c.size_class == KMO_SIZE_MICRO);
    CHECK(c.is_sme && !c.small_mid_cap && c.struct_size == sizeof c);
    CHECK(kmo_classify(10000, 0, 0, &c, NULL) == KMO_STATUS_OK && c.size_class == KMO_SIZE_SMALL);
    CHECK(kmo_classify(9000, 200000001, 200000000, &c, NULL) == KMO_STATUS_OK && c.size_class == KMO_SIZE_MICRO);
    CHECK(kmo_classify(249000, 5000000001LL, 4300000001LL, &c, NULL) == KMO_STATUS_OK && c.size_class == KMO_SIZE_LARGE);
    /* A small mid-cap: large, but below 750 staff and EUR 150 m turnover. */
    CHECK(kmo_classify(300000, 10000000000LL, 9000000000LL, &c, NULL) == KMO_STATUS_OK);
    CHECK(c.size_class == KMO_SIZE_LARGE && !c.is_sme && c.small_mid_cap);
    CHECK(kmo_classify(800000, 0, 0, &c, NULL) == KMO_STATUS_OK && c.size_class == KMO_SIZE_LARGE && !c.small_mid_cap);
    CHECK(kmo_classify(-1, 0, 0, &c, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_NUMBER", "staff_awu_milli"));
    kmo_error_free(error);
    CHECK(kmo_classify(1, -1, 0, &c, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "turnover_cents"));
    kmo_error_free(error);
    CHECK(kmo_classify(1, 0, 0, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);

    const char *size = "{\"staff_awu\":\"300\",\"turnover\":\"100000000\",\"balance_sheet\":\"90000000\"}";
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_classify_json(size, strlen(size), &json, &len) == KMO_STATUS_OK);
    CHECK(strstr(json, "\"small_mid_cap\":true") != NULL && strstr(json, "\"size_class\":\"large\"") != NULL);
    kmo_string_free(json);
    const char *bad = "{\"staff_awu\":\"-1\",\"turnover\":\"1\",\"balance_sheet\":\"1\"}";
    CHECK(kmo_classify_json(bad, strlen(bad), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(strstr(json, "\"path\":\"staff_awu\"") != NULL);
    kmo_string_free(json);
}

static void test_identifiers(void) {
    char buf[32];
    size_t written = 0;
    kmo_service_kind kind;
    kmo_error *error = NULL;
    const char *p = "dv o236459";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, sizeof buf, &written, NULL) == KMO_STATUS_OK);
    CHECK(strcmp(buf, "DV.O236459") == 0 && written == 10 && kind == KMO_SERVICE_TRAINING);
    p = "DV.A236460";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, sizeof buf, &written, NULL) == KMO_STATUS_OK && kind == KMO_SERVICE_ADVICE);
    p = "DV.X236459";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, sizeof buf, &written, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_PROVIDER_NUMBER", "number"));
    kmo_error_free(error);
    p = "DV.O236459";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, 10, &written, NULL) == KMO_STATUS_BUFFER_TOO_SMALL);
    CHECK(kmo_provider_number_check(NULL, 3, &kind, buf, sizeof buf, &written, NULL) == KMO_STATUS_NULL_ARGUMENT);
    const char *e = "BE0403170701";
    CHECK(kmo_enterprise_number_check(e, strlen(e), buf, sizeof buf, &written, NULL) == KMO_STATUS_OK);
    CHECK(strcmp(buf, "0403.170.701") == 0);
    e = "0403.170.702";
    CHECK(kmo_enterprise_number_check(e, strlen(e), buf, sizeof buf, &written, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_ENTERPRISE_NUMBER", "number"));
    kmo_error_free(error);
    const char bad_utf8[] = {'0', (char)0xFF};
    error = (kmo_error *)0x1;
    CHECK(kmo_enterprise_number_check(bad_utf8, 2, buf, sizeof buf, &written, &error) == KMO_STATUS_INVALID_UTF8);
    CHECK(refused_with(error, KMO_STATUS_INVALID_UTF8, "INVALID_ENTERPRISE_NUMBER", "number"));
    kmo_error_free(error);
}

static void test_rulebooks(void) {
    size_t n = kmo_rulebook_count();
    CHECK(n >= 8);
    kmo_rulebook b = KMO_RULEBOOK_INIT;
    CHECK(kmo_rulebook_get(0, &b) == KMO_STATUS_OK && b.valid_from == 20160401 && b.small_rate_bp == 4000 && b.medium_rate_bp == 3000);
    CHECK(b.cybersecurity_training_uplift_bp == 0 && b.cybersecurity_advice_uplift_bp == 0);
    CHECK(kmo_rulebook_get(n - 1, &b) == KMO_STATUS_OK && b.advice_only_cybersecurity && b.themes_required);
    /* From 1 February 2026: cybersecurity for training and advice, energy for training only. */
    CHECK(b.cybersecurity_training_uplift_bp == 1500 && b.cybersecurity_advice_uplift_bp == 1500);
    CHECK(b.energy_training_uplift_bp == 1500 && b.energy_advice_uplift_bp == 0);
    CHECK(b.minimum_training_cents == 10000 && b.minimum_advice_cents == 50000);
    CHECK(kmo_rulebook_get(n, &b) == KMO_STATUS_OUT_OF_RANGE);
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_rulebooks_json(&json, &len) == KMO_STATUS_OK && strstr(json, "\"ref\":\"MB-2019\"") != NULL);
    kmo_string_free(json);
    int64_t ceiling = 0;
    CHECK(kmo_ceiling(2019, KMO_SIZE_MEDIUM, false, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 1500000);
    CHECK(kmo_ceiling(2020, KMO_SIZE_MEDIUM, false, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 750000);
    CHECK(kmo_ceiling(2019, KMO_SIZE_MICRO, false, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 1000000);
    /* A large enterprise has a ceiling only as a recognised maatwerkbedrijf (the medium one). */
    CHECK(kmo_ceiling(2026, KMO_SIZE_LARGE, false, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 0);
    CHECK(kmo_ceiling(2026, KMO_SIZE_LARGE, true, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 750000);
    /* The maatwerkbedrijf rule is the engine's: from 2026 only. */
    CHECK(kmo_ceiling(2020, KMO_SIZE_LARGE, true, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 0);
    CHECK(kmo_ceiling(2025, KMO_SIZE_LARGE, true, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 0);
    CHECK(kmo_ceiling(2026, KMO_SIZE_MEDIUM, true, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 750000);
    /* One rule for every year: 1900-2199. Before the first ceiling, none. */
    CHECK(kmo_ceiling(2015, KMO_SIZE_SMALL, false, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 0);
    CHECK(kmo_ceiling(1900, KMO_SIZE_SMALL, false, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 0);
    CHECK(kmo_ceiling(2199, KMO_SIZE_SMALL, false, &ceiling, NULL) == KMO_STATUS_OK && ceiling == 750000);
    kmo_error *error = NULL;
    ceiling = 77;
    CHECK(kmo_ceiling(9999, KMO_SIZE_SMALL, false, &ceiling, &error) == KMO_STATUS_INVALID_INPUT && ceiling == 77);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "year"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "9999") != NULL);
    kmo_error_free(error);
    CHECK(kmo_ceiling(1899, KMO_SIZE_SMALL, false, &ceiling, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "year"));
    kmo_error_free(error);
    CHECK(kmo_ceiling(2026, KMO_SIZE_NONE, false, &ceiling, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "size_class"));
    kmo_error_free(error);
}

static void test_codes(void) {
    char text[KMO_CODE_TEXT_SIZE];
    size_t written = 0;
    uint32_t number = 0;
    kmo_error *error = NULL;
    CHECK(kmo_code_text(KMO_CODES_SIZE_CLASS, KMO_SIZE_SMALL, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "small") == 0 && written == 5);
    CHECK(kmo_code_text(KMO_CODES_THEME, KMO_THEME_FINANCIELE_GELETTERDHEID, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "financiele_geletterdheid") == 0);
    CHECK(kmo_code_text(KMO_CODES_FINDING, KMO_FINDING_PROVIDER_NOT_REGISTERED_FOR_SERVICE, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "PROVIDER_NOT_REGISTERED_FOR_SERVICE") == 0);
    CHECK(kmo_code_text(KMO_CODES_OWN_SHARE_DEADLINE, KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "after_approval_30_days") == 0);
    CHECK(kmo_code_text(KMO_CODES_LANG, KMO_LANG_FR, text, sizeof text, &written) == KMO_STATUS_OK && strcmp(text, "fr") == 0);
    CHECK(kmo_code_text(KMO_CODES_APPLICATION_STATUS, KMO_APPLICATION_LAPSED, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "lapsed") == 0);
    CHECK(kmo_code_text(KMO_CODES_SIZE_CLASS, 0, text, sizeof text, &written) == KMO_STATUS_OUT_OF_RANGE);
    CHECK(kmo_code_text(KMO_CODES_SIZE_CLASS, 5, text, sizeof text, &written) == KMO_STATUS_OUT_OF_RANGE);
    CHECK(kmo_code_text(99, 1, text, sizeof text, &written) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_code_text(KMO_CODES_SIZE_CLASS, KMO_SIZE_MEDIUM, text, 6, &written) == KMO_STATUS_BUFFER_TOO_SMALL);
    CHECK(written == 7); /* "medium" and its NUL */
    CHECK(kmo_code_text(KMO_CODES_SEVERITY, KMO_SEVERITY_BLOCKING, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "blocking") == 0);
    CHECK(kmo_code_text(KMO_CODES_COST_LINE_KIND, KMO_COST_LINE_ADVANCE_INVOICE, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "advance_invoice") == 0);
    CHECK(kmo_code_number(KMO_CODES_LEGAL_FORM, "feitelijke_vereniging", 21, &number, NULL) == KMO_STATUS_OK);
    CHECK(kmo_code_text(KMO_CODES_LEGAL_FORM, number, text, sizeof text, &written) == KMO_STATUS_OK);
    CHECK(strcmp(text, "feitelijke_vereniging") == 0);
    CHECK(kmo_code_number(KMO_CODES_EXCLUDED_TOPIC, "teambuilding", 12, &number, NULL) == KMO_STATUS_OK && number > 0);

    CHECK(kmo_code_number(KMO_CODES_SERVICE_KIND, "advice", 6, &number, NULL) == KMO_STATUS_OK && number == KMO_SERVICE_ADVICE);
    CHECK(kmo_code_number(KMO_CODES_SUBTHEME, "energy_efficiency", 17, &number, NULL) == KMO_STATUS_OK);
    CHECK(number == KMO_SUBTHEME_ENERGY_EFFICIENCY);
    CHECK(kmo_code_number(KMO_CODES_FINDING, "CEILING_EXHAUSTED", 17, &number, NULL) == KMO_STATUS_OK);
    CHECK(number == KMO_FINDING_CEILING_EXHAUSTED);
    number = 77;
    CHECK(kmo_code_number(KMO_CODES_SIZE_CLASS, "Small", 5, &number, &error) == KMO_STATUS_INVALID_INPUT && number == 77);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "text"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "medium") != NULL);
    kmo_error_free(error);
    /* A list the library does not know: an error too, listing the lists. */
    number = 77;
    CHECK(kmo_code_number(0, "small", 5, &number, &error) == KMO_STATUS_INVALID_INPUT && number == 77);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "list"));
    kmo_error_free(error);
    CHECK(kmo_code_number(42, "small", 5, &number, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "list"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "KMO_CODES_SIZE_CLASS") != NULL);
    CHECK(strstr(kmo_error_message(error, KMO_LANG_NL), "codelijst") != NULL);
    kmo_error_free(error);

    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_codes_json(&json, &len) == KMO_STATUS_OK);
    CHECK(strstr(json, "\"size_class\":[\"micro\",\"small\",\"medium\",\"large\"]") != NULL);
    kmo_string_free(json);
}

static void test_money_and_dates(void) {
    int64_t cents = 0;
    kmo_error *error = NULL;
    char text[KMO_MONEY_TEXT_SIZE];
    size_t written = 0;
    CHECK(kmo_money_parse("2000", 4, &cents, NULL) == KMO_STATUS_OK && cents == 200000);
    CHECK(kmo_money_parse("2000.5", 6, &cents, NULL) == KMO_STATUS_OK && cents == 200050);
    CHECK(kmo_money_parse("0.07", 4, &cents, NULL) == KMO_STATUS_OK && cents == 7);
    CHECK(kmo_money_parse("1,50", 4, &cents, &error) == KMO_STATUS_INVALID_INPUT && cents == 7);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_AMOUNT", "text"));
    kmo_error_free(error);
    CHECK(kmo_money_parse("1.005", 5, &cents, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "TOO_MANY_DECIMALS", "text"));
    kmo_error_free(error);
    CHECK(kmo_money_format(200050, text, sizeof text, &written, NULL) == KMO_STATUS_OK);
    CHECK(strcmp(text, "2000.50") == 0 && written == 7);
    CHECK(kmo_money_format(7, text, sizeof text, &written, NULL) == KMO_STATUS_OK && strcmp(text, "0.07") == 0);
    CHECK(kmo_money_format(100000000000000LL, text, sizeof text, &written, NULL) == KMO_STATUS_OK);
    CHECK(strcmp(text, "1000000000000.00") == 0);
    CHECK(kmo_money_format(-1, text, sizeof text, &written, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "cents"));
    kmo_error_free(error);
    CHECK(kmo_money_format(100000000000001LL, text, sizeof text, &written, NULL) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_money_format(200050, text, 7, &written, NULL) == KMO_STATUS_BUFFER_TOO_SMALL && written == 8);

    /* Dates written as the engine writes them. */
    char day[KMO_DATE_TEXT_SIZE];
    CHECK(kmo_date_format(20260310, day, sizeof day, &written, NULL) == KMO_STATUS_OK);
    CHECK(strcmp(day, "2026-03-10") == 0 && written == 10);
    CHECK(kmo_date_format(19000101, day, sizeof day, &written, NULL) == KMO_STATUS_OK && strcmp(day, "1900-01-01") == 0);
    CHECK(kmo_date_format(20260310, day, 10, &written, NULL) == KMO_STATUS_BUFFER_TOO_SMALL && written == 11);
    CHECK(kmo_date_format(20250229, day, sizeof day, &written, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    kmo_error_free(error);
    /* Every date the library gives can be written: the deadlines of 2199 lie up to 2209. */
    CHECK(kmo_date_format(22000101, day, sizeof day, &written, NULL) == KMO_STATUS_OK && strcmp(day, "2200-01-01") == 0);
    CHECK(kmo_date_format(22091231, day, sizeof day, &written, NULL) == KMO_STATUS_OK && strcmp(day, "2209-12-31") == 0);
    CHECK(kmo_date_format(22100101, day, sizeof day, &written, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "1900–2209") != NULL);
    kmo_error_free(error);
    CHECK(kmo_date_format(18991231, day, sizeof day, &written, NULL) == KMO_STATUS_INVALID_INPUT);

    int32_t date = 0;
    int32_t days = 0;
    CHECK(kmo_date_check(20240229, NULL) == KMO_STATUS_OK);
    CHECK(kmo_date_check(20250229, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "2025-02-29") != NULL);
    kmo_error_free(error);
    CHECK(kmo_date_check(22000101, NULL) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_date_check(0, NULL) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_date_check(-20260310, NULL) == KMO_STATUS_INVALID_INPUT);
    /* A number that is not eight digits is shown as given, not as a date it is not. */
    CHECK(kmo_date_check(-1, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    CHECK(strcmp(kmo_error_message(error, KMO_LANG_EN), "`-1` is not a date of the form YYYY-MM-DD") == 0);
    kmo_error_free(error);
    CHECK(kmo_date_check(2026031, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    CHECK(strcmp(kmo_error_message(error, KMO_LANG_EN), "`2026031` is not a date of the form YYYY-MM-DD") == 0);
    kmo_error_free(error);
    CHECK(kmo_date_parse("2026-03-10", 10, &date, NULL) == KMO_STATUS_OK && date == 20260310);
    CHECK(kmo_date_parse("10/03/2026", 10, &date, &error) == KMO_STATUS_INVALID_INPUT && date == 20260310);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "text"));
    kmo_error_free(error);
    CHECK(kmo_date_add_days(20260302, 14, &date, NULL) == KMO_STATUS_OK && date == 20260316);
    CHECK(kmo_date_add_days(20261220, 14, &date, NULL) == KMO_STATUS_OK && date == 20270103);
    CHECK(kmo_date_add_days(20240301, -1, &date, NULL) == KMO_STATUS_OK && date == 20240229);
    CHECK(kmo_date_add_days(21991231, 1, &date, &error) == KMO_STATUS_OUT_OF_RANGE);
    CHECK(refused_with(error, KMO_STATUS_OUT_OF_RANGE, "INVALID_DATE", "days"));
    CHECK(error != NULL && strstr(kmo_error_message(error, KMO_LANG_EN), "2199-12-31") != NULL);
    kmo_error_free(error);
    CHECK(kmo_date_add_days(20260101, 2147483647, &date, NULL) == KMO_STATUS_OUT_OF_RANGE);
    CHECK(kmo_date_add_days(20260101, -2147483647 - 1, &date, NULL) == KMO_STATUS_OUT_OF_RANGE);
    CHECK(kmo_date_add_days(20260230, 1, &date, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    kmo_error_free(error);
    CHECK(kmo_date_days_between(20260302, 20260316, &days, NULL) == KMO_STATUS_OK && days == 14);
    CHECK(kmo_date_days_between(20270101, 20260101, &days, NULL) == KMO_STATUS_OK && days == -365);
    CHECK(kmo_date_days_between(20260101, 20261301, &days, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "to"));
    kmo_error_free(error);
}

static kmo_quote_request training(int32_t date, kmo_size_class size, int64_t cost_cents) {
    kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
    r.application_date = date;
    r.start_date = date;
    r.size_class = size;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_INNOVATIE;
    r.cost_cents = cost_cents;
    return r;
}

/* An application on the last day the library reads: its deadlines lie in 2200, and each one
   it gives is written back by kmo_date_format. */
static void test_latest_dates(void) {
    kmo_quote_request r = training(21991231, KMO_SIZE_SMALL, 200000);
    r.own_share_deadline = KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS;
    r.approval_date = 21991231;
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    kmo_error *error = NULL;
    char day[KMO_DATE_TEXT_SIZE];
    size_t written = 0;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_OK && error == NULL);
    CHECK(q.eligible && q.apply_by == 22000114 && q.pay_own_share_by == 22000130 && q.complete_by == 22001231);
    CHECK(kmo_date_format(q.complete_by, day, sizeof day, &written, &error) == KMO_STATUS_OK && error == NULL);
    CHECK(strcmp(day, "2200-12-31") == 0 && written == 10);
    CHECK(kmo_date_format(q.pay_own_share_by, day, sizeof day, &written, NULL) == KMO_STATUS_OK);
    CHECK(strcmp(day, "2200-01-30") == 0);

    /* An approval before the application is refused, as the document refuses it. */
    r = training(20260310, KMO_SIZE_SMALL, 200000);
    r.own_share_deadline = KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS;
    r.approval_date = 20260309;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "approval_date"));
    kmo_error_free(error);
    r.approval_date = 20260310;
    CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_OK && q.pay_own_share_by == 20260409);
}

/* Every refusal of an input value carries its error: code, the field, the message in three
   languages — a string that is not UTF-8, a list that is NULL with a count included. */
static void test_every_refusal_has_its_error(void) {
    kmo_quote_request r = worked_example();
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    kmo_error *error = NULL;
    const char *not_utf8 = "DV.O23\xff" "459";
    struct {
        const char **field;
        const char *code;
        const char *path;
    } strings[] = {
        {&r.provider, "INVALID_PROVIDER_NUMBER", "provider"},
        {&r.nace, "INVALID_NACE_CODE", "nace"},
        {&r.enterprise_number, "INVALID_ENTERPRISE_NUMBER", "enterprise_number"},
    };
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
        r = worked_example();
        *strings[i].field = not_utf8;
        error = NULL;
        CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_INVALID_UTF8);
        CHECK(refused_with(error, KMO_STATUS_INVALID_UTF8, strings[i].code, strings[i].path));
        CHECK(error != NULL && strstr(kmo_error_message(error, KMO_LANG_EN), "UTF-8 (at byte 6)") != NULL);
        kmo_error_free(error);
        CHECK(kmo_quote(&r, &q, NULL, NULL) == KMO_STATUS_INVALID_UTF8);
    }
    r = worked_example();
    r.cost_cents = 0;
    r.line_count = 2;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(refused_with(error, KMO_STATUS_NULL_ARGUMENT, "INCONSISTENT_INPUT", "lines"));
    CHECK(error != NULL && strcmp(kmo_error_message(error, KMO_LANG_EN), "`lines` is NULL while `line_count` is 2: give the list, or 0") == 0);
    kmo_error_free(error);
    r = worked_example();
    r.de_minimis_count = 1;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(refused_with(error, KMO_STATUS_NULL_ARGUMENT, "INCONSISTENT_INPUT", "de_minimis"));
    kmo_error_free(error);
    /* A required pointer that is NULL has nothing more to say. */
    CHECK(kmo_quote(NULL, &q, NULL, &error) == KMO_STATUS_NULL_ARGUMENT && error == NULL);

    /* Text that is not UTF-8 in the other calls: the field's code, at its parameter. */
    int64_t cents = 0;
    int32_t date = 0;
    uint32_t number = 0;
    kmo_wallet *w = NULL;
    CHECK(kmo_money_parse("20\xff" "0", 4, &cents, &error) == KMO_STATUS_INVALID_UTF8);
    CHECK(refused_with(error, KMO_STATUS_INVALID_UTF8, "INVALID_AMOUNT", "text"));
    kmo_error_free(error);
    CHECK(kmo_date_parse("2026-03-1\xff", 10, &date, &error) == KMO_STATUS_INVALID_UTF8);
    CHECK(refused_with(error, KMO_STATUS_INVALID_UTF8, "INVALID_DATE", "text"));
    kmo_error_free(error);
    kmo_service_kind kind = KMO_SERVICE_NONE;
    char buf[32];
    size_t written = 0;
    CHECK(kmo_provider_number_check(not_utf8, strlen(not_utf8), &kind, buf, sizeof buf, &written, &error) ==
          KMO_STATUS_INVALID_UTF8);
    CHECK(refused_with(error, KMO_STATUS_INVALID_UTF8, "INVALID_PROVIDER_NUMBER", "number"));
    kmo_error_free(error);
    CHECK(kmo_code_number(KMO_CODES_LEGAL_FORM, "b\xff", 2, &number, &error) == KMO_STATUS_INVALID_UTF8);
    CHECK(refused_with(error, KMO_STATUS_INVALID_UTF8, "UNKNOWN_CODE", "text"));
    kmo_error_free(error);
    CHECK(kmo_wallet_from_json("{\xff}", 3, &w, &error) == KMO_STATUS_INVALID_UTF8 && w == NULL);
    CHECK(refused_with(error, KMO_STATUS_INVALID_UTF8, "MALFORMED_JSON", ""));
    kmo_error_free(error);
}

static void test_wallet_typed(void) {
    kmo_wallet *w = kmo_wallet_new();
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    uint32_t id = 99;
    kmo_error *error = NULL;

    /* Two trainings share the year's ceiling; the class is fixed by the first. (Before the
     * first one's own-share deadline, 16 February: an application not paid by then lapses.) */
    kmo_quote_request first = training(20260202, KMO_SIZE_SMALL, 2000000);
    CHECK(kmo_wallet_apply(w, &first, &id, &q, NULL, NULL) == KMO_STATUS_OK && id == 1);
    CHECK(q.eligible && q.aid_cents == 600000 && q.own_share_cents == 1400000 && q.vat_cents == 420000);
    kmo_quote_request second = training(20260204, KMO_SIZE_MEDIUM, 1000000);
    second.aid_used_cents = 123; /* ignored: the wallet counts */
    CHECK(kmo_wallet_quote(w, &second, &q, NULL, NULL) == KMO_STATUS_OK);
    /* size_class is the class the figures give; the year's class sets the wallet's class. */
    CHECK(q.aid_cents == 150000 && q.capped && q.size_class == KMO_SIZE_MEDIUM);
    CHECK(q.wallet_class == KMO_SIZE_SMALL);
    CHECK(q.blocking_count == 0 && q.ceiling_left_cents == 0);
    size_t count = 0;
    CHECK(kmo_wallet_count(w, &count) == KMO_STATUS_OK && count == 1); /* the preview recorded nothing */
    CHECK(kmo_wallet_apply(w, &second, &id, &q, NULL, NULL) == KMO_STATUS_OK && id == 2 && q.aid_cents == 150000);
    kmo_quote_request third = training(20260205, KMO_SIZE_SMALL, 100000);
    CHECK(kmo_wallet_apply(w, &third, &id, &q, NULL, NULL) == KMO_STATUS_OK && id == 0 && !q.eligible);
    CHECK(q.first_blocking == KMO_FINDING_CEILING_EXHAUSTED && q.aid_cents == 0);
    /* Out of order: its own status, the field, nothing recorded. */
    kmo_quote_request early = training(20260203, KMO_SIZE_SMALL, 100000);
    id = 77;
    CHECK(kmo_wallet_apply(w, &early, &id, &q, NULL, &error) == KMO_STATUS_OUT_OF_ORDER && id == 77);
    CHECK(refused_with(error, KMO_STATUS_OUT_OF_ORDER, "OUT_OF_ORDER", "application_date"));
    kmo_error_free(error);
    CHECK(kmo_wallet_count(w, &count) == KMO_STATUS_OK && count == 2);

    kmo_year_budget year = KMO_YEAR_BUDGET_INIT;
    CHECK(kmo_wallet_year(w, 2026, &year, NULL) == KMO_STATUS_OK && year.year == 2026 && year.size_class == KMO_SIZE_SMALL);
    CHECK(year.ceiling_cents == 750000 && year.counted_cents == 750000 && year.left_cents == 0);
    CHECK(kmo_wallet_year(w, 2027, &year, NULL) == KMO_STATUS_OK && year.size_class == KMO_SIZE_NONE && year.counted_cents == 0);

    kmo_wallet_application a = KMO_WALLET_APPLICATION_INIT;
    CHECK(kmo_wallet_get(w, 1, &a, NULL) == KMO_STATUS_OK && a.id == 1 && a.application_date == 20260202);
    CHECK(a.status == KMO_APPLICATION_ACTIVE && a.size_class == KMO_SIZE_SMALL && a.service_kind == KMO_SERVICE_TRAINING);
    CHECK(a.rate_bp == 3000 && a.aid_cents == 600000 && a.own_share_cents == 1400000 && a.eligible_cost_cents == 2000000);
    CHECK(a.pay_own_share_by == 20260216 && a.paid_cents == 0 && a.available_cents == 0 && a.aid_counted_cents == 600000);
    CHECK(kmo_wallet_get(w, 9, &a, &error) == KMO_STATUS_UNKNOWN_APPLICATION);
    CHECK(refused_with(error, KMO_STATUS_UNKNOWN_APPLICATION, "UNKNOWN_APPLICATION", "id"));
    kmo_error_free(error);
    CHECK(kmo_wallet_get_at(w, 1, &a) == KMO_STATUS_OK && a.id == 2 && a.aid_cents == 150000);
    CHECK(a.pay_own_share_by == 20260218);
    CHECK(kmo_wallet_get_at(w, 2, &a) == KMO_STATUS_OUT_OF_RANGE);

    /* Every refusal has its own status, its code and its field; the wallet is unchanged. */
    kmo_payment pay = KMO_PAYMENT_INIT;
    int64_t available = 0;
    kmo_settlement s = KMO_SETTLEMENT_INIT;
    CHECK(kmo_wallet_pay(w, 1, 20260210, 0, &pay, &error) == KMO_STATUS_ZERO_AMOUNT);
    CHECK(refused_with(error, KMO_STATUS_ZERO_AMOUNT, "ZERO_AMOUNT", "amount_cents"));
    kmo_error_free(error);
    CHECK(kmo_wallet_pay(w, 1, 20260210, 1400001, &pay, &error) == KMO_STATUS_OVERPAYMENT);
    CHECK(refused_with(error, KMO_STATUS_OVERPAYMENT, "OVERPAYMENT", "amount_cents"));
    {
        char *doc = NULL;
        size_t doc_len = 0;
        CHECK(kmo_error_json(error, KMO_LANG_EN, &doc, &doc_len) == KMO_STATUS_OK);
        CHECK(strstr(doc, "\"path\":\"amount_cents\"}}") != NULL);
        kmo_string_free(doc);
    }
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "14,000.00") != NULL); /* as English writes it */
    kmo_error_free(error);
    CHECK(kmo_wallet_pay(w, 1, 20260201, 100, &pay, &error) == KMO_STATUS_BEFORE_APPLICATION);
    CHECK(refused_with(error, KMO_STATUS_BEFORE_APPLICATION, "BEFORE_APPLICATION", "date"));
    kmo_error_free(error);
    CHECK(kmo_wallet_release(w, 1, 20260210, 100, &available, &error) == KMO_STATUS_OWN_SHARE_NOT_PAID);
    CHECK(refused_with(error, KMO_STATUS_OWN_SHARE_NOT_PAID, "OWN_SHARE_NOT_PAID", "id"));
    kmo_error_free(error);
    CHECK(kmo_wallet_pay(w, 1, 20260210, 1400000, &pay, NULL) == KMO_STATUS_OK && pay.due_cents == 0);
    CHECK(kmo_wallet_release(w, 1, 20260301, 2000001, &available, &error) == KMO_STATUS_RELEASE_EXCEEDS_BALANCE);
    CHECK(refused_with(error, KMO_STATUS_RELEASE_EXCEEDS_BALANCE, "RELEASE_EXCEEDS_BALANCE", "amount_cents"));
    kmo_error_free(error);
    CHECK(kmo_wallet_release(w, 1, 20260301, 1000000, &available, NULL) == KMO_STATUS_OK && available == 1000000);
    CHECK(kmo_wallet_get(w, 1, &a, NULL) == KMO_STATUS_OK && a.paid_cents == 1400000 && a.released_cents == 1000000);
    CHECK(a.available_cents == 1000000);
    CHECK(kmo_wallet_stop(w, 1, 20260401, &s, NULL) == KMO_STATUS_OK);
    CHECK(s.own_share_used_cents == 700000 && s.aid_used_cents == 300000 && s.refund_cents == 700000 && s.aid_returned_cents == 300000);
    CHECK(kmo_wallet_stop(w, 1, 20260402, &s, &error) == KMO_STATUS_APPLICATION_ENDED);
    CHECK(refused_with(error, KMO_STATUS_APPLICATION_ENDED, "APPLICATION_ENDED", "id"));
    kmo_error_free(error);
    CHECK(kmo_wallet_get(w, 1, &a, NULL) == KMO_STATUS_OK && a.status == KMO_APPLICATION_STOPPED && a.ended_on == 20260401);
    CHECK(a.settlement.refund_cents == 700000 && a.aid_counted_cents == 300000);
    CHECK(kmo_wallet_pay(w, 9, 20260312, 1, &pay, &error) == KMO_STATUS_UNKNOWN_APPLICATION);
    kmo_error_free(error);
    /* The second application has lapsed (its own share was due by 18 February; the release of
     * 1 March let it lapse): a late payment is refused. */
    CHECK(kmo_wallet_pay(w, 2, 20260601, 100, &pay, &error) == KMO_STATUS_APPLICATION_ENDED);
    CHECK(refused_with(error, KMO_STATUS_APPLICATION_ENDED, "APPLICATION_ENDED", "id"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "lapsed on 2026-02-19") != NULL);
    kmo_error_free(error);
    CHECK(kmo_wallet_get(w, 2, &a, NULL) == KMO_STATUS_OK && a.status == KMO_APPLICATION_LAPSED);
    CHECK(a.ended_on == 20260219);
    CHECK(kmo_wallet_pay(w, 2, 20260230, 1, &pay, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    kmo_error_free(error);
    CHECK(kmo_wallet_pay(w, 2, 20260601, -1, &pay, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "amount_cents"));
    CHECK(kmo_error_json(error, KMO_LANG_DEFAULT, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);
    kmo_error_free(error);

    /* The wallet refusal's document, as the JavaScript package gives it. */
    CHECK(kmo_wallet_pay(w, 1, 20260501, 1, &pay, &error) == KMO_STATUS_APPLICATION_ENDED);
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_error_json(error, KMO_LANG_FR, &json, &len) == KMO_STATUS_OK);
    CHECK(starts_with(json, "{\"error\":{\"code\":\"APPLICATION_ENDED\"") && strstr(json, "\"path\":\"id\"") != NULL);
    kmo_string_free(json);
    kmo_error_free(error);

    CHECK(kmo_wallet_apply(NULL, &first, &id, &q, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_wallet_count(NULL, &count) == KMO_STATUS_NULL_ARGUMENT);
    kmo_wallet_free(w);
}

static void test_wallet_lapse(void) {
    kmo_wallet *w = kmo_wallet_new();
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    uint32_t id = 0;
    uint32_t ids[4] = {0, 0, 0, 0};
    size_t count = 99;
    kmo_error *error = NULL;
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, &count) == KMO_STATUS_OK && count == 0); /* a new wallet */
    /* Two applications whose own shares are never paid (due 23 February and 16 March), then
     * one on 6 April: once the first two have lapsed, the year's ceiling is whole again. */
    kmo_quote_request first = training(20260209, KMO_SIZE_SMALL, 1000000);
    kmo_quote_request second = training(20260302, KMO_SIZE_SMALL, 1000000);
    CHECK(kmo_wallet_apply(w, &first, &id, &q, NULL, NULL) == KMO_STATUS_OK && id == 1 && q.pay_own_share_by == 20260223);
    CHECK(q.aid_cents == 300000 && q.ceiling_left_cents == 450000);
    /* The second comes after the first one's deadline: the first lapses before it is assessed,
     * so its aid is back in the year's ceiling, and the call says which lapsed. */
    CHECK(kmo_wallet_apply(w, &second, &id, &q, NULL, NULL) == KMO_STATUS_OK && id == 2 && q.pay_own_share_by == 20260316);
    CHECK(q.aid_cents == 300000 && q.ceiling_left_cents == 450000);
    CHECK(kmo_wallet_last_lapsed(w, NULL, 0, &count) == KMO_STATUS_BUFFER_TOO_SMALL && count == 1); /* how many */
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, &count) == KMO_STATUS_OK && count == 1 && ids[0] == 1);
    kmo_payment odd = KMO_PAYMENT_INIT;
    odd.struct_size = 4; /* any refusal, even before the wallet is asked: none lapsed */
    CHECK(kmo_wallet_pay(w, 2, 20260303, 100, &odd, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, &count) == KMO_STATUS_OK && count == 0);
    kmo_wallet_application a = KMO_WALLET_APPLICATION_INIT;
    CHECK(kmo_wallet_get(w, 1, &a, NULL) == KMO_STATUS_OK && a.status == KMO_APPLICATION_LAPSED && a.ended_on == 20260224);
    /* Nothing more is overdue on 16 March yet. */
    CHECK(kmo_wallet_lapse_overdue(w, 20260316, ids, 4, &count, NULL) == KMO_STATUS_OK && count == 0);
    /* Too little room: how many would lapse, and the wallet unchanged. */
    CHECK(kmo_wallet_lapse_overdue(w, 20260406, NULL, 0, &count, NULL) == KMO_STATUS_BUFFER_TOO_SMALL && count == 1);
    /* NULL ids with room claimed: refused, nothing written, whether or not anything lapses. */
    count = 99;
    CHECK(kmo_wallet_lapse_overdue(w, 20260406, NULL, 4, &count, NULL) == KMO_STATUS_NULL_ARGUMENT && count == 99);
    CHECK(kmo_wallet_lapse_overdue(w, 20260316, NULL, 4, &count, NULL) == KMO_STATUS_NULL_ARGUMENT && count == 99);
    CHECK(kmo_wallet_last_lapsed(w, NULL, 4, &count) == KMO_STATUS_NULL_ARGUMENT && count == 99);
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, &count) == KMO_STATUS_OK && count == 0); /* refused: none lapsed */
    CHECK(kmo_wallet_get(w, 2, &a, NULL) == KMO_STATUS_OK && a.status == KMO_APPLICATION_ACTIVE);
    /* The year as recorded still counts the second; as of 6 April it does not. */
    kmo_year_budget year = KMO_YEAR_BUDGET_INIT;
    CHECK(kmo_wallet_year(w, 2026, &year, NULL) == KMO_STATUS_OK && year.counted_cents == 300000);
    ids[0] = 0;
    CHECK(kmo_wallet_lapse_overdue(w, 20260406, ids, 4, &count, NULL) == KMO_STATUS_OK && count == 1 && ids[0] == 2);
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, &count) == KMO_STATUS_OK && count == 1 && ids[0] == 2);
    CHECK(kmo_wallet_year(w, 2026, &year, NULL) == KMO_STATUS_OK && year.counted_cents == 0 && year.left_cents == 750000);
    CHECK(kmo_wallet_get(w, 2, &a, NULL) == KMO_STATUS_OK && a.status == KMO_APPLICATION_LAPSED && a.aid_counted_cents == 0);
    kmo_quote_request third = training(20260406, KMO_SIZE_SMALL, 2000000);
    CHECK(kmo_wallet_apply(w, &third, &id, &q, NULL, NULL) == KMO_STATUS_OK && id == 3 && q.aid_cents == 600000 && !q.capped);
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, &count) == KMO_STATUS_OK && count == 0);
    CHECK(kmo_wallet_lapse_overdue(w, 20260406, ids, 4, &count, NULL) == KMO_STATUS_OK && count == 0);
    /* A payment after the deadline is refused: the application lapsed the day after it. */
    kmo_payment pay = KMO_PAYMENT_INIT;
    CHECK(kmo_wallet_pay(w, 3, 20260421, 100, &pay, &error) == KMO_STATUS_APPLICATION_ENDED);
    CHECK(refused_with(error, KMO_STATUS_APPLICATION_ENDED, "APPLICATION_ENDED", "id"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "2026-04-21") != NULL);
    kmo_error_free(error);
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, &count) == KMO_STATUS_OK && count == 0);
    CHECK(kmo_wallet_last_lapsed(NULL, ids, 4, &count) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_wallet_last_lapsed(w, ids, 4, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_wallet_lapse_overdue(w, 20260431, ids, 4, &count, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "date"));
    kmo_error_free(error);
    /* One rule for every year argument. */
    CHECK(kmo_wallet_year(w, 0, &year, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "year"));
    kmo_error_free(error);
    CHECK(kmo_wallet_year(w, 2200, &year, NULL) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_wallet_year(w, 1900, &year, NULL) == KMO_STATUS_OK && year.ceiling_cents == 0);
    CHECK(kmo_wallet_lapse_overdue(NULL, 20260406, ids, 4, &count, NULL) == KMO_STATUS_NULL_ARGUMENT);
    kmo_wallet_free(w);
}

static void test_wallet_json(void) {
    kmo_wallet *w = kmo_wallet_new();
    CHECK(w != NULL);
    uint32_t id = 0;
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_wallet_apply_json(w, REQUEST, strlen(REQUEST), &id, &json, &len) == KMO_STATUS_OK);
    /* The answer of the JavaScript package's Wallet.apply; the wallet ignores aid_used. */
    CHECK(id == 1 && starts_with(json, "{\"assessment\":{\"aid\":\"600.00\""));
    const char *tail = ",\"id\":1,\"lapsed\":[],\"recorded\":true}";
    CHECK(len > strlen(tail) && strcmp(json + len - strlen(tail), tail) == 0);
    kmo_string_free(json);

    /* Out of order through JSON: the status and the error document. */
    const char *early = "{\"application_date\":\"2026-03-01\",\"lang\":\"nl\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
                        "\"service\":{\"kind\":\"training\",\"theme\":\"innovatie\",\"cost\":\"500\"}}";
    id = 55;
    CHECK(kmo_wallet_apply_json(w, early, strlen(early), &id, &json, &len) == KMO_STATUS_OUT_OF_ORDER && id == 0);
    CHECK(strstr(json, "\"code\":\"OUT_OF_ORDER\"") != NULL && strstr(json, "\"path\":\"application_date\"") != NULL);
    kmo_string_free(json);

    /* The plan: intended requests in order, nothing recorded. */
    const char *plan =
        "[{\"application_date\":\"2026-03-20\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
        "\"service\":{\"kind\":\"training\",\"theme\":\"innovatie\",\"cost\":\"30000\"}}]";
    CHECK(kmo_wallet_plan_json(w, plan, strlen(plan), &json, &len) == KMO_STATUS_OK);
    CHECK(starts_with(json, "{\"items\":[{\"assessment\":{\"aid\":\"6900.00\""));
    CHECK(strstr(json, "\"better_next_year\":{\"aid\":\"7500.00\",\"application_date\":\"2027-01-01\"}") != NULL);
    kmo_string_free(json);
    const char *bad_plan = "[{\"application_date\":\"2026-06-01\"},{}]";
    CHECK(kmo_wallet_plan_json(w, bad_plan, strlen(bad_plan), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(strstr(json, "\"path\":\"[0].enterprise\"") != NULL);
    kmo_string_free(json);
    size_t count = 0;
    CHECK(kmo_wallet_count(w, &count) == KMO_STATUS_OK && count == 1);

    /* A request after the first one's own-share deadline (24 March): the first lapses before it
     * is assessed, as the answer's "lapsed" and kmo_wallet_last_lapsed say. */
    const char *later = "{\"application_date\":\"2026-04-01\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
                        "\"service\":{\"kind\":\"training\",\"theme\":\"innovatie\",\"cost\":\"500\"}}";
    CHECK(kmo_wallet_apply_json(w, later, strlen(later), &id, &json, &len) == KMO_STATUS_OK && id == 2);
    CHECK(strstr(json, "\"lapsed\":[1],\"recorded\":true}") != NULL);
    kmo_string_free(json);
    uint32_t lapsed[2] = {0, 0};
    CHECK(kmo_wallet_last_lapsed(w, lapsed, 2, &count) == KMO_STATUS_OK && count == 1 && lapsed[0] == 1);
    CHECK(kmo_wallet_apply_json(w, early, strlen(early), &id, &json, &len) == KMO_STATUS_OUT_OF_ORDER);
    kmo_string_free(json);
    CHECK(kmo_wallet_last_lapsed(w, lapsed, 2, &count) == KMO_STATUS_OK && count == 0); /* refused */

    /* Round trip through JSON. */
    CHECK(kmo_wallet_to_json(w, &json, &len) == KMO_STATUS_OK);
    kmo_wallet *copy = NULL;
    CHECK(kmo_wallet_from_json(json, len, &copy, NULL) == KMO_STATUS_OK && copy != NULL);
    char *json2 = NULL;
    size_t len2 = 0;
    CHECK(kmo_wallet_to_json(copy, &json2, &len2) == KMO_STATUS_OK && len2 == len && strcmp(json, json2) == 0);
    kmo_string_free(json);
    kmo_string_free(json2);
    kmo_wallet_free(copy);

    /* An invalid document: its code and path, and the error document. */
    kmo_wallet *none = (kmo_wallet *)0x1;
    kmo_error *error = NULL;
    const char *doc = "{\"applications\":[{\"application_date\":\"2026-01-10\",\"aid\":\"-3\"}]}";
    CHECK(kmo_wallet_from_json(doc, strlen(doc), &none, &error) == KMO_STATUS_INVALID_INPUT && none == (kmo_wallet *)0x1);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "applications[0].aid"));
    CHECK(kmo_error_json(error, KMO_LANG_EN, &json, &len) == KMO_STATUS_OK);
    CHECK(strstr(json, "\"path\":\"applications[0].aid\"") != NULL);
    kmo_string_free(json);
    kmo_error_free(error);
    CHECK(kmo_wallet_from_json("{\"applications\":5}", 18, &none, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "WRONG_TYPE", "applications"));
    kmo_error_free(error);
    CHECK(kmo_wallet_apply_json(NULL, REQUEST, strlen(REQUEST), &id, &json, &len) == KMO_STATUS_NULL_ARGUMENT);
    kmo_wallet_free(w);
    kmo_wallet_free(NULL);
}

static void *assess_many(void *arg) {
    int *ok = (int *)arg;
    kmo_wallet *w = kmo_wallet_new();
    for (int i = 0; i < 25; i++) {
        char *json = NULL;
        size_t len = 0;
        if (kmo_assess_json(REQUEST, strlen(REQUEST), &json, &len) != KMO_STATUS_OK || strstr(json, "\"aid\":\"300.00\"") == NULL) {
            *ok = 0;
        }
        kmo_string_free(json);
        kmo_quote_request r = training(20260101 + i, KMO_SIZE_SMALL, 100000);
        kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
        uint32_t id = 0;
        if (kmo_wallet_apply(w, &r, &id, &q, NULL, NULL) != KMO_STATUS_OK || id != (uint32_t)i + 1 || q.aid_cents != 30000) {
            *ok = 0;
        }
    }
    kmo_wallet_free(w);
    return NULL;
}

static void test_threads(void) {
    pthread_t threads[4];
    int ok[4] = {1, 1, 1, 1};
    for (int i = 0; i < 4; i++) {
        CHECK(pthread_create(&threads[i], NULL, assess_many, &ok[i]) == 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        CHECK(ok[i]);
    }
}

/* The size class of a kmo_classify_json document, as the C number. */
static uint32_t json_class(const char *json) {
    const char *at = strstr(json, "\"size_class\":\"");
    char text[KMO_CODE_TEXT_SIZE] = {0};
    uint32_t number = 0;
    if (at == NULL) return 0;
    at += strlen("\"size_class\":\"");
    size_t n = (size_t)(strchr(at, '"') - at);
    if (n >= sizeof text) return 0;
    memcpy(text, at, n);
    return kmo_code_number(KMO_CODES_SIZE_CLASS, text, n, &number, NULL) == KMO_STATUS_OK ? number : 0;
}

/* Whether a JSON error document has this code and path. */
static int json_refused(const char *doc, const char *code, const char *path) {
    char want[256];
    snprintf(want, sizeof want, "\"code\":\"%s\"", code);
    int ok = strstr(doc, want) != NULL;
    snprintf(want, sizeof want, "\"path\":\"%s\"", path);
    ok = ok && strstr(doc, want) != NULL;
    if (!ok) fprintf(stderr, "  JSON: %s\n", doc);
    return ok;
}

/* A group through the typed calls: A, 40 AWU of its own, 30 % held by the partner P, and 60 %
 * of the linked L; two periods. The same as the document SME_GROUP. */
static const char *SME_GROUP =
    "{\"id\":\"A\",\"periods\":["
    "{\"closing_date\":\"2024-12-31\",\"staff_awu\":\"40\",\"turnover\":\"6000000\",\"balance_sheet\":\"4000000\","
    "\"entities\":[{\"id\":\"P\",\"staff_awu\":\"20\",\"turnover\":\"3000000\",\"balance_sheet\":\"2000000\"},"
    "{\"id\":\"L\",\"staff_awu\":\"15\",\"turnover\":\"2000000\",\"balance_sheet\":\"1000000\"}],"
    "\"holdings\":[{\"holder\":\"P\",\"held\":\"A\",\"capital_pct\":\"30\"},{\"holder\":\"A\",\"held\":\"L\",\"capital_pct\":\"60\"}]},"
    "{\"closing_date\":\"2025-12-31\",\"staff_awu\":\"45\",\"turnover\":\"7000000\",\"balance_sheet\":\"4000000\","
    "\"entities\":[{\"id\":\"P\",\"staff_awu\":\"20\",\"turnover\":\"3000000\",\"balance_sheet\":\"2000000\"},"
    "{\"id\":\"L\",\"staff_awu\":\"15\",\"turnover\":\"2000000\",\"balance_sheet\":\"1000000\"}],"
    "\"holdings\":[{\"holder\":\"P\",\"held\":\"A\",\"capital_pct\":\"30\"},{\"holder\":\"A\",\"held\":\"L\",\"capital_pct\":\"60\"}]}]}";

static kmo_sme_definition *sme_group(int32_t last_closing, uint32_t estimate) {
    kmo_sme_definition *d = kmo_sme_definition_new();
    kmo_sme_enterprise e = KMO_SME_ENTERPRISE_INIT;
    e.id = "A";
    CHECK(kmo_sme_definition_set_enterprise(d, &e, NULL) == KMO_STATUS_OK);
    int32_t closings[2] = {20241231, last_closing};
    int64_t staff[2] = {40000, 45000}, turnover[2] = {600000000, 700000000};
    for (int i = 0; i < 2; i++) {
        kmo_sme_period p = KMO_SME_PERIOD_INIT;
        p.closing_date = closings[i];
        p.staff_awu_milli = staff[i];
        p.turnover_cents = turnover[i];
        p.balance_sheet_cents = 400000000;
        p.estimate = i == 1 ? estimate : KMO_NOT_GIVEN;
        CHECK(kmo_sme_definition_add_period(d, &p, NULL) == KMO_STATUS_OK);
        kmo_sme_entity partner = KMO_SME_ENTITY_INIT, linked = KMO_SME_ENTITY_INIT;
        partner.id = "P";
        partner.has_figures = KMO_YES;
        partner.staff_awu_milli = 20000;
        partner.turnover_cents = 300000000;
        partner.balance_sheet_cents = 200000000;
        linked.id = "L";
        linked.kind = "enterprise";
        linked.has_figures = KMO_YES;
        linked.staff_awu_milli = 15000;
        linked.turnover_cents = 200000000;
        linked.balance_sheet_cents = 100000000;
        CHECK(kmo_sme_definition_add_entity(d, &partner, NULL) == KMO_STATUS_OK);
        CHECK(kmo_sme_definition_add_entity(d, &linked, NULL) == KMO_STATUS_OK);
        CHECK(kmo_sme_definition_add_holding(d, "P", "A", 3000, KMO_SHARE_SAME_AS_CAPITAL, NULL) == KMO_STATUS_OK);
        CHECK(kmo_sme_definition_add_holding(d, "A", "L", 6000, 6000, NULL) == KMO_STATUS_OK);
    }
    return d;
}

static void test_sme_definition(void) {
    kmo_classification c = KMO_CLASSIFICATION_INIT;
    kmo_error *error = NULL;
    char *json = NULL;
    size_t len = 0;

    /* The group classified as the document is. */
    kmo_sme_definition *d = sme_group(20251231, KMO_NOT_GIVEN);
    CHECK(kmo_classify_definition(d, &c, &error) == KMO_STATUS_OK && error == NULL);
    CHECK(kmo_classify_json(SME_GROUP, strlen(SME_GROUP), &json, &len) == KMO_STATUS_OK);
    CHECK(c.size_class != KMO_SIZE_NONE && c.size_class == json_class(json));
    CHECK(strstr(json, c.is_sme ? "\"is_sme\":true" : "\"is_sme\":false") != NULL);
    kmo_string_free(json);

    /* Quoted with the request's size_definition, as kmo_assess_json quotes the document. */
    kmo_quote_request r = worked_example();
    r.size_class = KMO_SIZE_NONE;
    r.size_definition = d;
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    kmo_findings *findings = NULL;
    CHECK(kmo_quote(&r, &q, &findings, &error) == KMO_STATUS_OK && q.size_class == c.size_class);
    char request[4096];
    snprintf(request, sizeof request,
             "{\"application_date\":\"2026-03-10\",\"lang\":\"en\",\"enterprise\":{\"size\":%s},\"service\":{\"kind\":\"training\","
             "\"theme\":\"personeelsmanagement\",\"cost\":\"2000.00\",\"start_date\":\"2026-03-02\"}}",
             SME_GROUP);
    CHECK(kmo_assess_json(request, strlen(request), &json, &len) == KMO_STATUS_OK);
    CHECK(q.size_class == json_class(json));
    CHECK(same_findings(findings, json, KMO_LANG_EN));
    char aid[64];
    snprintf(aid, sizeof aid, "\"aid\":\"%lld.%02lld\"", (long long)(q.aid_cents / 100), (long long)(q.aid_cents % 100));
    CHECK(strstr(json, aid) != NULL);
    kmo_string_free(json);
    kmo_findings_free(findings);
    /* In a wallet too: the same answer, recorded. */
    kmo_wallet *w = kmo_wallet_new();
    kmo_quote_result applied = KMO_QUOTE_RESULT_INIT;
    uint32_t id = 0;
    CHECK(kmo_wallet_apply(w, &r, &id, &applied, NULL, NULL) == KMO_STATUS_OK && id == 1);
    CHECK(same_quote(&applied, &q));
    kmo_wallet_free(w);
    /* A declared class beside the definition contradicts it. */
    r.size_class = KMO_SIZE_SMALL;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "size_definition"));
    /* Its message names the forms the C request has. */
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "`size_definition`") != NULL);
    kmo_error_free(error);
    kmo_sme_definition_free(d);

    /* Approved accounts cannot close after the application; an estimate can (art. 4(3)). */
    d = sme_group(20261231, KMO_NOT_GIVEN);
    r.size_class = KMO_SIZE_NONE;
    r.size_definition = d;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "periods[1].closing_date"));
    kmo_error_free(error);
    const char *late = strstr(request, "2025-12-31");
    CHECK(late != NULL);
    memcpy(request + (late - request), "2026", 4);
    CHECK(kmo_assess_json(request, strlen(request), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json_refused(json, "INCONSISTENT_INPUT", "enterprise.size.periods[1].closing_date"));
    kmo_string_free(json);
    kmo_sme_definition_free(d);
    d = sme_group(20261231, KMO_YES);
    r.size_definition = d;
    CHECK(kmo_quote(&r, &q, NULL, &error) == KMO_STATUS_OK && error == NULL);
    kmo_sme_definition_free(d);

    /* Refusals at the document's field, with the C unit; nothing is added. */
    d = kmo_sme_definition_new();
    kmo_sme_entity entity = KMO_SME_ENTITY_INIT;
    entity.id = "C";
    entity.has_figures = KMO_YES;
    entity.staff_awu_milli = -1000;
    CHECK(kmo_sme_definition_add_entity(d, &entity, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "periods"));
    kmo_error_free(error);
    kmo_sme_period p = KMO_SME_PERIOD_INIT;
    p.staff_awu_milli = 20000;
    p.turnover_cents = -1;
    CHECK(kmo_sme_definition_add_period(d, &p, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "periods[0].turnover_cents"));
    kmo_error_free(error);
    p.turnover_cents = 300000000;
    CHECK(kmo_sme_definition_add_period(d, &p, NULL) == KMO_STATUS_OK);
    CHECK(kmo_sme_definition_add_entity(d, &entity, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_NUMBER", "periods[0].entities[0].staff_awu_milli"));
    kmo_error_free(error);
    const char *negative = "{\"periods\":[{\"staff_awu\":\"20\",\"turnover\":\"3000000\",\"balance_sheet\":\"0\","
                           "\"entities\":[{\"id\":\"C\",\"staff_awu\":\"-1\",\"turnover\":\"0\",\"balance_sheet\":\"0\"}]}]}";
    CHECK(kmo_classify_json(negative, strlen(negative), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json_refused(json, "INVALID_NUMBER", "periods[0].entities[0].staff_awu"));
    kmo_string_free(json);
    CHECK(kmo_sme_definition_add_holding(d, "X", "self", 10100, KMO_SHARE_SAME_AS_CAPITAL, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "PERCENT_OUT_OF_RANGE", "periods[0].holdings[0].capital_bp"));
    kmo_error_free(error);
    const char *over = "{\"periods\":[{\"staff_awu\":\"20\",\"turnover\":\"3000000\",\"balance_sheet\":\"0\","
                       "\"entities\":[{\"id\":\"X\",\"staff_awu\":\"1\",\"turnover\":\"1\",\"balance_sheet\":\"1\"}],"
                       "\"holdings\":[{\"holder\":\"X\",\"held\":\"self\",\"capital_pct\":\"101\"}]}]}";
    CHECK(kmo_classify_json(over, strlen(over), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json_refused(json, "PERCENT_OUT_OF_RANGE", "periods[0].holdings[0].capital_pct"));
    kmo_string_free(json);
    CHECK(kmo_sme_definition_add_holding(d, NULL, "self", 3000, 3000, &error) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(refused_with(error, KMO_STATUS_NULL_ARGUMENT, "MISSING_FIELD", "periods[0].holdings[0].holder"));
    kmo_error_free(error);
    CHECK(kmo_sme_definition_add_control(d, "X", "self", "friendship", &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "periods[0].controls[0].right"));
    kmo_error_free(error);
    /* What the graph's checks refuse comes when it is classified: an unknown holder. */
    CHECK(kmo_sme_definition_add_holding(d, "Z", "self", 3000, KMO_SHARE_SAME_AS_CAPITAL, NULL) == KMO_STATUS_OK);
    CHECK(kmo_classify_definition(d, &c, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "periods[0].holdings[0].holder"));
    kmo_error_free(error);
    kmo_sme_definition_free(d);
    /* No period at all. */
    d = kmo_sme_definition_new();
    CHECK(kmo_classify_definition(d, &c, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "periods"));
    kmo_error_free(error);
    kmo_sme_enterprise e = KMO_SME_ENTERPRISE_INIT;
    e.ownership_change = "later";
    CHECK(kmo_sme_definition_set_enterprise(d, &e, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "ownership_change"));
    kmo_error_free(error);
    e.ownership_change = NULL;
    e.struct_size = 0;
    CHECK(kmo_sme_definition_set_enterprise(d, &e, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
    kmo_sme_definition_free(d);

    /* A kind's required detail left at 0 by KMO_SME_ENTITY_INIT is not given: refused as the
       document refuses the field left out, not read as an exempt investor of 0. */
    d = kmo_sme_definition_new();
    kmo_sme_period own = KMO_SME_PERIOD_INIT;
    own.staff_awu_milli = 5000;
    CHECK(kmo_sme_definition_add_period(d, &own, NULL) == KMO_STATUS_OK);
    kmo_sme_entity town = KMO_SME_ENTITY_INIT;
    town.id = "Gemeente";
    town.kind = "local_authority";
    CHECK(kmo_sme_definition_add_entity(d, &town, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "periods[0].entities[0].annual_budget_cents"));
    kmo_error_free(error);
    const char *no_budget = "{\"periods\":[{\"staff_awu\":\"5\",\"turnover\":\"0\",\"balance_sheet\":\"0\","
                            "\"entities\":[{\"id\":\"Gemeente\",\"kind\":\"local_authority\"}]}]}";
    CHECK(kmo_classify_json(no_budget, strlen(no_budget), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json_refused(json, "MISSING_FIELD", "periods[0].entities[0].annual_budget"));
    kmo_string_free(json);
    town.annual_budget_cents = 990000000;
    CHECK(kmo_sme_definition_add_entity(d, &town, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "periods[0].entities[0].inhabitants"));
    kmo_error_free(error);
    town.inhabitants = 4999;
    CHECK(kmo_sme_definition_add_entity(d, &town, NULL) == KMO_STATUS_OK);
    kmo_sme_entity angel = KMO_SME_ENTITY_INIT;
    angel.id = "Angel";
    angel.kind = "business_angel";
    CHECK(kmo_sme_definition_add_entity(d, &angel, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "periods[0].entities[1].invested_cents"));
    kmo_error_free(error);
    angel.invested_cents = 100000000;
    CHECK(kmo_sme_definition_add_entity(d, &angel, NULL) == KMO_STATUS_OK);
    /* Other kinds do not read them: 0 is fine. */
    kmo_sme_entity person = KMO_SME_ENTITY_INIT;
    person.id = "P";
    person.kind = "natural_person";
    CHECK(kmo_sme_definition_add_entity(d, &person, NULL) == KMO_STATUS_OK);
    /* An empty id is refused at the call, as the document refuses it. */
    person.id = "";
    CHECK(kmo_sme_definition_add_entity(d, &person, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "periods[0].entities[3].id"));
    kmo_error_free(error);
    kmo_sme_enterprise empty = KMO_SME_ENTERPRISE_INIT;
    empty.id = "";
    CHECK(kmo_sme_definition_set_enterprise(d, &empty, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "MISSING_FIELD", "id"));
    kmo_error_free(error);
    const char *empty_ids = "{\"id\":\"\",\"periods\":[{\"staff_awu\":\"5\",\"turnover\":\"0\",\"balance_sheet\":\"0\"}]}";
    CHECK(kmo_classify_json(empty_ids, strlen(empty_ids), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json_refused(json, "MISSING_FIELD", "id"));
    kmo_string_free(json);
    CHECK(kmo_classify_definition(d, &c, &error) == KMO_STATUS_OK && error == NULL);
    kmo_sme_definition_free(d);

    /* A staff list instead of the annual work units: the engine counts them (art. 5). */
    d = kmo_sme_definition_new();
    kmo_sme_staff_member staff[3] = {KMO_SME_STAFF_MEMBER_INIT, KMO_SME_STAFF_MEMBER_INIT, KMO_SME_STAFF_MEMBER_INIT};
    staff[0].role = "owner_manager";
    staff[1].role = "employee";
    staff[1].fte_bp = 5000;
    staff[1].months = 6;
    staff[2].role = "apprentice";
    kmo_sme_period listed = KMO_SME_PERIOD_INIT;
    listed.turnover_cents = 100;
    listed.balance_sheet_cents = 100;
    listed.staff = staff;
    listed.staff_count = 3;
    CHECK(kmo_sme_definition_add_period(d, &listed, NULL) == KMO_STATUS_OK);
    CHECK(kmo_classify_definition(d, &c, NULL) == KMO_STATUS_OK && c.size_class == KMO_SIZE_MICRO);
    const char *listed_json = "{\"periods\":[{\"turnover\":\"1\",\"balance_sheet\":\"1\",\"staff\":["
                              "{\"role\":\"owner_manager\"},{\"role\":\"employee\",\"fte\":\"0.5\",\"months\":6},"
                              "{\"role\":\"apprentice\"}]}]}";
    CHECK(kmo_classify_json(listed_json, strlen(listed_json), &json, &len) == KMO_STATUS_OK);
    CHECK(c.size_class == json_class(json));
    kmo_string_free(json);
    staff[1].fte_bp = 15000;
    CHECK(kmo_sme_definition_add_period(d, &listed, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_NUMBER", "periods[1].staff[1].fte_bp"));
    kmo_error_free(error);
    /* Months past a byte are shown as given, as the document shows them. */
    staff[1].fte_bp = 5000;
    staff[1].months = 268;
    CHECK(kmo_sme_definition_add_period(d, &listed, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_NUMBER", "periods[1].staff[1].months"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "`268` is not a whole number 0") != NULL);
    kmo_error_free(error);
    const char *months_json = "{\"periods\":[{\"turnover\":\"1\",\"balance_sheet\":\"1\",\"staff\":["
                              "{\"role\":\"employee\",\"months\":268}]}]}";
    CHECK(kmo_classify_json(months_json, strlen(months_json), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(strstr(json, "`268` is not a whole number 0") != NULL);
    kmo_string_free(json);
    staff[1].months = 6;
    listed.staff_awu_milli = 1000;
    staff[1].fte_bp = 5000;
    CHECK(kmo_sme_definition_add_period(d, &listed, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "periods[1].staff"));
    kmo_error_free(error);
    listed.staff_awu_milli = 0;
    listed.staff = NULL;
    CHECK(kmo_sme_definition_add_period(d, &listed, &error) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(refused_with(error, KMO_STATUS_NULL_ARGUMENT, "INCONSISTENT_INPUT", "periods[1].staff"));
    kmo_error_free(error);
    kmo_sme_definition_free(d);

    /* NULL handles and arguments. */
    CHECK(kmo_sme_definition_add_period(NULL, &p, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_sme_definition_add_entity(NULL, &entity, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_sme_definition_add_holding(NULL, "X", "A", 1, 1, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_sme_definition_add_control(NULL, "X", "A", "board_majority", NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_sme_definition_set_enterprise(NULL, &e, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_classify_definition(NULL, &c, &error) == KMO_STATUS_NULL_ARGUMENT && error == NULL);
    d = kmo_sme_definition_new();
    CHECK(kmo_sme_definition_add_period(d, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_classify_definition(d, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);
    kmo_sme_definition_free(d);
    kmo_sme_definition_free(NULL);
}

int main(void) {
    test_version();
    test_fixed_width_types();
    test_status_messages();
    test_assess_json();
    test_quote();
    test_full_request();
    test_first_time();
    test_versioned_request();
    test_quote_json();
    test_classify();
    test_sme_definition();
    test_identifiers();
    test_rulebooks();
    test_codes();
    test_money_and_dates();
    test_latest_dates();
    test_every_refusal_has_its_error();
    test_wallet_typed();
    test_wallet_lapse();
    test_wallet_json();
    test_threads();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
