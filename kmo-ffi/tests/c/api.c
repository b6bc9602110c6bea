/* The typed C API and its misuse: NULL pointers, invalid UTF-8, zero and short lengths, small
 * buffers, out-of-range enumerations, the wallet handle, the version macros, threads. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The named struct tags can be forward-declared before the header. */
struct kmo_quote_request;
struct kmo_wallet;
static int forward_declared(const struct kmo_quote_request *r, const struct kmo_wallet *w) {
    return r != NULL && w == NULL;
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

static const char *REQUEST =
    "{\"application_date\":\"2026-03-10\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
    "\"service\":{\"kind\":\"training\",\"theme\":\"personeelsmanagement\",\"cost\":\"2000.00\","
    "\"start_date\":\"2026-03-02\"},\"wallet\":{\"aid_used\":\"7200.00\"}}";

static kmo_quote_request worked_example(void) {
    kmo_quote_request r;
    memset(&r, 0, sizeof r);
    r.application_date = 20260310;
    r.start_date = 20260302;
    r.size_class = KMO_SIZE_SMALL;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_PERSONEELSMANAGEMENT;
    r.subtheme = KMO_SUBTHEME_NONE;
    r.cost_cents = 200000;
    r.aid_used_cents = 0;
    r.vat_rate_bp = 2100;
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
    CHECK(sizeof(kmo_theme) == 4 && sizeof(kmo_subtheme) == 4);
    kmo_status status = KMO_STATUS_PANIC;
    uint32_t *as_u32 = &status; /* the same type, so no cast is needed */
    CHECK(*as_u32 == 99);
    kmo_quote_request r;
    memset(&r, 0, sizeof r);
    CHECK(forward_declared(&r, NULL));
}

static void test_status_messages(void) {
    char buf[128];
    size_t written = 0;
    CHECK(kmo_status_message(KMO_STATUS_NULL_ARGUMENT, buf, sizeof buf, &written) == KMO_STATUS_OK);
    CHECK(written == strlen(buf) && strstr(buf, "NULL") != NULL);
    CHECK(kmo_status_message(12345, buf, sizeof buf, &written) == KMO_STATUS_OK);
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
    kmo_string_free(json);

    /* Invalid input: a status and the error document naming the field. */
    const char *bad = "{\"application_date\":\"2026-03-10\",\"enterprise\":{\"size\":{\"class\":\"small\"}},"
                      "\"service\":{\"kind\":\"training\",\"cost\":\"-5\"}}";
    json = NULL;
    CHECK(kmo_assess_json(bad, strlen(bad), &json, &len) == KMO_STATUS_INVALID_INPUT);
    CHECK(json != NULL && strstr(json, "\"path\":\"service.cost\"") != NULL);
    kmo_string_free(json);

    /* Invalid UTF-8. */
    const char invalid[] = {'{', '"', (char)0xC3, (char)0x28, '"', '}'};
    json = NULL;
    CHECK(kmo_assess_json(invalid, sizeof invalid, &json, &len) == KMO_STATUS_INVALID_UTF8);
    CHECK(json != NULL && strstr(json, "\"error\"") != NULL);
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
    CHECK(kmo_quote(&r, &q) == KMO_STATUS_OK);
    CHECK(q.eligible && q.rate_bp == 3000 && q.aid_cents == 60000 && q.own_share_cents == 140000);
    CHECK(q.vat_cents == 42000 && q.ceiling_cents == 750000 && q.ceiling_left_cents == 690000);
    CHECK(q.apply_by == 20260316 && q.pay_own_share_by == 20260324 && q.complete_by == 20271231);
    CHECK(q.blocking_count == 0 && q.first_blocking[0] == '\0');

    r.size_class = KMO_SIZE_MEDIUM;
    CHECK(kmo_quote(&r, &q) == KMO_STATUS_OK && q.aid_cents == 40000 && q.own_share_cents == 160000);
    r = worked_example();
    r.theme = KMO_THEME_DIGITALISERING;
    r.subtheme = KMO_SUBTHEME_CYBERSECURITY;
    CHECK(kmo_quote(&r, &q) == KMO_STATUS_OK && q.rate_bp == 4500 && q.aid_cents == 90000);
    r = worked_example();
    r.aid_used_cents = 720000;
    CHECK(kmo_quote(&r, &q) == KMO_STATUS_OK && q.aid_cents == 30000 && q.capped && q.ceiling_left_cents == 0);
    r = worked_example();
    r.cost_cents = 9999;
    CHECK(kmo_quote(&r, &q) == KMO_STATUS_OK && !q.eligible && q.aid_cents == 0);
    CHECK(strcmp(q.first_blocking, "COST_BELOW_MINIMUM") == 0);

    /* Invalid values: a status, nothing written. */
    kmo_quote_result untouched;
    memset(&untouched, 0x5A, sizeof untouched);
    r = worked_example();
    r.application_date = 20260230;
    CHECK(kmo_quote(&r, &untouched) == KMO_STATUS_INVALID_INPUT);
    CHECK(untouched.aid_cents == 0x5A5A5A5A5A5A5A5ALL);
    r = worked_example();
    r.size_class = 4;
    CHECK(kmo_quote(&r, &untouched) == KMO_STATUS_INVALID_INPUT);
    r = worked_example();
    r.theme = 9;
    CHECK(kmo_quote(&r, &untouched) == KMO_STATUS_INVALID_INPUT);
    r = worked_example();
    r.subtheme = KMO_SUBTHEME_CYBERSECURITY; /* belongs to digitalisering */
    CHECK(kmo_quote(&r, &untouched) == KMO_STATUS_INVALID_INPUT);
    r = worked_example();
    r.cost_cents = -1;
    CHECK(kmo_quote(&r, &untouched) == KMO_STATUS_INVALID_INPUT);
    r = worked_example();
    r.vat_rate_bp = 10001;
    CHECK(kmo_quote(&r, &untouched) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_quote(NULL, &q) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_quote(&r, NULL) == KMO_STATUS_NULL_ARGUMENT);
}

static void test_classify(void) {
    kmo_size_class c;
    CHECK(kmo_classify(9990, 200000000, 200000000, &c) == KMO_STATUS_OK && c == KMO_SIZE_MICRO);
    CHECK(kmo_classify(10000, 0, 0, &c) == KMO_STATUS_OK && c == KMO_SIZE_SMALL);
    CHECK(kmo_classify(9000, 200000001, 200000000, &c) == KMO_STATUS_OK && c == KMO_SIZE_MICRO);
    CHECK(kmo_classify(249000, 5000000001LL, 4300000001LL, &c) == KMO_STATUS_OK && c == KMO_SIZE_LARGE);
    CHECK(kmo_classify(250000, 0, 0, &c) == KMO_STATUS_OK && c == KMO_SIZE_LARGE);
    CHECK(kmo_classify(-1, 0, 0, &c) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_classify(1, -1, 0, &c) == KMO_STATUS_INVALID_INPUT);
    CHECK(kmo_classify(1, 0, 0, NULL) == KMO_STATUS_NULL_ARGUMENT);
}

static void test_identifiers(void) {
    char buf[32];
    size_t written = 0;
    kmo_service_kind kind;
    const char *p = "dv o236459";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, sizeof buf, &written) == KMO_STATUS_OK);
    CHECK(strcmp(buf, "DV.O236459") == 0 && written == 10 && kind == KMO_SERVICE_TRAINING);
    p = "DV.A236460";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, sizeof buf, &written) == KMO_STATUS_OK && kind == KMO_SERVICE_ADVICE);
    p = "DV.X236459";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, sizeof buf, &written) == KMO_STATUS_INVALID_INPUT);
    p = "DV.O236459";
    CHECK(kmo_provider_number_check(p, strlen(p), &kind, buf, 10, &written) == KMO_STATUS_BUFFER_TOO_SMALL);
    CHECK(kmo_provider_number_check(NULL, 3, &kind, buf, sizeof buf, &written) == KMO_STATUS_NULL_ARGUMENT);
    const char *e = "BE0403170701";
    CHECK(kmo_enterprise_number_check(e, strlen(e), buf, sizeof buf, &written) == KMO_STATUS_OK);
    CHECK(strcmp(buf, "0403.170.701") == 0);
    e = "0403.170.702";
    CHECK(kmo_enterprise_number_check(e, strlen(e), buf, sizeof buf, &written) == KMO_STATUS_INVALID_INPUT);
    const char bad_utf8[] = {'0', (char)0xFF};
    CHECK(kmo_enterprise_number_check(bad_utf8, 2, buf, sizeof buf, &written) == KMO_STATUS_INVALID_UTF8);
}

