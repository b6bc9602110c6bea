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
             kmo_error_message(error, KMO_LANG_DEFAULT) == en;
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
           a->first_blocking == b->first_blocking && a->blocking == b->blocking &&
           a->eligible_cost_cents == b->eligible_cost_cents && a->aid_cents == b->aid_cents &&
           a->own_share_cents == b->own_share_cents && a->vat_cents == b->vat_cents &&
           a->ceiling_cents == b->ceiling_cents && a->ceiling_left_cents == b->ceiling_left_cents &&
           a->apply_by == b->apply_by && a->pay_own_share_by == b->pay_own_share_by &&
           a->complete_by == b->complete_by;
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
    written = 777;
    CHECK(kmo_status_message(KMO_STATUS_OK, buf, 2, &written) == KMO_STATUS_BUFFER_TOO_SMALL);
    CHECK(written == 777); /* nothing written on failure */
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

static void test_quote(void) {
    kmo_quote_result q;
    kmo_quote_request r = worked_example();
    CHECK(r.struct_size == sizeof(kmo_quote_request) && r.vat_rate_bp == KMO_VAT_RATE_DEFAULT);
    CHECK(r.own_share_deadline == KMO_OWN_SHARE_DEFAULT && r.approval_date == 0 && r.aid_used_cents == 0);
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK);
    CHECK(q.eligible && q.rate_bp == 3000 && q.aid_cents == 60000 && q.own_share_cents == 140000);
    CHECK(q.vat_cents == 42000 && q.ceiling_cents == 750000 && q.ceiling_left_cents == 690000);
    CHECK(q.eligible_cost_cents == 200000 && q.size_class == KMO_SIZE_SMALL && !q.capped);
    CHECK(q.apply_by == 20260316 && q.pay_own_share_by == 20260324 && q.complete_by == 20271231);
    CHECK(q.blocking_count == 0 && q.blocking == 0 && q.first_blocking == KMO_FINDING_NONE);

    r.size_class = KMO_SIZE_MEDIUM;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.aid_cents == 40000 && q.own_share_cents == 160000);
    r = worked_example();
    r.theme = KMO_THEME_DIGITALISERING;
    r.subtheme = KMO_SUBTHEME_CYBERSECURITY;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.rate_bp == 4500 && q.aid_cents == 90000);
    /* Advice gets the cybersecurity uplift too. */
    r.service_kind = KMO_SERVICE_ADVICE;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.eligible && q.rate_bp == 4500);
    r = worked_example();
    r.aid_used_cents = 720000;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.aid_cents == 30000 && q.capped && q.ceiling_left_cents == 0);
    /* VAT: 0 is a rate like any other (an exempt provider), the default is the engine's. */
    r = worked_example();
    r.vat_rate_bp = 0;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.vat_cents == 0);
    r.vat_rate_bp = 600;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.vat_cents == 12000);

    /* Every blocking reason, in the order the rules run. */
    r = worked_example();
    r.size_class = KMO_SIZE_LARGE;
    r.cost_cents = 9999;
    r.start_date = 20260101; /* applied 68 days after the start */
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && !q.eligible && q.aid_cents == 0);
    uint64_t expected = (1ULL << (KMO_FINDING_ENTERPRISE_TOO_LARGE - 1)) |
                        (1ULL << (KMO_FINDING_APPLICATION_TOO_LATE - 1)) |
                        (1ULL << (KMO_FINDING_COST_BELOW_MINIMUM - 1));
    CHECK(q.blocking == expected && q.blocking_count == 3);
    CHECK(q.first_blocking == KMO_FINDING_ENTERPRISE_TOO_LARGE);
    char names[256] = "";
    for (uint32_t n = 1; n <= 64; n++) {
        if (q.blocking & (1ULL << (n - 1))) {
            char code[KMO_CODE_TEXT_SIZE];
            size_t written;
            CHECK(kmo_code_text(KMO_CODES_FINDING, n, code, sizeof code, &written) == KMO_STATUS_OK);
            strcat(names, code);
            strcat(names, " ");
        }
    }
    CHECK(strcmp(names, "ENTERPRISE_TOO_LARGE APPLICATION_TOO_LATE COST_BELOW_MINIMUM ") == 0);

    /* The own-share deadline policy and the approval date. */
    r = worked_example();
    r.own_share_deadline = KMO_OWN_SHARE_AFTER_APPLICATION_30_DAYS;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.pay_own_share_by == 20260409);
    r.own_share_deadline = KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.pay_own_share_by == 0);
    r.approval_date = 20260320;
    CHECK(kmo_quote(&r, &q, NULL) == KMO_STATUS_OK && q.pay_own_share_by == 20260419);

    /* Invalid values: a status, the field, nothing written. */
    kmo_quote_result untouched;
    memset(&untouched, 0x5A, sizeof untouched);
    kmo_error *error = NULL;
    r = worked_example();
    r.application_date = 20260230;
    CHECK(kmo_quote(&r, &untouched, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "application_date"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "2026-02-30") != NULL);
    kmo_error_free(error);
    CHECK(untouched.aid_cents == 0x5A5A5A5A5A5A5A5ALL);
    r = worked_example();
    r.size_class = 5;
    CHECK(kmo_quote(&r, &untouched, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "size_class"));
    kmo_error_free(error);
    r.size_class = KMO_SIZE_NONE; /* required */
    CHECK(kmo_quote(&r, &untouched, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "size_class"));
    kmo_error_free(error);
    r = worked_example();
    r.theme = 9;
    CHECK(kmo_quote(&r, &untouched, NULL) == KMO_STATUS_INVALID_INPUT);
    r = worked_example();
    r.subtheme = KMO_SUBTHEME_CYBERSECURITY; /* belongs to digitalisering */
    CHECK(kmo_quote(&r, &untouched, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INCONSISTENT_INPUT", "subtheme"));
    kmo_error_free(error);
    r = worked_example();
    r.cost_cents = -1;
    CHECK(kmo_quote(&r, &untouched, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "cost_cents"));
    /* The error document, as the other faces write it. */
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_error_json(error, KMO_LANG_NL, &json, &len) == KMO_STATUS_OK);
    CHECK(starts_with(json, "{\"error\":{\"code\":\"NEGATIVE_AMOUNT\",\"message\":\"") && strlen(json) == len);
    CHECK(strstr(json, "negatief") != NULL && strstr(json, "\"path\":\"cost_cents\"}}") != NULL);
    kmo_string_free(json);
    CHECK(kmo_error_json(error, 4, &json, &len) == KMO_STATUS_INVALID_INPUT);
    kmo_error_free(error);
    r = worked_example();
    r.vat_rate_bp = 10001;
    CHECK(kmo_quote(&r, &untouched, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "PERCENT_OUT_OF_RANGE", "vat_rate_bp"));
    kmo_error_free(error);
    r = worked_example();
    r.own_share_deadline = 4;
    CHECK(kmo_quote(&r, &untouched, NULL) == KMO_STATUS_INVALID_INPUT);
    CHECK(untouched.aid_cents == 0x5A5A5A5A5A5A5A5ALL);

    /* Success writes NULL into out_error; NULL arguments give a status and no error. */
    error = (kmo_error *)0x1;
    r = worked_example();
    CHECK(kmo_quote(&r, &q, &error) == KMO_STATUS_OK && error == NULL);
    error = (kmo_error *)0x1;
    CHECK(kmo_quote(NULL, &q, &error) == KMO_STATUS_NULL_ARGUMENT && error == NULL);
    CHECK(kmo_quote(&r, NULL, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_error_status(NULL) == KMO_STATUS_NULL_ARGUMENT && kmo_error_code(NULL) == NULL);
    CHECK(kmo_error_path(NULL) == NULL && kmo_error_message(NULL, KMO_LANG_EN) == NULL);
    kmo_error_free(NULL);
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

/* A later version with a field this library does not know yet. */
struct kmo_quote_request_next {
    kmo_quote_request current;
    uint32_t added;
    uint32_t added_too;
};

static void test_versioned_request(void) {
    kmo_quote_result q, v2;
    kmo_quote_request current = worked_example();
    CHECK(kmo_quote(&current, &v2, NULL) == KMO_STATUS_OK);

    /* A zero-initialised request cannot silently mean VAT 0: it is refused. */
    kmo_quote_request zero;
    memset(&zero, 0, sizeof zero);
    zero.application_date = 20260310;
    zero.size_class = KMO_SIZE_SMALL;
    zero.service_kind = KMO_SERVICE_TRAINING;
    zero.cost_cents = 200000;
    kmo_error *error = (kmo_error *)0x1;
    CHECK(kmo_quote(&zero, &q, &error) == KMO_STATUS_INVALID_STRUCT_SIZE && error == NULL);
    zero.struct_size = KMO_QUOTE_REQUEST_V1_SIZE - 8;
    CHECK(kmo_quote(&zero, &q, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);

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
    CHECK(kmo_quote((const kmo_quote_request *)(const void *)&old, &q, NULL) == KMO_STATUS_OK);
    CHECK(same_quote(&q, &v2));
    CHECK(q.pay_own_share_by == 20260324); /* the default policy: 14 days */
    old.cost_cents = -1;
    CHECK(kmo_quote((const kmo_quote_request *)(const void *)&old, &q, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "NEGATIVE_AMOUNT", "cost_cents"));
    kmo_error_free(error);
    /* The old struct in a wallet call too. */
    old.cost_cents = 200000;
    kmo_wallet *w = kmo_wallet_new();
    uint32_t id = 0;
    CHECK(kmo_wallet_apply(w, (const kmo_quote_request *)(const void *)&old, &id, &q, NULL) == KMO_STATUS_OK);
    CHECK(id == 1 && q.aid_cents == 60000);
    kmo_wallet_free(w);

    /* A newer caller: accepted while its new fields keep their default (0), refused once set. */
    struct kmo_quote_request_next next;
    memset(&next, 0, sizeof next);
    next.current = worked_example();
    next.current.struct_size = sizeof next;
    CHECK(kmo_quote(&next.current, &q, NULL) == KMO_STATUS_OK && same_quote(&q, &v2));
    next.added_too = 1;
    CHECK(kmo_quote(&next.current, &q, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
    next.added_too = 0;
    next.current.struct_size = 1u << 20;
    CHECK(kmo_quote(&next.current, &q, NULL) == KMO_STATUS_INVALID_STRUCT_SIZE);
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
    kmo_classification c;
    kmo_error *error = NULL;
    CHECK(kmo_classify(9990, 200000000, 200000000, &c, NULL) == KMO_STATUS_OK && c.size_class == KMO_SIZE_MICRO);
    CHECK(c.is_sme && !c.small_mid_cap);
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
    CHECK(error == NULL);
}

static void test_rulebooks(void) {
    size_t n = kmo_rulebook_count();
    CHECK(n >= 8);
    kmo_rulebook b;
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
    CHECK(kmo_ceiling(2015, KMO_SIZE_SMALL, false, &ceiling, NULL) == KMO_STATUS_OUT_OF_RANGE);
    kmo_error *error = NULL;
    CHECK(kmo_ceiling(2026, KMO_SIZE_NONE, false, &ceiling, &error) == KMO_STATUS_INVALID_INPUT);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", "size_class"));
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

    CHECK(kmo_code_number(KMO_CODES_SERVICE_KIND, "advice", 6, &number, NULL) == KMO_STATUS_OK && number == KMO_SERVICE_ADVICE);
    CHECK(kmo_code_number(KMO_CODES_SUBTHEME, "energy_efficiency", 17, &number, NULL) == KMO_STATUS_OK);
    CHECK(number == KMO_SUBTHEME_ENERGY_EFFICIENCY);
    CHECK(kmo_code_number(KMO_CODES_FINDING, "CEILING_EXHAUSTED", 17, &number, NULL) == KMO_STATUS_OK);
    CHECK(number == KMO_FINDING_CEILING_EXHAUSTED);
    number = 77;
    CHECK(kmo_code_number(KMO_CODES_SIZE_CLASS, "Small", 5, &number, &error) == KMO_STATUS_INVALID_INPUT && number == 77);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "UNKNOWN_CODE", ""));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "medium") != NULL);
    kmo_error_free(error);
    CHECK(kmo_code_number(0, "small", 5, &number, &error) == KMO_STATUS_INVALID_INPUT && error == NULL);

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
    CHECK(kmo_date_parse("2026-03-10", 10, &date, NULL) == KMO_STATUS_OK && date == 20260310);
    CHECK(kmo_date_parse("10/03/2026", 10, &date, &error) == KMO_STATUS_INVALID_INPUT && date == 20260310);
    CHECK(refused_with(error, KMO_STATUS_INVALID_INPUT, "INVALID_DATE", "text"));
    kmo_error_free(error);
    CHECK(kmo_date_add_days(20260302, 14, &date, NULL) == KMO_STATUS_OK && date == 20260316);
    CHECK(kmo_date_add_days(20261220, 14, &date, NULL) == KMO_STATUS_OK && date == 20270103);
    CHECK(kmo_date_add_days(20240301, -1, &date, NULL) == KMO_STATUS_OK && date == 20240229);
    CHECK(kmo_date_add_days(21991231, 1, &date, &error) == KMO_STATUS_OUT_OF_RANGE && error == NULL);
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

static void test_wallet_typed(void) {
    kmo_wallet *w = kmo_wallet_new();
    kmo_quote_result q;
    uint32_t id = 99;
    kmo_error *error = NULL;

    /* Two trainings share the year's ceiling; the class is fixed by the first. (Before the
     * first one's own-share deadline, 16 February: an application not paid by then lapses.) */
    kmo_quote_request first = training(20260202, KMO_SIZE_SMALL, 2000000);
    CHECK(kmo_wallet_apply(w, &first, &id, &q, NULL) == KMO_STATUS_OK && id == 1);
    CHECK(q.eligible && q.aid_cents == 600000 && q.own_share_cents == 1400000 && q.vat_cents == 420000);
    kmo_quote_request second = training(20260204, KMO_SIZE_MEDIUM, 1000000);
    second.aid_used_cents = 123; /* ignored: the wallet counts */
    CHECK(kmo_wallet_quote(w, &second, &q, NULL) == KMO_STATUS_OK);
    CHECK(q.aid_cents == 150000 && q.capped && q.size_class == KMO_SIZE_SMALL);
    CHECK(q.blocking == 0 && q.ceiling_left_cents == 0);
    size_t count = 0;
    CHECK(kmo_wallet_count(w, &count) == KMO_STATUS_OK && count == 1); /* the preview recorded nothing */
    CHECK(kmo_wallet_apply(w, &second, &id, &q, NULL) == KMO_STATUS_OK && id == 2 && q.aid_cents == 150000);
    kmo_quote_request third = training(20260205, KMO_SIZE_SMALL, 100000);
    CHECK(kmo_wallet_apply(w, &third, &id, &q, NULL) == KMO_STATUS_OK && id == 0 && !q.eligible);
    CHECK(q.first_blocking == KMO_FINDING_CEILING_EXHAUSTED && q.aid_cents == 0);
    /* Out of order: its own status, the field, nothing recorded. */
    kmo_quote_request early = training(20260203, KMO_SIZE_SMALL, 100000);
    id = 77;
    CHECK(kmo_wallet_apply(w, &early, &id, &q, &error) == KMO_STATUS_OUT_OF_ORDER && id == 77);
    CHECK(refused_with(error, KMO_STATUS_OUT_OF_ORDER, "OUT_OF_ORDER", "application_date"));
    kmo_error_free(error);
    CHECK(kmo_wallet_count(w, &count) == KMO_STATUS_OK && count == 2);

    kmo_year_budget year;
    CHECK(kmo_wallet_year(w, 2026, &year) == KMO_STATUS_OK && year.year == 2026 && year.size_class == KMO_SIZE_SMALL);
    CHECK(year.ceiling_cents == 750000 && year.counted_cents == 750000 && year.left_cents == 0);
    CHECK(kmo_wallet_year(w, 2027, &year) == KMO_STATUS_OK && year.size_class == KMO_SIZE_NONE && year.counted_cents == 0);

    kmo_wallet_application a;
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
    kmo_payment pay;
    int64_t available = 0;
    kmo_settlement s;
    CHECK(kmo_wallet_pay(w, 1, 20260210, 0, &pay, &error) == KMO_STATUS_ZERO_AMOUNT);
    CHECK(refused_with(error, KMO_STATUS_ZERO_AMOUNT, "ZERO_AMOUNT", "amount"));
    kmo_error_free(error);
    CHECK(kmo_wallet_pay(w, 1, 20260210, 1400001, &pay, &error) == KMO_STATUS_OVERPAYMENT);
    CHECK(refused_with(error, KMO_STATUS_OVERPAYMENT, "OVERPAYMENT", "amount"));
    CHECK(strstr(kmo_error_message(error, KMO_LANG_EN), "14,000.00") != NULL); /* as English writes it */
    kmo_error_free(error);
    CHECK(kmo_wallet_pay(w, 1, 20260201, 100, &pay, &error) == KMO_STATUS_BEFORE_APPLICATION);
    CHECK(refused_with(error, KMO_STATUS_BEFORE_APPLICATION, "BEFORE_APPLICATION", "date"));
    kmo_error_free(error);
    CHECK(kmo_wallet_release(w, 1, 20260210, 100, &available, &error) == KMO_STATUS_OWN_SHARE_NOT_PAID);
    CHECK(refused_with(error, KMO_STATUS_OWN_SHARE_NOT_PAID, "OWN_SHARE_NOT_PAID", "id"));
    kmo_error_free(error);
    CHECK(kmo_wallet_pay(w, 1, 20260210, 1400000, &pay, NULL) == KMO_STATUS_OK && !pay.lapsed && pay.due_cents == 0);
    CHECK(kmo_wallet_release(w, 1, 20260301, 2000001, &available, &error) == KMO_STATUS_RELEASE_EXCEEDS_BALANCE);
    CHECK(refused_with(error, KMO_STATUS_RELEASE_EXCEEDS_BALANCE, "RELEASE_EXCEEDS_BALANCE", "amount"));
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

    CHECK(kmo_wallet_apply(NULL, &first, &id, &q, NULL) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_wallet_count(NULL, &count) == KMO_STATUS_NULL_ARGUMENT);
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
        kmo_quote_result q;
        uint32_t id = 0;
        if (kmo_wallet_apply(w, &r, &id, &q, NULL) != KMO_STATUS_OK || id != (uint32_t)i + 1 || q.aid_cents != 30000) {
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

int main(void) {
    test_version();
    test_fixed_width_types();
    test_status_messages();
    test_assess_json();
    test_quote();
    test_versioned_request();
    test_quote_json();
    test_classify();
    test_identifiers();
    test_rulebooks();
    test_codes();
    test_money_and_dates();
    test_wallet_typed();
    test_wallet_json();
    test_threads();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
