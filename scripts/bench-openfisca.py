"""The side-by-side with OpenFisca that `scripts/bench` runs: the same generated applications,
the same rule, both engines in the same run, alternating rounds, wrong cents counted.

The rule, per application: the size class from staff, turnover and balance sheet (REC-2003/361
art. 2: fewer than 10 / 50 / 250 AWU, and a turnover or a balance sheet within EUR 2 / 10 / 50
and 43 million); 30 % of the cost for a micro or small enterprise, 20 % for a medium one,
nothing for a large one; capped at what is left of the EUR 7 500 ceiling; the own share; VAT at
21 %. A training on personnel management, applied for on 2026-03-10.

- kmo: `kmo-core/examples/side_by_side.rs` (classify, the quick question checked, the quick
  quote), run as a process per round; it times its own loop.
- OpenFisca 46, vectorised: a tax-benefit system of one entity whose formulas are the rule above
  in numpy, as its documentation shows them (floats, OpenFisca's float32); per round a
  simulation of all the applications is built, its inputs set and its three outputs calculated.
- The reference: the rule in Python integers (cents, hundredths of an AWU, rounding half up),
  against which both engines' cents are counted.

Usage: `python bench-openfisca.py KMO_BINARY WORKDIR [N] [ROUNDS]`, inside a virtual environment
that has `openfisca-core` 46 (scripts/bench makes it). Prints one JSON object.
"""

import importlib.metadata
import json
import statistics
import subprocess
import sys
import time

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.periods import DateUnit
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable


def generate(n, seed=20260310):
    """n applications: staff, turnover, balance sheet, cost, aid used (integers), a tenth of
    them at the size ceilings, a cent or an AWU hundredth either side."""
    rng = np.random.default_rng(seed)
    staff = rng.integers(0, 30_000, n)  # hundredths of an AWU: 0-300
    turnover = rng.integers(0, 8_000_000_000, n)  # cents: 0-80 million euro
    balance = rng.integers(0, 6_000_000_000, n)
    cost = rng.integers(10_000, 4_000_000, n)  # EUR 100-40 000
    used = np.minimum(rng.integers(0, 900_000, n), 750_000)
    edge = rng.random(n) < 0.1
    k = int(edge.sum())
    staff[edge] = rng.choice([999, 1000, 4999, 5000, 24_999, 25_000], k)
    turnover[edge] = rng.choice([200_000_000, 1_000_000_000, 5_000_000_000], k) + rng.integers(-1, 2, k)
    balance[edge] = rng.choice([200_000_000, 1_000_000_000, 4_300_000_000], k) + rng.integers(-1, 2, k)
    return np.stack([staff, turnover, balance, cost, used], axis=1).astype(np.int64)


def reference(cases):
    """The rule in integers: aid, own share, VAT in cents."""
    staff, turnover, balance, cost, used = (cases[:, i] for i in range(5))
    micro = (staff < 1_000) & ((turnover <= 200_000_000) | (balance <= 200_000_000))
    small = (staff < 5_000) & ((turnover <= 1_000_000_000) | (balance <= 1_000_000_000))
    medium = (staff < 25_000) & ((turnover <= 5_000_000_000) | (balance <= 4_300_000_000))
    percent = np.select([micro | small, medium], [30, 20], 0)
    raw = (cost * percent + 50) // 100
    aid = np.minimum(raw, np.maximum(0, 750_000 - used))
    vat = (cost * 21 + 50) // 100
    return np.stack([aid, cost - aid, vat], axis=1)


# ---- OpenFisca: the rule as a tax-benefit system ------------------------------------------

Enterprise = build_entity(key="enterprise", plural="enterprises", label="An enterprise", is_person=True)


def variable(name, formula=None):
    attributes = {"value_type": float, "entity": Enterprise, "definition_period": DateUnit.YEAR, "label": name}
    if formula is not None:
        attributes["formula"] = formula
    return type(name, (Variable,), attributes)


def size_class(enterprise, period):
    staff = enterprise("staff_awu", period)
    turnover = enterprise("turnover", period)
    balance = enterprise("balance_sheet", period)
    return np.select(
        [
            (staff < 10) & ((turnover <= 2e6) | (balance <= 2e6)),
            (staff < 50) & ((turnover <= 1e7) | (balance <= 1e7)),
            (staff < 250) & ((turnover <= 5e7) | (balance <= 4.3e7)),
        ],
        [0, 1, 2],
        3,
    )


