/* An invoice run, as accounting software does it: read a CSV of invoices, keep one
 * kmo-portefeuille wallet per company (so a company's invoices share the year's ceiling and
 * the size class its first application fixed), and write per invoice the aid, the own share
 * the company pays into the wallet and the VAT it pays the provider, then the totals per
 * company and overall. Every amount is integer cents; the engine decides every number.
 *
 * Input, one invoice per line after a header line (no quoted fields):
 *   company,date,size_class,service,theme,subtheme,start_date,amount
 *   acme,2026-02-02,small,training,innovatie,,2026-02-02,20000.00
 * date is the application date; theme, subtheme and start_date may be empty; amount is the
 * cost excluding VAT in euro.
 *
 * Output, CSV:
 *   company,date,service,amount,aid,own_share,vat,application,result
 * application is the wallet's id of the recorded application (empty when not recorded); an
 * invoice is sent once the own share is in the wallet, so the run records that payment on the
 * application date (an application whose own share is not paid by its deadline lapses); result
 * is "eligible", "capped" (eligible, the aid cut by the year's ceiling), "not eligible: CODE ..."
 * (every blocking reason), or "refused: CODE ...: message" for a line the engine cannot take.
 * Then the totals of the answered invoices, per company in order of appearance and overall:
 *   acme,total,,26500.00,7500.00,19000.00,5565.00,,invoices: 4
 *   all,total,,...
 *
 * Build and run:
 *   cc invoices.c $(pkg-config --cflags --libs kmo) -o invoices && ./invoices invoices.csv */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kmo.h"

#define COLUMNS 8
static const char *const COLUMN[COLUMNS] = {"company", "date", "size_class", "service",
                                            "theme", "subtheme", "start_date", "amount"};

/* One company: its wallet and its totals. */
struct company {
    char *name;
    kmo_wallet *wallet;
    int64_t amount, aid, own_share, vat;
    int invoices;
};

struct companies {
    struct company *all;
    size_t count, capacity;
};

static struct company *company_named(struct companies *list, const char *name) {
    for (size_t i = 0; i < list->count; i++) {
        if (strcmp(list->all[i].name, name) == 0) {
            return &list->all[i];
        }
    }
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? 2 * list->capacity : 8;
        struct company *grown = realloc(list->all, capacity * sizeof *grown);
        if (grown == NULL) {
            return NULL;
        }
        list->all = grown;
        list->capacity = capacity;
    }
    struct company *c = &list->all[list->count];
    memset(c, 0, sizeof *c);
    c->name = strdup(name);
    c->wallet = kmo_wallet_new();
    if (c->name == NULL || c->wallet == NULL) {
        free(c->name);
        kmo_wallet_free(c->wallet);
        return NULL;
    }
    list->count++;
    return c;
}

/* A CSV field: as it is, or quoted when it holds a comma, a quote or a line break. */
static void put_field(FILE *out, const char *text) {
    if (strpbrk(text, ",\"\r\n") == NULL) {
        fputs(text, out);
        return;
    }
    fputc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"') {
            fputc('"', out);
        }
        fputc(*p, out);
    }
    fputc('"', out);
}

static void put_money(FILE *out, int64_t cents) {
    char text[KMO_MONEY_TEXT_SIZE];
    size_t written;
    if (kmo_money_format(cents, text, sizeof text, &written, NULL) != KMO_STATUS_OK) {
        snprintf(text, sizeof text, "?");
    }
    fputs(text, out);
}

/* "refused: CODE at COLUMN: message" (or without the column for a refusal of the wallet). */
static void refusal(char *result, size_t size, const kmo_error *error, const char *column, kmo_status status) {
    if (error == NULL) {
        char message[128];
        size_t written;
        kmo_status_message(status, message, sizeof message, &written);
        snprintf(result, size, "refused: %s", message);
    } else if (column != NULL) {
        snprintf(result, size, "refused: %s at %s: %s", kmo_error_code(error), column,
                 kmo_error_message(error, KMO_LANG_EN));
    } else {
        snprintf(result, size, "refused: %s: %s", kmo_error_code(error), kmo_error_message(error, KMO_LANG_EN));
    }
}

/* Splits a line into its fields in place; returns how many there are. */
static size_t split(char *line, char **fields, size_t max) {
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *comma = strchr(p, ',');
        if (n < max) {
            fields[n] = p;
        }
        n++;
        if (comma == NULL) {
            break;
        }
        *comma = '\0';
        p = comma + 1;
    }
    return n;
}

/* Reads the fields of an invoice into a quote request; on a refusal writes the result. */
static int read_invoice(char **f, kmo_quote_request *r, char *result, size_t size) {
    kmo_error *error = NULL;
    kmo_status status = KMO_STATUS_OK;
    int64_t cents = 0;
    const char *column = NULL;
    if ((status = kmo_date_parse(f[1], strlen(f[1]), &r->application_date, &error)) != KMO_STATUS_OK) {
        column = COLUMN[1];
    } else if ((status = kmo_code_number(KMO_CODES_SIZE_CLASS, f[2], strlen(f[2]), &r->size_class, &error)) != KMO_STATUS_OK) {
        column = COLUMN[2];
    } else if ((status = kmo_code_number(KMO_CODES_SERVICE_KIND, f[3], strlen(f[3]), &r->service_kind, &error)) != KMO_STATUS_OK) {
        column = COLUMN[3];
    } else if (*f[4] && (status = kmo_code_number(KMO_CODES_THEME, f[4], strlen(f[4]), &r->theme, &error)) != KMO_STATUS_OK) {
        column = COLUMN[4];
    } else if (*f[5] && (status = kmo_code_number(KMO_CODES_SUBTHEME, f[5], strlen(f[5]), &r->subtheme, &error)) != KMO_STATUS_OK) {
        column = COLUMN[5];
    } else if (*f[6] && (status = kmo_date_parse(f[6], strlen(f[6]), &r->start_date, &error)) != KMO_STATUS_OK) {
        column = COLUMN[6];
    } else if ((status = kmo_money_parse(f[7], strlen(f[7]), &cents, &error)) != KMO_STATUS_OK) {
        column = COLUMN[7];
    }
    r->cost_cents = cents;
    if (status != KMO_STATUS_OK) {
        refusal(result, size, error, column, status);
    }
    kmo_error_free(error);
    return status == KMO_STATUS_OK;
}

