// The header compiles as C++ and links with C linkage; its struct tags can be forward-declared;
// every _INIT macro initialises its struct in C++ as in C, with no old-style cast
// (-Wold-style-cast -Werror) and no missing field.
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
    if (r.struct_size != sizeof r || r.vat_rate_bp != KMO_VAT_RATE_DEFAULT || r.provider != nullptr) {
        return 1;
    }
    kmo_cost_line line = KMO_COST_LINE_INIT;
    kmo_de_minimis_aid aid = KMO_DE_MINIMIS_AID_INIT;
    kmo_classification c = KMO_CLASSIFICATION_INIT;
    kmo_rulebook b = KMO_RULEBOOK_INIT;
    kmo_payment p = KMO_PAYMENT_INIT;
    kmo_settlement s = KMO_SETTLEMENT_INIT;
    kmo_wallet_application a = KMO_WALLET_APPLICATION_INIT;
    kmo_year_budget y = KMO_YEAR_BUDGET_INIT;
    kmo_finding f = KMO_FINDING_INIT;
    kmo_registration_plan plan = KMO_REGISTRATION_PLAN_INIT;
    if (plan.struct_size != sizeof plan || plan.planned ||line.struct_size != sizeof line || aid.struct_size != sizeof aid || c.struct_size != sizeof c ||
        b.struct_size != sizeof b || p.struct_size != sizeof p || s.struct_size != sizeof s ||
        a.struct_size != sizeof a || a.settlement.struct_size != sizeof s || y.struct_size != sizeof y ||
        f.struct_size != sizeof f) {
        return 1;
    }
    kmo_sme_enterprise me = KMO_SME_ENTERPRISE_INIT;
    kmo_sme_period period = KMO_SME_PERIOD_INIT;
    kmo_sme_entity entity = KMO_SME_ENTITY_INIT;
    kmo_sme_staff_member member = KMO_SME_STAFF_MEMBER_INIT;
    if (member.struct_size != sizeof member || member.months != 12 || member.fte_bp != 10000 || me.struct_size != sizeof me || period.struct_size != sizeof period || entity.struct_size != sizeof entity ||
        r.size_definition != nullptr || KMO_QUOTE_REQUEST_V3_SIZE + sizeof(void *) != sizeof r) {
        return 1;
    }
    kmo_sme_definition *definition = kmo_sme_definition_new();
    period.staff_awu_milli = 9000;
    if (kmo_sme_definition_set_enterprise(definition, &me, nullptr) != KMO_STATUS_OK ||
        kmo_sme_definition_add_period(definition, &period, nullptr) != KMO_STATUS_OK ||
        kmo_classify_definition(definition, &c, nullptr) != KMO_STATUS_OK || c.size_class != KMO_SIZE_MICRO) {
        return 1;
    }
    kmo_sme_definition_free(definition);
    r.application_date = 20260310;
    r.size_class = KMO_SIZE_SMALL;
    r.service_kind = KMO_SERVICE_TRAINING;
    r.theme = KMO_THEME_INNOVATIE;
    r.cost_cents = 200000;
    kmo_quote_result q = KMO_QUOTE_RESULT_INIT;
    if (q.struct_size != sizeof q || q.registration.struct_size != sizeof plan) {
        return 1;
    }
    kmo_findings *findings = nullptr;
    if (kmo_quote(&r, &q, &findings, nullptr) != KMO_STATUS_OK || q.aid_cents != 60000 || q.vat_cents != 42000 ||
        kmo_findings_count(findings) != q.finding_count) {
        return 1;
    }
    kmo_findings_free(findings);
    kmo_error *error = nullptr;
    r.cost_cents = -1;
    if (kmo_quote(&r, &q, nullptr, &error) != KMO_STATUS_INVALID_INPUT ||
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
    if (std::strcmp(kmo_status_str(KMO_STATUS_OK), "ok") != 0 || kmo_version_number() != KMO_VERSION_NUMBER) {
        return 1;
    }
    return std::strlen(kmo_version()) > 0 ? 0 : 1;
}
