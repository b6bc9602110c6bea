// The kmo-portefeuille calculator: a provider's page that tells a visitor what a training or
// advice costs with the subsidy. Every number and every explanation comes from kmo; this file
// only fills the form in and writes the answer out.
import init, { assess, engine, KmoError } from '../../kmo-wasm/web/index.js';

const UI = {
  nl: {
    title: 'Wat kost deze opleiding u met de kmo-portefeuille?', company: 'Uw onderneming', sizeMode: 'Grootte',
    sizeKnown: 'Ik ken de grootte', sizeFigures: 'Bereken uit de cijfers', sizeClass: 'Grootte van de onderneming',
    micro: 'Micro', small: 'Klein', medium: 'Middelgroot', large: 'Groot', staff: 'Personeel (jaararbeidseenheden)',
    turnover: 'Jaaromzet excl. btw (EUR)', balance: 'Balanstotaal (EUR)', used: 'Steun al gebruikt dit jaar (EUR)',
    service: 'De opleiding of het advies', catalogue: 'Kies uit ons aanbod', custom: 'Andere dienst', kind: 'Soort dienst',
    training: 'Opleiding', advice: 'Advies', theme: 'Thema', subtheme: 'Subthema', none: 'Geen',
    cybersecurity: 'Cybersecurity', energy: 'Energie-efficiëntie', cost: 'Prijs excl. btw (EUR)',
    start: 'Startdatum (eerste les)', applied: 'Datum van de aanvraag', calculate: 'Bereken', result: 'Uw berekening',
    aid: 'Steun van de Vlaamse overheid', ownShare: 'Eigen aandeel (te storten in de kmo-portefeuille)',
    vat: 'Btw (rechtstreeks aan de dienstverlener)', left: 'Nog beschikbaar dit jaar', timeline: 'Tijdlijn',
    findings: 'Opmerkingen', explanation: 'Hoe is dit berekend?',
    headline: (you, price, rate) => `Met de kmo-portefeuille betaalt u ${you} in plaats van ${price} (${rate} % steun).`,
    notEligible: 'Deze aanvraag komt niet in aanmerking voor de kmo-portefeuille.',
    error: 'Controleer het veld', until: 'uiterlijk', from: 'vanaf',
    steps: { portal_registration: 'Registratie op het portaal', activation_letter: 'Brief met activatielink', service_start: 'Start van de dienst', apply: 'Aanvraag indienen', pay_own_share: 'Eigen aandeel storten', complete_service: 'Dienst afronden', invoice_and_release: 'Factuur en vrijgave aan de dienstverlener', vat_to_provider: 'Btw rechtstreeks aan de dienstverlener', keep_records: 'Bewijsstukken bewaren' },
    themes: { bedrijfsstrategie: 'Bedrijfsstrategie', beroepsspecifieke_competenties: 'Beroepsspecifieke competenties', digitalisering: 'Digitalisering', duurzaamheid: 'Duurzaamheid', financiele_geletterdheid: 'Financiële geletterdheid', innovatie: 'Innovatie', internationalisering: 'Internationalisering', personeelsmanagement: 'Personeelsmanagement' },
  },
  fr: {
    title: 'Que vous coûte cette formation avec le portefeuille PME ?', company: 'Votre entreprise', sizeMode: 'Taille',
    sizeKnown: 'Je connais la taille', sizeFigures: 'Calculer à partir des chiffres', sizeClass: "Taille de l'entreprise",
    micro: 'Micro', small: 'Petite', medium: 'Moyenne', large: 'Grande', staff: 'Personnel (unités de travail annuel)',
    turnover: "Chiffre d'affaires annuel HTVA (EUR)", balance: 'Total du bilan (EUR)', used: 'Aide déjà utilisée cette année (EUR)',
    service: 'La formation ou le conseil', catalogue: 'Choisissez dans notre offre', custom: 'Autre service', kind: 'Type de service',
    training: 'Formation', advice: 'Conseil', theme: 'Thème', subtheme: 'Sous-thème', none: 'Aucun',
    cybersecurity: 'Cybersécurité', energy: 'Efficacité énergétique', cost: 'Prix HTVA (EUR)',
    start: 'Date de début (premier cours)', applied: 'Date de la demande', calculate: 'Calculer', result: 'Votre calcul',
    aid: 'Aide du gouvernement flamand', ownShare: 'Quote-part (à verser dans le portefeuille PME)',
    vat: 'TVA (directement au prestataire)', left: 'Encore disponible cette année', timeline: 'Calendrier',
    findings: 'Remarques', explanation: 'Comment est-ce calculé ?',
    headline: (you, price, rate) => `Avec le portefeuille PME, vous payez ${you} au lieu de ${price} (${rate} % d'aide).`,
    notEligible: "Cette demande n'est pas admissible au portefeuille PME.",
    error: 'Vérifiez le champ', until: 'au plus tard le', from: 'à partir du',
    steps: { portal_registration: 'Inscription sur le portail', activation_letter: "Lettre avec le lien d'activation", service_start: 'Début du service', apply: 'Introduire la demande', pay_own_share: 'Verser la quote-part', complete_service: 'Terminer le service', invoice_and_release: 'Facture et libération au prestataire', vat_to_provider: 'TVA directement au prestataire', keep_records: 'Conserver les pièces' },
    themes: { bedrijfsstrategie: "Stratégie d'entreprise", beroepsspecifieke_competenties: 'Compétences professionnelles', digitalisering: 'Numérisation', duurzaamheid: 'Durabilité', financiele_geletterdheid: 'Culture financière', innovatie: 'Innovation', internationalisering: 'Internationalisation', personeelsmanagement: 'Gestion du personnel' },
  },
  en: {
    title: 'What does this training cost you with the kmo-portefeuille?', company: 'Your company', sizeMode: 'Size',
    sizeKnown: 'I know the size', sizeFigures: 'Compute from the figures', sizeClass: 'Size of the company',
    micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large', staff: 'Staff (annual work units)',
    turnover: 'Annual turnover excl. VAT (EUR)', balance: 'Balance-sheet total (EUR)', used: 'Aid already used this year (EUR)',
    service: 'The training or advice', catalogue: 'Pick from our services', custom: 'Another service', kind: 'Kind of service',
    training: 'Training', advice: 'Advice', theme: 'Theme', subtheme: 'Subtheme', none: 'None',
    cybersecurity: 'Cybersecurity', energy: 'Energy efficiency', cost: 'Price excl. VAT (EUR)',
    start: 'Start date (first lesson)', applied: 'Application date', calculate: 'Calculate', result: 'Your quote',
    aid: 'Aid from the Flemish government', ownShare: 'Own share (paid into the kmo-portefeuille)',
    vat: 'VAT (paid directly to the provider)', left: 'Still available this year', timeline: 'Timeline',
    findings: 'Notes', explanation: 'How was this computed?',
    headline: (you, price, rate) => `With the kmo-portefeuille you pay ${you} instead of ${price} (${rate} % aid).`,
    notEligible: 'This application is not eligible for the kmo-portefeuille.',
    error: 'Please check the field', until: 'by', from: 'from',
    steps: { portal_registration: 'Registration on the portal', activation_letter: 'Letter with the activation link', service_start: 'Start of the service', apply: 'Apply', pay_own_share: 'Pay the own share', complete_service: 'Finish the service', invoice_and_release: 'Invoice and release to the provider', vat_to_provider: 'VAT directly to the provider', keep_records: 'Keep the records' },
    themes: { bedrijfsstrategie: 'Business strategy', beroepsspecifieke_competenties: 'Job-specific skills', digitalisering: 'Digitalisation', duurzaamheid: 'Sustainability', financiele_geletterdheid: 'Financial literacy', innovatie: 'Innovation', internationalisering: 'Internationalisation', personeelsmanagement: 'People management' },
  },
};