/* "not eligible: CODE CODE ...", every blocking reason in the order the rules run. */
static void not_eligible(char *result, size_t size, uint64_t blocking) {
    size_t used = (size_t)snprintf(result, size, "not eligible:");
    for (uint32_t n = 1; n <= 64 && used < size; n++) {
        if (blocking & (UINT64_C(1) << (n - 1))) {
            char code[KMO_CODE_TEXT_SIZE];
            size_t written;
            if (kmo_code_text(KMO_CODES_FINDING, n, code, sizeof code, &written) == KMO_STATUS_OK) {
                used += (size_t)snprintf(result + used, size - used, " %s", code);
            }
        }
    }
}

static void put_total(FILE *out, const char *name, int64_t amount, int64_t aid, int64_t own_share, int64_t vat, int invoices) {
    put_field(out, name);
    fputs(",total,,", out);
    put_money(out, amount);
    fputc(',', out);
    put_money(out, aid);
    fputc(',', out);
    put_money(out, own_share);
    fputc(',', out);
    put_money(out, vat);
    fprintf(out, ",,invoices: %d\n", invoices);
}

int main(int argc, char **argv) {
    FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
    if (in == NULL) {
        perror(argv[1]);
        return 2;
    }
    struct companies companies = {NULL, 0, 0};
    char *line = NULL;
    size_t capacity = 0;
    ssize_t n;
    int line_number = 0;
    int status = 0;
    FILE *out = stdout;
    fputs("company,date,service,amount,aid,own_share,vat,application,result\n", out);
    while ((n = getline(&line, &capacity, in)) != -1) {
        line_number++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        if (line_number == 1 || n == 0) {
            continue; /* the header line, and empty lines */
        }
        char *f[COLUMNS];
        char result[512];
        size_t fields = split(line, f, COLUMNS);
        if (fields != COLUMNS) {
            fprintf(stderr, "line %d: %zu fields, expected %d\n", line_number, fields, COLUMNS);
            status = 1;
            continue;
        }
        struct company *company = company_named(&companies, f[0]);
        if (company == NULL) {
            fprintf(stderr, "out of memory\n");
            status = 2;
            break;
        }
        kmo_quote_request request = KMO_QUOTE_REQUEST_INIT;
        kmo_quote_result quote;
        uint32_t id = 0;
        int answered = 0;
        if (read_invoice(f, &request, result, sizeof result)) {
            kmo_error *error = NULL;
            kmo_status s = kmo_wallet_apply(company->wallet, &request, &id, &quote, &error);
            if (s == KMO_STATUS_OK && id != 0 && quote.own_share_cents > 0) {
                kmo_payment paid;
                s = kmo_wallet_pay(company->wallet, id, request.application_date, quote.own_share_cents,
                                   &paid, &error);
            }
            if (s == KMO_STATUS_OK) {
                answered = 1;
                if (quote.eligible) {
                    snprintf(result, sizeof result, "%s", quote.capped ? "capped" : "eligible");
                } else {
                    not_eligible(result, sizeof result, quote.blocking);
                }
            } else {
                refusal(result, sizeof result, error, NULL, s);
            }
            kmo_error_free(error);
        }
        put_field(out, f[0]);
        fputc(',', out);
        put_field(out, f[1]);
        fputc(',', out);
        put_field(out, f[3]);
        fputc(',', out);
        if (answered) {
            put_money(out, request.cost_cents);
            fputc(',', out);
            put_money(out, quote.aid_cents);
            fputc(',', out);
            put_money(out, quote.own_share_cents);
            fputc(',', out);
            put_money(out, quote.vat_cents);
            fputc(',', out);
            if (id != 0) {
                fprintf(out, "%" PRIu32, id);
            }
            company->amount += request.cost_cents;
            company->aid += quote.aid_cents;
            company->own_share += quote.own_share_cents;
            company->vat += quote.vat_cents;
            company->invoices++;
        } else {
            put_field(out, f[7]); /* the amount as given; no aid, own share, VAT or id */
            fputs(",,,,", out);
        }
        fputc(',', out);
        put_field(out, result);
        fputc('\n', out);
    }
    int64_t amount = 0, aid = 0, own_share = 0, vat = 0;
    int invoices = 0;
    for (size_t i = 0; i < companies.count; i++) {
        struct company *c = &companies.all[i];
        put_total(out, c->name, c->amount, c->aid, c->own_share, c->vat, c->invoices);
        amount += c->amount;
        aid += c->aid;
        own_share += c->own_share;
        vat += c->vat;
        invoices += c->invoices;
        kmo_wallet_free(c->wallet);
        free(c->name);
    }
    put_total(out, "all", amount, aid, own_share, vat, invoices);
    free(companies.all);
    free(line);
    if (in != stdin) {
        fclose(in);
    }
    return status;
}
