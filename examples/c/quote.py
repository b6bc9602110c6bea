"""Assess one application through libkmo with Python's ctypes (set KMO_LIB to libkmo.so)."""
import ctypes, json, os, sys

lib = ctypes.CDLL(os.environ.get("KMO_LIB", "libkmo.so"))
lib.kmo_assess_json.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
lib.kmo_assess_json.restype = ctypes.c_int
lib.kmo_string_free.argtypes = [ctypes.c_void_p]

request = json.dumps({
    "application_date": "2026-03-10",
    "enterprise": {"legal_form": "bv", "size": {"class": "small"}},
    "service": {"kind": "training", "theme": "personeelsmanagement", "cost": "2000.00"},
}).encode()
out, length = ctypes.c_void_p(), ctypes.c_size_t()
status = lib.kmo_assess_json(request, len(request), ctypes.byref(out), ctypes.byref(length))
response = json.loads(ctypes.string_at(out, length.value))
lib.kmo_string_free(out)
print(status, response.get("aid"), response.get("own_share"), response.get("vat"))
sys.exit(0 if status == 0 else 1)
