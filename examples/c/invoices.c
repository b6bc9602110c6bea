/* An invoice run, as accounting software does it, with the typed calls only (no JSON): read a
 * CSV of invoices, keep one kmo-portefeuille wallet per company (so a company's invoices
 * share the year's ceiling and the size class its first application fixed), and write per
 * invoice the aid, the own share the company pays into the wallet, the VAT it pays the
 * provider, what is left of the year's ceiling and the deadlines; why an invoice gets no aid
 * is explained in the customer's language. Every amount is integer cents; the engine decides
 * every number and writes every text.
 *
 * Input, one invoice per line after a header line (no quoted fields):
 *   company,lang,date,legal_form,size_class,service,theme,subtheme,provider,start_date,amount
 *   acme,nl,2026-02-02,bv,small,training,innovatie,,DV.O236459,2026-02-02,20000.00
 * lang is the customer's language (nl, fr, en); date is the application date; legal_form,
 * theme, subtheme, provider and start_date may be empty; amount is the cost excluding VAT in
 * euro. A company's invoices must come in application-date order within a year (the wallet
 * refuses an earlier one: sort them first).
 *
 * Output, CSV:
 *   company,date,service,amount,aid,own_share,vat,ceiling_left,apply_by,pay_own_share_by,
 *   complete_by,application,result
 * application is the wallet's id of the recorded application (empty when not recorded; the
 * wallet numbers every request it assesses in the order they come, so an invoice that is not
 * eligible uses up a number). An invoice is sent once the own share is in the wallet, so the
 * run pays it in on the application date (an application whose own share is not paid by its
 * deadline lapses, and its aid returns to the year's ceiling). result is "eligible", "capped"
 * (eligible, the aid cut by the year's ceiling), "not eligible: CODE: message | CODE:
 * message" (every blocking reason), or "refused: CODE at COLUMN: message" for a line the
 * engine cannot take (the column it is about, when there is one). Then the totals of the
 * answered invoices, per company in order of appearance and overall:
 *   acme,total,,26500.00,7500.00,19000.00,5565.00,,,,,,invoices: 4
 *
 * Build and run:
 *   cc invoices.c $(pkg-config --cflags --libs kmo) -o invoices && ./invoices invoices.csv */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kmo.h"

enum { COMPANY, LANG, DATE, LEGAL_FORM, SIZE_CLASS, SERVICE, THEME, SUBTHEME, PROVIDER, START_DATE, AMOUNT, COLUMNS };
static const char *const COLUMN[COLUMNS] = {"company", "lang",    "date",     "legal_form", "size_class", "service",
                                            "theme",   "subtheme", "provider", "start_date", "amount"};

/* The CSV column of a request field an error names (kmo_error_path), or NULL. */
static const char *column_of(const char *field) {
    static const char *const FIELDS[][2] = {
        {"application_date", "date"}, {"legal_form", "legal_form"}, {"size_class", "size_class"},
        {"service_kind", "service"},  {"theme", "theme"},           {"subtheme", "subtheme"},
        {"provider", "provider"},     {"start_date", "start_date"}, {"cost_cents", "amount"},
    };
    for (size_t i = 0; i < sizeof FIELDS / sizeof FIELDS[0]; i++) {
        if (strcmp(field, FIELDS[i][0]) == 0) {
            return FIELDS[i][1];
        }
    }
    return NULL;
}

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
    fputs(kmo_money_format(cents, text, sizeof text, &written, NULL) == KMO_STATUS_OK ? text : "?", out);
}

/* A date, or nothing for 0 (a deadline that does not apply). */
static void put_date(FILE *out, int32_t date) {
    char text[KMO_DATE_TEXT_SIZE];
    size_t written;
    if (date != 0) {
        fputs(kmo_date_format(date, text, sizeof text, &written, NULL) == KMO_STATUS_OK ? text : "?", out);
    }
}