const $ = (id) => document.getElementById(id);
let lang = 'nl';
let catalogue = { provider: {}, services: [] };

const money = (text) => new Intl.NumberFormat(`${lang}-BE`, { style: 'currency', currency: 'EUR' }).format(Number(text));
const day = (iso) => (iso ? new Intl.DateTimeFormat(`${lang}-BE`, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : '');

function translate() {
  const t = UI[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  for (const el of document.querySelectorAll('[data-t]')) {
    const text = t[el.dataset.t];
    if (typeof text === 'string') el.textContent = text;
  }
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  const theme = $('theme').value || 'personeelsmanagement';
  $('theme').replaceChildren(...Object.entries(t.themes).map(([code, name]) => new Option(name, code)));
  $('theme').value = theme;
  const picked = $('catalogue').value;
  $('catalogue').replaceChildren(new Option(t.custom, ''), ...catalogue.services.map((s) => new Option(`${s.title[lang]} — ${money(s.price)}`, s.id)));
  $('catalogue').value = picked;
}

function pick() {
  const s = catalogue.services.find((x) => x.id === $('catalogue').value);
  if (!s) return;
  $('kind').value = s.kind;
  $('theme').value = s.theme;
  $('subtheme').value = s.subtheme ?? '';
  $('cost').value = s.price;
}

function request() {
  const kind = $('kind').value;
  const size = $('size-mode').value === 'class'
    ? { class: $('size-class').value }
    : { staff_awu: $('staff').value.trim(), turnover: $('turnover').value.trim(), balance_sheet: $('balance').value.trim() };
  return {
    application_date: $('applied').value,
    lang,
    enterprise: { size },
    service: {
      kind,
      theme: $('theme').value,
      subtheme: $('subtheme').value || null,
      provider: kind === 'training' ? catalogue.provider.training_number : catalogue.provider.advice_number,
      start_date: $('start').value || null,
      cost: $('cost').value.trim().replace(',', '.'),
    },
    wallet: { aid_used: $('used').value.trim().replace(',', '.') || '0' },
  };
}

function show() {
  const t = UI[lang];
  $('error').hidden = true;
  let a;
  try {
    a = assess(request());
  } catch (e) {
    if (!(e instanceof KmoError)) throw e;
    $('result').hidden = true;
    $('error').hidden = false;
    $('error').dataset.code = e.code;
    $('error').dataset.path = e.path;
    $('error').textContent = `${t.error} ${e.path}: ${e.message.replace(/^[^:]*: /, '')}`;
    return;
  }
  const r = $('result');
  r.hidden = false;
  Object.assign(r.dataset, { eligible: a.eligible, aid: a.aid, ownShare: a.own_share, vat: a.vat });
  $('headline').textContent = a.eligible ? t.headline(money(a.own_share), money(a.eligible_cost), a.rate) : t.notEligible;
  $('aid').textContent = money(a.aid);
  $('own-share').textContent = money(a.own_share);
  $('vat').textContent = money(a.vat);
  $('left').textContent = money(a.ceiling_left);
  $('timeline').replaceChildren(...a.procedure.filter((s) => s.date || s.until).map((s) => {
    const li = document.createElement('li');
    const when = [s.date && s.step !== 'pay_own_share' && s.step !== 'apply' ? day(s.date) : '', s.until ? `${t.until} ${day(s.until)}` : ''].filter(Boolean).join(', ');
    li.textContent = `${t.steps[s.step] ?? s.step}: ${when}`;
    return li;
  }));
  $('findings').replaceChildren(...a.findings.map((f) => {
    const li = document.createElement('li');
    li.className = f.severity;
    li.dataset.code = f.code;
    li.append(f.message, ' ');
    const ref = document.createElement('span');
    ref.className = 'ref';
    ref.textContent = `(${f.ref})`;
    li.append(ref);
    return li;
  }));
  $('trace').replaceChildren(...a.trace.map((s) => {
    const li = document.createElement('li');
    li.append(s.text, ' ');
    const ref = document.createElement('span');
    ref.className = 'ref';
    ref.textContent = `[${s.ref}]`;
    li.append(ref);
    return li;
  }));
}

async function main() {
  await init();
  catalogue = await (await fetch('catalogue.json')).json();
  const today = new Date().toISOString().slice(0, 10);
  $('applied').value = today;
  $('start').value = today;
  translate();
  $('engine').textContent = `${engine()} · ${catalogue.provider.name}`;
  $('catalogue').addEventListener('change', pick);
  $('size-mode').addEventListener('change', () => {
    const figures = $('size-mode').value === 'figures';
    $('figures-rows').hidden = !figures;
    $('class-row').hidden = figures;
  });
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => {
      lang = b.dataset.lang;
      translate();
      if (!$('result').hidden || !$('error').hidden) show();
    });
  }
  $('form').addEventListener('submit', (e) => {
    e.preventDefault();
    show();
  });
  document.body.dataset.ready = 'true';
}

main();