def aid_rate(enterprise, period):
    size = enterprise("size_class", period)
    return np.select([size <= 1, size == 2], [0.3, 0.2], 0)


def aid(enterprise, period):
    raw = np.round(enterprise("cost", period) * enterprise("aid_rate", period), 2)
    left = np.maximum(0, 7500 - enterprise("aid_used", period))
    return np.minimum(raw, left)


def own_share(enterprise, period):
    return enterprise("cost", period) - enterprise("aid", period)


def vat(enterprise, period):
    return np.round(enterprise("cost", period) * 0.21, 2)


def system():
    tbs = TaxBenefitSystem([Enterprise])
    for name in ["staff_awu", "turnover", "balance_sheet", "cost", "aid_used"]:
        tbs.add_variable(variable(name))
    for name, formula in [("size_class", size_class), ("aid_rate", aid_rate), ("aid", aid), ("own_share", own_share), ("vat", vat)]:
        tbs.add_variable(variable(name, formula))
    return tbs


def openfisca_round(tbs, inputs):
    """One vectorised run over every application: euros out."""
    simulation = SimulationBuilder().build_default_simulation(tbs, count=len(inputs["cost"]))
    for name, values in inputs.items():
        simulation.set_input(name, "2026", values)
    return [simulation.calculate(name, "2026") for name in ("aid", "own_share", "vat")]


def cents(euros):
    return np.round(np.asarray(euros, dtype=np.float64) * 100).astype(np.int64)


def main():
    kmo, work = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    cases = generate(n)
    cases.astype("<i8").tofile(f"{work}/side-by-side-cases.bin")
    exact = reference(cases)
    inputs = {
        "staff_awu": cases[:, 0] / 100,
        "turnover": cases[:, 1] / 100,
        "balance_sheet": cases[:, 2] / 100,
        "cost": cases[:, 3] / 100,
        "aid_used": cases[:, 4] / 100,
    }
    tbs = system()
    kmo_ns, openfisca_ns = [], []
    for _ in range(rounds):
        out = subprocess.run(
            ["taskset", "-c", "0", kmo, f"{work}/side-by-side-cases.bin", f"{work}/side-by-side-kmo.bin"],
            check=True, capture_output=True, text=True,
        )
        kmo_ns.append(float(out.stdout.strip()))
        start = time.perf_counter()
        answers = openfisca_round(tbs, inputs)
        openfisca_ns.append((time.perf_counter() - start) * 1e9 / n)
    kmo_answers = np.fromfile(f"{work}/side-by-side-kmo.bin", dtype="<i8").reshape(n, 3)
    openfisca_answers = np.stack([cents(a) for a in answers], axis=1)
    wrong = lambda got: int((got != exact).any(axis=1).sum())
    # The size probes: applications at a ceiling whose OpenFisca class differs from the exact one.
    simulation = SimulationBuilder().build_default_simulation(tbs, count=n)
    for name, values in inputs.items():
        simulation.set_input(name, "2026", values)
    staff, turnover, balance = cases[:, 0], cases[:, 1], cases[:, 2]
    exact_class = np.select(
        [
            (staff < 1_000) & ((turnover <= 200_000_000) | (balance <= 200_000_000)),
            (staff < 5_000) & ((turnover <= 1_000_000_000) | (balance <= 1_000_000_000)),
            (staff < 25_000) & ((turnover <= 5_000_000_000) | (balance <= 4_300_000_000)),
        ],
        [0, 1, 2],
        3,
    )
    misclassified = int((simulation.calculate("size_class", "2026").astype(np.int64) != exact_class).sum())
    print(json.dumps({
        "n": n,
        "rounds": rounds,
        "openfisca_version": importlib.metadata.version("openfisca-core"),
        "numpy_version": np.__version__,
        "kmo_ns": kmo_ns,
        "openfisca_ns": openfisca_ns,
        "kmo_median_ns": statistics.median(kmo_ns),
        "openfisca_median_ns": statistics.median(openfisca_ns),
        "kmo_wrong": wrong(kmo_answers),
        "openfisca_wrong": wrong(openfisca_answers),
        "openfisca_misclassified": misclassified,
        "openfisca_dtype": str(answers[0].dtype),
    }))


if __name__ == "__main__":
    main()