static void test_rulebooks(void) {
    size_t n = kmo_rulebook_count();
    CHECK(n >= 8);
    kmo_rulebook b;
    CHECK(kmo_rulebook_get(0, &b) == KMO_STATUS_OK && b.valid_from == 20160401 && b.small_rate_bp == 4000 && b.medium_rate_bp == 3000);
    CHECK(kmo_rulebook_get(n - 1, &b) == KMO_STATUS_OK && b.advice_only_cybersecurity && b.cybersecurity_uplift_bp == 1500);
    CHECK(kmo_rulebook_get(n, &b) == KMO_STATUS_OUT_OF_RANGE);
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_rulebooks_json(&json, &len) == KMO_STATUS_OK && strstr(json, "\"ref\":\"MB-2019\"") != NULL);
    kmo_string_free(json);
    int64_t ceiling = 0;
    CHECK(kmo_ceiling(2019, KMO_SIZE_MEDIUM, &ceiling) == KMO_STATUS_OK && ceiling == 1500000);
    CHECK(kmo_ceiling(2020, KMO_SIZE_MEDIUM, &ceiling) == KMO_STATUS_OK && ceiling == 750000);
    CHECK(kmo_ceiling(2015, KMO_SIZE_SMALL, &ceiling) == KMO_STATUS_INVALID_INPUT);
}

