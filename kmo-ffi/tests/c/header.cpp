// The header compiles as C++ and links with C linkage; its struct tags can be forward-declared;
// KMO_QUOTE_REQUEST_INIT initialises a request in C++ as in C.
#include <cstdint>

struct kmo_quote_request;
struct kmo_quote_result;
struct kmo_wallet;
struct kmo_error;
enum kmo_status : std::uint32_t; // an opaque declaration of the enum, with its fixed type
static bool is_null(const kmo_wallet *w) { return w == nullptr; }

#include "kmo.h"

#include <cstring>
#include <type_traits>

static_assert(sizeof(kmo_status) == sizeof(std::uint32_t), "kmo_status is 32 bits");
static_assert(std::is_same<std::underlying_type<kmo_status>::type, std::uint32_t>::value,
              "kmo_status is a uint32_t");
static_assert(sizeof(kmo_size_class) == 4, "kmo_size_class is 32 bits");
static_assert(std::is_same<std::underlying_type<kmo_finding_code>::type, std::uint32_t>::value,
              "kmo_finding_code is a uint32_t");

int main() {
    kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
    if (r.struct_size != sizeof r || r.vat_rate_bp != KMO_VAT_RATE_DEFAULT) {
        return 1;
    }
    r.application_date = 20260310;
    r.size_class = KMO_SIZE_SMALL;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_INNOVATIE;
    r.cost_cents = 200000;
    kmo_quote_result q{};
    if (kmo_quote(&r, &q, nullptr) != KMO_STATUS_OK || q.aid_cents != 60000 || q.vat_cents != 42000) {
        return 1;
    }
    kmo_error *error = nullptr;
    r.cost_cents = -1;
    if (kmo_quote(&r, &q, &error) != KMO_STATUS_INVALID_INPUT ||
        std::strcmp(kmo_error_code(error), "NEGATIVE_AMOUNT") != 0) {
        return 1;
    }
    kmo_error_free(error);
    kmo_service_kind kind = KMO_SERVICE_NONE;
    char canonical[16];
    std::size_t written = 0;
    if (kmo_provider_number_check("DVO236459", 9, &kind, canonical, sizeof canonical, &written, nullptr) !=
            KMO_STATUS_OK ||
        kind != KMO_SERVICE_TRAINING) {
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