/* Appends text to a result, as far as it fits. */
static void append(char *result, size_t size, const char *text) {
    size_t used = strlen(result);
    if (used + 1 < size) {
        snprintf(result + used, size - used, "%s", text);
    }
}

/* "refused: CODE at COLUMN: message" in the customer's language (the column a CSV value was
 * read from, else the column of the field the error names, if any). */
static void refusal(char *result, size_t size, const kmo_error *error, const char *column, kmo_status status, uint32_t lang) {
    if (error == NULL) { /* nothing more to say than the status */
        snprintf(result, size, "refused: %s", kmo_status_str(status));
        return;
    }
    if (column == NULL) {
        column = column_of(kmo_error_path(error));
    }
    snprintf(result, size, "refused: %s", kmo_error_code(error));
    if (column != NULL) {
        append(result, size, " at ");
        append(result, size, column);
    }
    append(result, size, ": ");
    append(result, size, kmo_error_message(error, lang));
}

/* "not eligible: CODE: message | CODE: message", every blocking reason in the order the rules
 * run, its message in the customer's language. */
static void not_eligible(char *result, size_t size, const kmo_findings *findings, uint32_t lang) {
    snprintf(result, size, "not eligible:");
    const char *separator = " ";
    for (size_t i = 0; i < kmo_findings_count(findings); i++) {
        kmo_finding f = KMO_FINDING_INIT;
        char code[KMO_CODE_TEXT_SIZE];
        size_t written;
        if (kmo_findings_get(findings, i, &f) != KMO_STATUS_OK || f.severity != KMO_SEVERITY_BLOCKING ||
            kmo_code_text(KMO_CODES_FINDING, f.code, code, sizeof code, &written) != KMO_STATUS_OK) {
            continue;
        }
        append(result, size, separator);
        append(result, size, code);
        append(result, size, ": ");
        append(result, size, kmo_finding_message(findings, i, lang));
        separator = " | ";
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

/* A code of a list, unless the field is empty. */
static kmo_status code(uint32_t list, const char *text, uint32_t *out, kmo_error **error) {
    return *text ? kmo_code_number(list, text, strlen(text), out, error) : KMO_STATUS_OK;
}

/* Reads an invoice into a request, in the order the JSON document is read; the customer's
 * language into *lang. On a refusal writes the result and returns 0. */
static int read_invoice(char **f, kmo_quote_request *r, char *provider, size_t provider_size, uint32_t *lang,
                        char *result, size_t size) {
    kmo_error *error = NULL;
    kmo_status status = KMO_STATUS_OK;
    int column = -1;
    size_t written;
    kmo_service_kind registered;
    *lang = KMO_LANG_EN; /* until the customer's is read */
    if ((status = kmo_code_number(KMO_CODES_LANG, f[LANG], strlen(f[LANG]), lang, &error)) != KMO_STATUS_OK) {
        column = LANG;
    } else if ((status = kmo_date_parse(f[DATE], strlen(f[DATE]), &r->application_date, &error)) != KMO_STATUS_OK) {
        column = DATE;
    } else if ((status = code(KMO_CODES_LEGAL_FORM, f[LEGAL_FORM], &r->legal_form, &error)) != KMO_STATUS_OK) {
        column = LEGAL_FORM;
    } else if ((status = kmo_code_number(KMO_CODES_SIZE_CLASS, f[SIZE_CLASS], strlen(f[SIZE_CLASS]), &r->size_class, &error)) !=
               KMO_STATUS_OK) {
        column = SIZE_CLASS;
    } else if ((status = kmo_code_number(KMO_CODES_SERVICE_KIND, f[SERVICE], strlen(f[SERVICE]), &r->service_kind, &error)) !=
               KMO_STATUS_OK) {
        column = SERVICE;
    } else if ((status = kmo_money_parse(f[AMOUNT], strlen(f[AMOUNT]), &r->cost_cents, &error)) != KMO_STATUS_OK) {
        column = AMOUNT;
    } else if ((status = code(KMO_CODES_THEME, f[THEME], &r->theme, &error)) != KMO_STATUS_OK) {
        column = THEME;
    } else if ((status = code(KMO_CODES_SUBTHEME, f[SUBTHEME], &r->subtheme, &error)) != KMO_STATUS_OK) {
        column = SUBTHEME;
    } else if (*f[PROVIDER] && (status = kmo_provider_number_check(f[PROVIDER], strlen(f[PROVIDER]), &registered, provider,
                                                                  provider_size, &written, &error)) != KMO_STATUS_OK) {
        column = PROVIDER;
    } else if (*f[START_DATE] && (status = kmo_date_parse(f[START_DATE], strlen(f[START_DATE]), &r->start_date, &error)) !=
                                     KMO_STATUS_OK) {
        column = START_DATE;
    }
    r->provider = *f[PROVIDER] ? provider : NULL;
    if (status != KMO_STATUS_OK) {
        refusal(result, size, error, COLUMN[column], status, *lang);
    }
    kmo_error_free(error);
    return status == KMO_STATUS_OK;
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
    fprintf(out, ",,,,,,invoices: %d\n", invoices);
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
    fputs("company,date,service,amount,aid,own_share,vat,ceiling_left,apply_by,pay_own_share_by,complete_by,application,"
          "result\n",
          out);
    while ((n = getline(&line, &capacity, in)) != -1) {
        line_number++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        if (line_number == 1 || n == 0) {
            continue; /* the header line, and empty lines */
        }
        char *f[COLUMNS];
        char result[2048];
        size_t fields = split(line, f, COLUMNS);
        if (fields != COLUMNS) {
            fprintf(stderr, "line %d: %zu fields, expected %d\n", line_number, fields, COLUMNS);
            status = 1;
            continue;
        }
        struct company *company = company_named(&companies, f[COMPANY]);
        if (company == NULL) {
            fprintf(stderr, "out of memory\n");
            status = 2;
            break;
        }
        kmo_quote_request request = KMO_QUOTE_REQUEST_INIT;
        kmo_quote_result quote = KMO_QUOTE_RESULT_INIT;
        char provider[32];
        uint32_t lang = KMO_LANG_EN;
        uint32_t id = 0;
        int answered = 0;
        if (read_invoice(f, &request, provider, sizeof provider, &lang, result, sizeof result)) {
            kmo_error *error = NULL;
            kmo_findings *findings = NULL;
            kmo_status s = kmo_wallet_apply(company->wallet, &request, &id, &quote, &findings, &error);
            if (s == KMO_STATUS_OK && id != 0 && quote.own_share_cents > 0) {
                kmo_payment paid = KMO_PAYMENT_INIT;
                s = kmo_wallet_pay(company->wallet, id, request.application_date, quote.own_share_cents, &paid, &error);
            }
            if (s == KMO_STATUS_OK) {
                answered = 1;
                if (quote.eligible) {
                    snprintf(result, sizeof result, "%s", quote.capped ? "capped" : "eligible");
                } else {
                    not_eligible(result, sizeof result, findings, lang);
                }
            } else {
                refusal(result, sizeof result, error, NULL, s, lang);
            }
            kmo_findings_free(findings);
            kmo_error_free(error);
        }
        put_field(out, f[COMPANY]);
        fputc(',', out);
        put_field(out, f[DATE]);
        fputc(',', out);
        put_field(out, f[SERVICE]);
        fputc(',', out);
        if (answered) {
            int64_t amounts[] = {request.cost_cents, quote.aid_cents, quote.own_share_cents, quote.vat_cents,
                                 quote.ceiling_left_cents};
            for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
                put_money(out, amounts[i]);
                fputc(',', out);
            }
            put_date(out, quote.apply_by);
            fputc(',', out);
            put_date(out, quote.pay_own_share_by);
            fputc(',', out);
            put_date(out, quote.complete_by);
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
            put_field(out, f[AMOUNT]); /* the amount as given; nothing else */
            fputs(",,,,,,,,,", out);
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
