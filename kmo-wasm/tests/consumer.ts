// A consumer of the package, type-checked with `tsc --noEmit --strict`: the types must let
// real code through and stop wrong code (the @ts-expect-error lines must stay errors).
import { assess, classify, KmoError, quote, rulebooks, Wallet, type Assessment, type Request } from '../index.js';

const request: Request = {
  application_date: '2026-03-10',
  lang: 'nl',
  enterprise: { legal_form: 'bv', size: { staff_awu: '12', turnover: 1_800_000, balance_sheet: '900000' } },
  service: { kind: 'training', theme: 'personeelsmanagement', cost: '2000.00' },
  wallet: { aid_used: '7200.00' },
};

const a: Assessment = assess(request);
const aid: string = a.aid;
const applyBy: string | null = a.deadlines.apply_by;
const blocking: string[] = a.findings.filter((f) => f.severity === 'blocking').map((f) => f.code);

try {
  assess({ ...request, service: { ...request.service, cost: '-1' } });
} catch (e) {
  if (e instanceof KmoError) {
    const where: string = e.path;
    const code: string = e.code;
    console.log(where, code);
  }
}

const q = quote({ application_date: '2026-03-10', size_class: 'small', cost: 2000 });
const own: string = q.own_share;
const cls: 'micro' | 'small' | 'medium' | 'large' = classify({ class: 'medium' }).size_class;
const first = rulebooks()[0].rates.small;

const w = new Wallet();
const applied = w.apply(request);
const id: number | null = applied.id;
w.free();

// @ts-expect-error: an unknown legal form is not a LegalForm
assess({ ...request, enterprise: { legal_form: 'llc', size: { class: 'small' } } });
// @ts-expect-error: the service kind is required
assess({ ...request, service: { cost: '1' } });
// @ts-expect-error: aid is text, not a number
const wrong: number = a.aid;

console.log(aid, applyBy, blocking, own, cls, first, id, wrong);