static void test_wallet(void) {
    kmo_wallet *w = kmo_wallet_new();
    CHECK(w != NULL);
    uint32_t id = 0;
    char *json = NULL;
    size_t len = 0;
    CHECK(kmo_wallet_apply_json(w, REQUEST, strlen(REQUEST), &id, &json, &len) == KMO_STATUS_OK);
    CHECK(id == 1 && strstr(json, "\"aid\":\"600.00\"") != NULL); /* the wallet ignores aid_used */
    kmo_string_free(json);

    kmo_payment pay;
    CHECK(kmo_wallet_pay(w, 1, 20260312, 140000, &pay) == KMO_STATUS_OK && !pay.lapsed && pay.due_cents == 0);
    CHECK(kmo_wallet_pay(w, 1, 20260312, 1, &pay) == KMO_STATUS_WALLET_REFUSED);
    CHECK(kmo_wallet_pay(w, 9, 20260312, 1, &pay) == KMO_STATUS_UNKNOWN_APPLICATION);
    int64_t available = 0;
    CHECK(kmo_wallet_release(w, 1, 20260401, 100000, &available) == KMO_STATUS_OK && available == 100000);
    CHECK(kmo_wallet_release(w, 1, 20260401, 100001, &available) == KMO_STATUS_WALLET_REFUSED);
    kmo_settlement s;
    CHECK(kmo_wallet_stop(w, 1, 20260501, &s) == KMO_STATUS_OK);
    CHECK(s.own_share_used_cents == 70000 && s.aid_used_cents == 30000 && s.refund_cents == 70000 && s.aid_returned_cents == 30000);
    CHECK(kmo_wallet_stop(w, 1, 20260502, &s) == KMO_STATUS_WALLET_REFUSED);
    int64_t counted = -1;
    CHECK(kmo_wallet_aid_counted(w, 2026, &counted) == KMO_STATUS_OK && counted == 30000);

    /* Round trip through JSON. */
    CHECK(kmo_wallet_to_json(w, &json, &len) == KMO_STATUS_OK);
    kmo_wallet *copy = NULL;
    CHECK(kmo_wallet_from_json(json, len, &copy) == KMO_STATUS_OK && copy != NULL);
    char *json2 = NULL;
    size_t len2 = 0;
    CHECK(kmo_wallet_to_json(copy, &json2, &len2) == KMO_STATUS_OK && len2 == len && strcmp(json, json2) == 0);
    kmo_string_free(json);
    kmo_string_free(json2);
    kmo_wallet_free(copy);

    kmo_wallet *none = (kmo_wallet *)0x1;
    CHECK(kmo_wallet_from_json("{\"applications\":5}", 18, &none) == KMO_STATUS_INVALID_INPUT && none == (kmo_wallet *)0x1);
    CHECK(kmo_wallet_apply_json(NULL, REQUEST, strlen(REQUEST), &id, &json, &len) == KMO_STATUS_NULL_ARGUMENT);
    CHECK(kmo_wallet_pay(w, 1, 20260230, 1, &pay) == KMO_STATUS_INVALID_INPUT);
    kmo_wallet_free(w);
    kmo_wallet_free(NULL);
}

static void *assess_many(void *arg) {
    int *ok = (int *)arg;
    for (int i = 0; i < 25; i++) {
        char *json = NULL;
        size_t len = 0;
        if (kmo_assess_json(REQUEST, strlen(REQUEST), &json, &len) != KMO_STATUS_OK || strstr(json, "\"aid\":\"300.00\"") == NULL) {
            *ok = 0;
        }
        kmo_string_free(json);
    }
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
    test_classify();
    test_identifiers();
    test_rulebooks();
    test_wallet();
    test_threads();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
