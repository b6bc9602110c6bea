// The header compiles as C++ and links with C linkage; its struct tags can be forward-declared.
#include <cstdint>

struct kmo_quote_request;
struct kmo_quote_result;
struct kmo_wallet;
enum kmo_status : std::uint32_t; // an opaque declaration of the enum, with its fixed type
static bool is_null(const kmo_wallet *w) { return w == nullptr; }

#include "kmo.h"

#include <cstring>
#include <type_traits>

static_assert(sizeof(kmo_status) == sizeof(std::uint32_t), "kmo_status is 32 bits");
static_assert(std::is_same<std::underlying_type<kmo_status>::type, std::uint32_t>::value,
              "kmo_status is a uint32_t");
static_assert(sizeof(kmo_size_class) == 4, "kmo_size_class is 32 bits");

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
    kmo_wallet *w = kmo_wallet_new();
    if (is_null(w)) {
        return 1;
    }
    kmo_wallet_free(w);
    if (kmo_version_number() != KMO_VERSION_NUMBER) {
        return 1;
    }
    return std::strlen(kmo_version()) > 0 ? 0 : 1;
}
