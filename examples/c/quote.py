"""Quote one training through libkmo's typed calls with Python's ctypes (set KMO_LIB to libkmo.so):
the request and the answer as ctypes structures mirroring kmo.h, the findings explained in Dutch."""
import ctypes, os, sys

lib = ctypes.CDLL(os.environ.get("KMO_LIB", "libkmo.so"))
u32, i32, i64, size_t, char_p = ctypes.c_uint32, ctypes.c_int32, ctypes.c_int64, ctypes.c_size_t, ctypes.c_char_p


class QuoteRequest(ctypes.Structure):  # kmo_quote_request, version 3
    _fields_ = [("struct_size", u32), ("application_date", i32), ("start_date", i32), ("size_class", u32),
                ("service_kind", u32), ("theme", u32), ("subtheme", u32), ("vat_rate_bp", u32),
                ("cost_cents", i64), ("aid_used_cents", i64), ("own_share_deadline", u32), ("approval_date", i32),
                ("legal_form", u32), ("flemish_establishment", u32), ("public_bodies_bp", u32),
                ("maatwerkbedrijf", u32), ("related_to_provider", u32), ("active_in_kbo", u32),
                ("year_size_class", u32), ("excluded_topic", u32), ("portal_registration_date", i32),
                ("fiscal_year_end", u32), ("size_from_figures", u32), ("first_time", u32), ("staff_awu_milli", i64),
                ("turnover_cents", i64), ("balance_sheet_cents", i64), ("nace", char_p), ("enterprise_number", char_p),
                ("provider", char_p), ("lines", ctypes.c_void_p), ("line_count", size_t),
                ("de_minimis", ctypes.c_void_p), ("de_minimis_count", size_t)]


class RegistrationPlan(ctypes.Structure):  # kmo_registration_plan
    _fields_ = [("struct_size", u32)] + [(n, ctypes.c_bool) for n in ("planned", "letter_after_deadline",
                                                                     "link_expires_first")] + \
               [(n, i32) for n in ("registered", "register_by", "letter_expected", "link_valid_until", "apply_from",
                                   "apply_until", "pay_own_share_by")]


class QuoteResult(ctypes.Structure):  # kmo_quote_result
    _fields_ = [("struct_size", u32), ("eligible", ctypes.c_bool), ("capped", ctypes.c_bool),
                ("is_sme", ctypes.c_bool), ("small_mid_cap", ctypes.c_bool)] + \
               [(n, u32) for n in ("size_class", "wallet_class", "rate_bp", "public_share_bp", "blocking_count",
                                   "first_blocking", "finding_count")] + \
               [(n, i32) for n in ("apply_by", "pay_own_share_by", "complete_by", "rulebook_valid_from")] + \
               [("own_share_deadline", u32)] + \
               [(n, i64) for n in ("eligible_cost_cents", "invoiced_cents", "aid_before_ceiling_cents", "aid_cents",
                                   "own_share_cents", "vat_cents", "ceiling_cents", "ceiling_left_cents")] + \
               [("registration", RegistrationPlan)]


class Finding(ctypes.Structure):  # kmo_finding
    _fields_ = [("struct_size", u32), ("code", u32), ("severity", u32), ("reference", char_p)]


SIZE_SMALL, SIZE_LARGE, TRAINING, THEME_PERSONEELSMANAGEMENT, YES = 2, 4, 1, 8, 1
SEVERITY_BLOCKING, LANG_NL, CODES_LEGAL_FORM, VAT_RATE_DEFAULT = 3, 1, 9, 0xFFFFFFFF
lib.kmo_quote.argtypes = [ctypes.POINTER(QuoteRequest), ctypes.POINTER(QuoteResult), ctypes.POINTER(ctypes.c_void_p),
                          ctypes.POINTER(ctypes.c_void_p)]
lib.kmo_findings_count.argtypes = [ctypes.c_void_p]
lib.kmo_findings_count.restype = size_t
lib.kmo_findings_get.argtypes = [ctypes.c_void_p, size_t, ctypes.POINTER(Finding)]
lib.kmo_finding_message.argtypes = [ctypes.c_void_p, size_t, u32]
lib.kmo_finding_message.restype = char_p
lib.kmo_findings_free.argtypes = [ctypes.c_void_p]
lib.kmo_money_format.argtypes = [i64, ctypes.c_char_p, size_t, ctypes.POINTER(size_t), ctypes.c_void_p]
lib.kmo_code_number.argtypes = [u32, char_p, size_t, ctypes.POINTER(u32), ctypes.c_void_p]


def money(cents):
    text, written = ctypes.create_string_buffer(24), size_t()
    lib.kmo_money_format(cents, text, len(text), ctypes.byref(written), None)
    return text.value.decode()


def quote(request):
    result, findings = QuoteResult(struct_size=ctypes.sizeof(QuoteResult)), ctypes.c_void_p()
    status = lib.kmo_quote(ctypes.byref(request), ctypes.byref(result), ctypes.byref(findings), None)
    return status, result, findings


bv = u32()
lib.kmo_code_number(CODES_LEGAL_FORM, b"bv", 2, ctypes.byref(bv), None)
request = QuoteRequest(struct_size=ctypes.sizeof(QuoteRequest), application_date=20260310, start_date=20260302,
                       size_class=SIZE_SMALL, service_kind=TRAINING, theme=THEME_PERSONEELSMANAGEMENT,
                       vat_rate_bp=VAT_RATE_DEFAULT, cost_cents=200000, legal_form=bv.value,
                       flemish_establishment=YES, provider=b"DV.O236459")
status, q, findings = quote(request)
print(status, money(q.aid_cents), money(q.own_share_cents), money(q.vat_cents))
lib.kmo_findings_free(findings)

request.size_class = SIZE_LARGE  # not an SME: why not, in Dutch
status, q, findings = quote(request)
for i in range(lib.kmo_findings_count(findings)):
    f = Finding(struct_size=ctypes.sizeof(Finding))
    if lib.kmo_findings_get(findings, i, ctypes.byref(f)) == 0 and f.severity == SEVERITY_BLOCKING:
        print(f.reference.decode() + ":", lib.kmo_finding_message(findings, i, LANG_NL).decode())
lib.kmo_findings_free(findings)
sys.exit(0 if status == 0 else 1)
