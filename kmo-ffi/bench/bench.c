/* C benchmarks: the typed quick quote and kmo_assess_json per call, from C.
 * Prints one JSON line. Built and run by scripts/bench against the release libkmo.a.
 * `bench quote <n>` runs the quote loop n times and nothing else: what
 * kmo-ffi/bench/count-quote counts with callgrind. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kmo.h"

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define ROUNDS 21

static volatile int64_t sink;

static const char *REQUEST;

static void quote_loop(long n) {
    kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
    r.application_date = 20260310;
    r.start_date = 20260302;
    r.size_class = KMO_SIZE_SMALL;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_PERSONEELSMANAGEMENT;
    r.aid_used_cents = 720000;
    r.vat_rate_bp = 2100;
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    for (long i = 0; i < n; i++) {
        r.cost_cents = 10000 + i % 4000000;
        kmo_quote(&r, &q, NULL, NULL);
        sink += q.aid_cents;
    }
}

static void assess_loop(long n) {
    size_t len = strlen(REQUEST);
    for (long i = 0; i < n; i++) {
        char *out = NULL;
        size_t out_len = 0;
        kmo_assess_json(REQUEST, len, &out, &out_len);
        sink += (int64_t)out_len;
        kmo_string_free(out);
    }
}

static double median_ns(void (*loop)(long), long n) {
    double per[ROUNDS];
    loop(n / 4);
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now_ns();
        loop(n);
        per[r] = (now_ns() - t0) / (double)n;
    }
    qsort(per, ROUNDS, sizeof per[0], cmp);
    return per[ROUNDS / 2];
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "quote") == 0) {
        quote_loop(atol(argv[2]));
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: bench <request.json> | bench quote <n>\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 2;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    REQUEST = buf;
    double quote = median_ns(quote_loop, 200000);
    double assess = median_ns(assess_loop, 2000);
    printf("{\"c_quote_ns\":%.1f,\"c_assess_json_ns\":%.1f}\n", quote, assess);
    return 0;
}
