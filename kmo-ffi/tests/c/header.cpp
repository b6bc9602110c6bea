// The header compiles as C++ and links with C linkage.
#include "kmo.h"

#include <cstring>

int main() {
    kmo_quote_request r{};
    r.application_date = 20260310;
    r.size_class = KMO_SIZE_SMALL;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_INNOVATIE;
    r.cost_cents = 200000;
    r.vat_rate_bp = 2100;
    kmo_quote_result q{};
    if (kmo_quote(&r, &q) != KMO_STATUS_OK || q.aid_cents != 60000) {
        return 1;
    }
    return std::strlen(kmo_version()) > 0 ? 0 : 1;
}
