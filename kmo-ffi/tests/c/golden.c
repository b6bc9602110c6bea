/* The golden suite through kmo_assess_json: one request per input line, one response per
 * output line. The Rust test writes the requests and checks the responses, vector for vector,
 * against the vectors and against the Rust face. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kmo.h"

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: golden <requests.ndjson> <responses.ndjson>\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    FILE *out = fopen(argv[2], "w");
    if (in == NULL || out == NULL) {
        perror("golden");
        return 2;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int count = 0;
    while ((n = getline(&line, &cap, in)) != -1) {
        size_t len = (size_t)n;
        if (len > 0 && line[len - 1] == '\n') {
            len--;
        }
        char *json = NULL;
        size_t json_len = 0;
        kmo_status status = kmo_assess_json(line, len, &json, &json_len);
        if (json == NULL) {
            fprintf(stderr, "request %d: status %d and no document\n", count, (int)status);
            return 1;
        }
        /* A non-zero status must come with an error document, and only then. */
        int is_error = strncmp(json, "{\"error\"", 8) == 0;
        if ((status != KMO_STATUS_OK) != is_error) {
            fprintf(stderr, "request %d: status %d does not match the document\n", count, (int)status);
            return 1;
        }
        if (strlen(json) != json_len) {
            fprintf(stderr, "request %d: out_len %zu but strlen %zu\n", count, json_len, strlen(json));
            return 1;
        }
        fputs(json, out);
        fputc('\n', out);
        kmo_string_free(json);
        count++;
    }
    free(line);
    fclose(in);
    fclose(out);
    printf("%d requests answered\n", count);
    return 0;
}
