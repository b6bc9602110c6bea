// A consumer of the package, type-checked with `tsc --noEmit --strict`: the types must let
// real code through and stop wrong code (the @ts-expect-error lines must stay errors).
import { assess, classify, KmoError, quote, rulebooks, Wallet, type Assessment, type AssessmentRequest, type ErrorCode, type FindingCode, type OwnershipChange, type OwnShareDeadline, type Theme } from '../index.js';
import type { KmoQuoteDetail, KmoQuoteInvalidDetail } from '../calculator/index.js';
// @ts-expect-error: the package exports no `Request`, which would hide the platform's Fetch Request
import type { Request as Shadowed } from '../index.js';

const request: AssessmentRequest = {
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
// The policies' codes are the request's own types.
const policy: OwnershipChange = a.policies.ownership_change;
const due: OwnShareDeadline = a.policies.own_share_deadline;
// @ts-expect-error: not a policy the engine names
const notAPolicy: OwnershipChange = 'literal';

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

// A route handler next to the package: `Request` is the platform's Fetch request.
export async function POST(incoming: Request): Promise<Response> {
  const body = (await incoming.json()) as AssessmentRequest;
  return Response.json(assess(body));
}

// The calculator's events, typed with the code unions.
export function onQuote(detail: KmoQuoteDetail, invalid: KmoQuoteInvalidDetail): string {
  const theme: Theme | null = detail.theme;
  const reasons: FindingCode[] = detail.blocking;
  const code: ErrorCode | 'ERROR' = invalid.code;
  // @ts-expect-error: a theme that does not exist
  const badTheme: KmoQuoteDetail['theme'] = 'marketing';
  // @ts-expect-error: a blocking reason that does not exist
  const badReason: KmoQuoteDetail['blocking'][number] = 'TOO_EXPENSIVE';
  return `${theme} ${reasons.join()} ${code} ${badTheme} ${badReason} ${invalid.field ?? ''}`;
}

// A first application: the registration planned, typed.
const firstTime: Assessment = assess({ ...request, options: { first_time: true } });
const registerBy: string | null = firstTime.registration?.register_by ?? null;
const late: boolean = firstTime.registration?.letter_after_deadline ?? false;
const warned: boolean = firstTime.findings.some((f) => f.code === 'ACTIVATION_LETTER_AFTER_DEADLINE');
// @ts-expect-error: first_time is a boolean
assess({ ...request, options: { first_time: 'yes' } });
export function onFirstQuote(detail: KmoQuoteDetail): string | null {
  return detail.registration && !detail.registration.letter_after_deadline ? detail.registration.register_by : null;
}

console.log(aid, applyBy, blocking, own, cls, first, id, wrong, registerBy, late, warned);
