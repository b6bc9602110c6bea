// <kmo-calculator>: the kmo-portefeuille calculator a provider embeds in its website with one
// script and one tag:
//
//   <script type="module" src="https://cdn.jsdelivr.net/npm/kmo-portefeuille/calculator/index.js"></script>
//   <kmo-calculator lang="nl" catalogue="/catalogue.json" provider="Flexorius"></kmo-calculator>
//
// The element asks what the provider's page is about (which service, its price, the start
// date, the company's size and the aid it already used this year) and shows what the engine
// answers: the own share instead of the price, the aid, the VAT, what is left of the year's
// ceiling, the deadlines, the steps and the reasons with their articles. It decides nothing a
// rule decides; it parses the visitor's numbers into decimal strings and writes the engine's
// answer out in the visitor's language. calculator/README.md documents the attributes, the
// catalogue, the kmo-quote event, the theming and the Content Security Policy.


const themes = {
  nl: {
    bedrijfsstrategie: 'Bedrijfsstrategie',
    beroepsspecifieke_competenties: 'Beroepsspecifieke competenties',
    digitalisering: 'Digitalisering',
    duurzaamheid: 'Duurzaamheid',
    financiele_geletterdheid: 'Financiële geletterdheid',
    innovatie: 'Innovatie',
    internationalisering: 'Internationalisering',
    personeelsmanagement: 'Personeelsmanagement',
  },
  fr: {
    bedrijfsstrategie: 'Stratégie d’entreprise',
    beroepsspecifieke_competenties: 'Compétences professionnelles spécifiques',
    digitalisering: 'Numérisation',
    duurzaamheid: 'Durabilité',
    financiele_geletterdheid: 'Culture financière',
    innovatie: 'Innovation',
    internationalisering: 'Internationalisation',
    personeelsmanagement: 'Gestion du personnel',
  },
  en: {
    bedrijfsstrategie: 'Business strategy',
    beroepsspecifieke_competenties: 'Job-specific skills',
    digitalisering: 'Digitalisation',
    duurzaamheid: 'Sustainability',
    financiele_geletterdheid: 'Financial literacy',
    innovatie: 'Innovation',
    internationalisering: 'Internationalisation',
    personeelsmanagement: 'People management',
  },
};

const TEXTS = {
  nl: {
    loading: 'De calculator wordt geladen…',
    engineFailed: 'De calculator kan in deze browser niet starten: de rekenmodule werd geblokkeerd of niet gevonden.',
    contact: (p) => (p ? `Neem contact op met ${p} voor een berekening op maat, of probeer het later opnieuw.` : 'Probeer het later opnieuw.'),
    retry: 'Opnieuw proberen',
    catalogueFailed: 'Ons aanbod kon niet worden geladen. U kunt wel rekenen met de prijs van een opleiding of advies.',
    form: 'Bereken uw kmo-portefeuille',
    serviceLegend: 'De opleiding of het advies',
    service: 'Kies uit ons aanbod',
    other: 'Andere dienst: zelf een prijs invullen',
    kind: 'Soort dienst',
    kinds: { training: 'Opleiding', advice: 'Advies' },
    theme: 'Thema',
    subtheme: 'Subthema',
    subthemes: { '': 'Geen', cybersecurity: 'Cybersecurity', energy_efficiency: 'Energie-efficiëntie en alternatieve energie' },
    themes: themes.nl,
    price: 'Prijs excl. btw (euro)',
    priceHelp: 'Bijvoorbeeld 1.250,00',
    start: 'Startdatum',
    startHelp: 'De eerste lesdag, of de dag waarop het advies start.',
    companyLegend: 'Uw onderneming',
    size: 'Grootte van uw onderneming',
    sizeHelp: 'Volgens de Europese kmo-definitie. Twijfelt u? Kies dan de laatste mogelijkheid en vul uw cijfers in.',
    sizes: { micro: 'Micro-onderneming', small: 'Kleine onderneming', medium: 'Middelgrote onderneming', large: 'Grote onderneming', figures: 'Weet ik niet: bereken het uit onze cijfers' },
    staff: 'Personeel (voltijdse equivalenten)',
    staffHelp: 'Gemiddeld over het laatst afgesloten boekjaar, bijvoorbeeld 12,5. Zaakvoerders tellen mee; leerlingen en uitzendkrachten niet.',
    turnover: 'Jaaromzet excl. btw (euro)',
    turnoverHelp: 'Van het laatst afgesloten boekjaar.',
    balance: 'Balanstotaal (euro)',
    balanceHelp: 'Van het laatst afgesloten boekjaar.',
    groupHelp: 'Hoort uw onderneming bij een groep, of heeft een andere onderneming 25 % of meer van de aandelen? Dan tellen ook hun cijfers mee; uw boekhouder helpt u daarbij.',
    used: 'Steun die u dit jaar al kreeg (euro)',
    usedHelp: 'Uit de kmo-portefeuille, in dit kalenderjaar. Leeg of 0 als dit uw eerste aanvraag van het jaar is.',
    first: 'Dit is onze eerste aanvraag: we moeten ons nog registreren op het platform',
    submit: 'Toon mijn berekening',
    resultTitle: 'Uw berekening',
    basedOn: 'Op basis van:',
    sizeClass: { micro: 'micro-onderneming', small: 'kleine onderneming', medium: 'middelgrote onderneming', large: 'grote onderneming' },
    startsOn: (d) => `start op ${d}`,
    youPay: (own, price) => `U betaalt ${own} in plaats van ${price}`,
    exclVat: 'excl. btw',
    plusVat: (vat, p) => `Daarbovenop betaalt u ${vat} btw rechtstreeks aan ${p}.`,
    notEligible: 'Deze aanvraag komt niet in aanmerking voor de kmo-portefeuille.',
    whyNot: 'Waarom niet',
    priceRow: 'Prijs excl. btw',
    aidRow: (rate) => `Steun van de Vlaamse overheid (${rate} %)`,
    ownRow: 'Eigen aandeel: stort u in de kmo-portefeuille',
    vatRow: (p) => `Btw: betaalt u rechtstreeks aan ${p}`,
    leftRow: (c) => `Nog over van uw jaarplafond van ${c}, na deze aanvraag`,
    datesTitle: 'Belangrijke data',
    applyBy: 'Aanvragen uiterlijk op',
    payBy: 'Eigen aandeel storten uiterlijk op',
    finishBy: 'Dienst afronden uiterlijk op',
    stepsTitle: 'Zo gaat u te werk',
    notesTitle: 'Goed om te weten',
    checkTitle: 'Niet nagekeken: ga dit zelf na',
    why: 'Waarom deze bedragen?',
    print: 'Afdrukken',
    fill: (l) => `Vul „${l}” in om uw berekening te zien.`,
    fix: (l) => `Verbeter „${l}” om uw berekening te zien.`,
    providerFallback: 'de dienstverlener',
    about: 'omstreeks',
    steps: {
      portal_registration: (s) => `Registreer uw onderneming eenmalig op het kmo-portefeuilleplatform (aanmelden met eID)${s.on}.`,
      activation_letter: (s) => `U krijgt per brief een eenmalige link om uw account te activeren${s.on}${s.until ? `; de link is geldig tot ${s.until}` : ''}.`,
      service_start: (s) => `De opleiding of het advies start${s.on}.`,
      apply: (s) => `Dien uw aanvraag in op het platform${s.by}.`,
      pay_own_share: (s) => `Stort het eigen aandeel van ${s.own} in uw kmo-portefeuille${s.by}.`,
      complete_service: (s) => `Rond de opleiding of het advies af${s.by}.`,
      invoice_and_release: (s) => `${s.provider} stuurt de factuur; u geeft de betaling vrij op het platform.`,
      vat_to_provider: (s) => `Betaal de btw van ${s.vat} rechtstreeks aan ${s.provider}.`,
      keep_records: (s) => `Bewaar de bewijsstukken${s.until ? ` tot ${s.until}` : ''}.`,
    },
    on: (d) => ` op ${d}`,
    by: (d) => `, uiterlijk op ${d}`,
    errors: {
      INVALID_AMOUNT: 'Vul een bedrag in, bijvoorbeeld 1.250,00.',
      NEGATIVE_AMOUNT: 'Een bedrag kan niet negatief zijn.',
      AMOUNT_OUT_OF_RANGE: 'Dit bedrag is te groot.',
      TOO_MANY_DECIMALS: 'Gebruik hoogstens twee cijfers na de komma.',
      INVALID_NUMBER: 'Vul een getal in, bijvoorbeeld 12,5.',
      INVALID_DATE: 'Vul een bestaande datum in.',
      MISSING_FIELD: 'Dit veld is verplicht.',
      UNKNOWN_CODE: 'Deze keuze is niet gekend.',
      INVALID_PROVIDER_NUMBER: 'Het erkenningsnummer van de dienstverlener klopt niet.',
      default: 'Controleer dit veld.',
    },
    general: 'De berekening lukte niet. Controleer uw gegevens of probeer het later opnieuw.',
  },
  fr: {
    loading: 'Chargement du calculateur…',
    engineFailed: 'Le calculateur ne peut pas démarrer dans ce navigateur : le module de calcul a été bloqué ou n’a pas été trouvé.',
    contact: (p) => (p ? `Contactez ${p} pour un calcul sur mesure, ou réessayez plus tard.` : 'Réessayez plus tard.'),
    retry: 'Réessayer',
    catalogueFailed: 'Notre offre n’a pas pu être chargée. Vous pouvez toutefois calculer avec le prix d’une formation ou d’un conseil.',
    form: 'Calculez votre portefeuille PME',
    serviceLegend: 'La formation ou le conseil',
    service: 'Choisissez dans notre offre',
    other: 'Autre service : indiquer un prix',
    kind: 'Type de service',
    kinds: { training: 'Formation', advice: 'Conseil' },
    theme: 'Thème',
    subtheme: 'Sous-thème',
    subthemes: { '': 'Aucun', cybersecurity: 'Cybersécurité', energy_efficiency: 'Efficacité énergétique et énergie alternative' },
    themes: themes.fr,
    price: 'Prix HTVA (euros)',
    priceHelp: 'Par exemple 1 250,00',
    start: 'Date de début',
    startHelp: 'Le premier jour de cours, ou le jour où le conseil commence.',
    companyLegend: 'Votre entreprise',
    size: 'Taille de votre entreprise',
    sizeHelp: 'Selon la définition européenne des PME. Un doute ? Choisissez la dernière possibilité et indiquez vos chiffres.',
    sizes: { micro: 'Microentreprise', small: 'Petite entreprise', medium: 'Moyenne entreprise', large: 'Grande entreprise', figures: 'Je ne sais pas : calculer à partir de nos chiffres' },
    staff: 'Personnel (équivalents temps plein)',
    staffHelp: 'En moyenne sur le dernier exercice clôturé, par exemple 12,5. Les dirigeants comptent ; les apprentis et les intérimaires non.',
    turnover: 'Chiffre d’affaires annuel HTVA (euros)',
    turnoverHelp: 'Du dernier exercice clôturé.',
    balance: 'Total du bilan (euros)',
    balanceHelp: 'Du dernier exercice clôturé.',
    groupHelp: 'Votre entreprise fait partie d’un groupe, ou une autre entreprise détient 25 % ou plus des parts ? Leurs chiffres comptent aussi ; votre comptable vous aidera.',
    used: 'Aide déjà reçue cette année (euros)',
    usedHelp: 'Du portefeuille PME, pendant cette année civile. Vide ou 0 s’il s’agit de votre première demande de l’année.',
    first: 'C’est notre première demande : nous devons encore nous inscrire sur la plateforme',
    submit: 'Afficher mon calcul',
    resultTitle: 'Votre calcul',
    basedOn: 'Sur la base de :',
    sizeClass: { micro: 'microentreprise', small: 'petite entreprise', medium: 'moyenne entreprise', large: 'grande entreprise' },
    startsOn: (d) => `début le ${d}`,
    youPay: (own, price) => `Vous payez ${own} au lieu de ${price}`,
    exclVat: 'HTVA',
    plusVat: (vat, p) => `En plus, vous payez ${vat} de TVA directement à ${p}.`,
    notEligible: 'Cette demande n’est pas admissible au portefeuille PME.',
    whyNot: 'Pourquoi pas',
    priceRow: 'Prix HTVA',
    aidRow: (rate) => `Aide du gouvernement flamand (${rate} %)`,
    ownRow: 'Quote-part : à verser dans le portefeuille PME',
    vatRow: (p) => `TVA : à payer directement à ${p}`,
    leftRow: (c) => `Reste de votre plafond annuel de ${c}, après cette demande`,
    datesTitle: 'Dates importantes',
    applyBy: 'Introduire la demande au plus tard le',
    payBy: 'Verser la quote-part au plus tard le',
    finishBy: 'Terminer le service au plus tard le',
    stepsTitle: 'Comment procéder',
    notesTitle: 'Bon à savoir',
    checkTitle: 'Non vérifié : à contrôler vous-même',
    why: 'Pourquoi ces montants ?',
    print: 'Imprimer',
    fill: (l) => `Indiquez « ${l} » pour voir votre calcul.`,
    fix: (l) => `Corrigez « ${l} » pour voir votre calcul.`,
    providerFallback: 'le prestataire',
    about: 'vers le',
    steps: {
      portal_registration: (s) => `Inscrivez votre entreprise une seule fois sur la plateforme du portefeuille PME (connexion avec l’eID)${s.on}.`,
      activation_letter: (s) => `Vous recevez par courrier un lien unique pour activer votre compte${s.on}${s.until ? ` ; le lien est valable jusqu’au ${s.until}` : ''}.`,
      service_start: (s) => `La formation ou le conseil commence${s.on}.`,
      apply: (s) => `Introduisez votre demande sur la plateforme${s.by}.`,
      pay_own_share: (s) => `Versez la quote-part de ${s.own} dans votre portefeuille PME${s.by}.`,
      complete_service: (s) => `Terminez la formation ou le conseil${s.by}.`,
      invoice_and_release: (s) => `${s.provider} envoie la facture ; vous libérez le paiement sur la plateforme.`,
      vat_to_provider: (s) => `Payez la TVA de ${s.vat} directement à ${s.provider}.`,
      keep_records: (s) => `Conservez les pièces justificatives${s.until ? ` jusqu’au ${s.until}` : ''}.`,
    },
    on: (d) => ` le ${d}`,
    by: (d) => `, au plus tard le ${d}`,
    errors: {
      INVALID_AMOUNT: 'Indiquez un montant, par exemple 1 250,00.',
      NEGATIVE_AMOUNT: 'Un montant ne peut pas être négatif.',
      AMOUNT_OUT_OF_RANGE: 'Ce montant est trop élevé.',
      TOO_MANY_DECIMALS: 'Utilisez au maximum deux chiffres après la virgule.',
      INVALID_NUMBER: 'Indiquez un nombre, par exemple 12,5.',
      INVALID_DATE: 'Indiquez une date qui existe.',
      MISSING_FIELD: 'Ce champ est obligatoire.',
      UNKNOWN_CODE: 'Ce choix n’est pas reconnu.',
      INVALID_PROVIDER_NUMBER: 'Le numéro d’agrément du prestataire n’est pas correct.',
      default: 'Vérifiez ce champ.',
    },
    general: 'Le calcul n’a pas abouti. Vérifiez vos données ou réessayez plus tard.',
  },
  en: {
    loading: 'Loading the calculator…',
    engineFailed: 'The calculator cannot start in this browser: its calculation module was blocked or not found.',
    contact: (p) => (p ? `Contact ${p} for a quote, or try again later.` : 'Please try again later.'),
    retry: 'Try again',
    catalogueFailed: 'Our services could not be loaded. You can still calculate with the price of a training or advice.',
    form: 'Calculate your kmo-portefeuille aid',
    serviceLegend: 'The training or advice',
    service: 'Pick from our services',
    other: 'Another service: enter a price',
    kind: 'Kind of service',
    kinds: { training: 'Training', advice: 'Advice' },
    theme: 'Theme',
    subtheme: 'Subtheme',
    subthemes: { '': 'None', cybersecurity: 'Cybersecurity', energy_efficiency: 'Energy efficiency and alternative energy' },
    themes: themes.en,
    price: 'Price excl. VAT (euro)',
    priceHelp: 'For example 1,250.00',
    start: 'Start date',
    startHelp: 'The first day of the training, or the day the advice starts.',
    companyLegend: 'Your company',
    size: 'Size of your company',
    sizeHelp: 'Under the European SME definition. Not sure? Choose the last option and enter your figures.',
    sizes: { micro: 'Micro enterprise', small: 'Small enterprise', medium: 'Medium-sized enterprise', large: 'Large enterprise', figures: 'I don’t know: compute it from our figures' },
    staff: 'Staff (full-time equivalents)',
    staffHelp: 'On average over the last closed financial year, for example 12.5. Owner-managers count; apprentices and agency staff do not.',
    turnover: 'Annual turnover excl. VAT (euro)',
    turnoverHelp: 'Of the last closed financial year.',
    balance: 'Balance-sheet total (euro)',
    balanceHelp: 'Of the last closed financial year.',
    groupHelp: 'Is your company part of a group, or does another company hold 25 % or more of its shares? Then their figures count too; your accountant can help.',
    used: 'Aid already received this year (euro)',
    usedHelp: 'From the kmo-portefeuille, in this calendar year. Empty or 0 if this is your first application of the year.',
    first: 'This is our first application: we still have to register on the platform',
    submit: 'Show my quote',
    resultTitle: 'Your quote',
    basedOn: 'Based on:',
    sizeClass: { micro: 'micro enterprise', small: 'small enterprise', medium: 'medium-sized enterprise', large: 'large enterprise' },
    startsOn: (d) => `starts on ${d}`,
    youPay: (own, price) => `You pay ${own} instead of ${price}`,
    exclVat: 'excl. VAT',
    plusVat: (vat, p) => `On top of that you pay ${vat} VAT directly to ${p}.`,
    notEligible: 'This application does not qualify for the kmo-portefeuille.',
    whyNot: 'Why not',
    priceRow: 'Price excl. VAT',
    aidRow: (rate) => `Aid from the Flemish government (${rate} %)`,
    ownRow: 'Own share: you pay it into the kmo-portefeuille',
    vatRow: (p) => `VAT: you pay it directly to ${p}`,
    leftRow: (c) => `Left of your yearly ceiling of ${c}, after this application`,
    datesTitle: 'Key dates',
    applyBy: 'Apply by',
    payBy: 'Pay the own share by',
    finishBy: 'Finish the service by',
    stepsTitle: 'How to proceed',
    notesTitle: 'Good to know',
    checkTitle: 'Not checked: please check yourself',
    why: 'Why these amounts?',
    print: 'Print',
    fill: (l) => `Fill in “${l}” to see your quote.`,
    fix: (l) => `Correct “${l}” to see your quote.`,
    providerFallback: 'the provider',
    about: 'around',
    steps: {
      portal_registration: (s) => `Register your company once on the kmo-portefeuille platform (log in with eID)${s.on}.`,
      activation_letter: (s) => `A letter brings a one-time link to activate your account${s.on}${s.until ? `; the link is valid until ${s.until}` : ''}.`,
      service_start: (s) => `The training or advice starts${s.on}.`,
      apply: (s) => `Apply on the platform${s.by}.`,
      pay_own_share: (s) => `Pay the own share of ${s.own} into your kmo-portefeuille${s.by}.`,
      complete_service: (s) => `Finish the training or advice${s.by}.`,
      invoice_and_release: (s) => `${s.provider} sends the invoice; you release the payment on the platform.`,
      vat_to_provider: (s) => `Pay the VAT of ${s.vat} directly to ${s.provider}.`,
      keep_records: (s) => `Keep the records${s.until ? ` until ${s.until}` : ''}.`,
    },
    on: (d) => ` on ${d}`,
    by: (d) => ` by ${d}`,
    errors: {
      INVALID_AMOUNT: 'Enter an amount, for example 1,250.00.',
      NEGATIVE_AMOUNT: 'An amount cannot be negative.',
      AMOUNT_OUT_OF_RANGE: 'This amount is too large.',
      TOO_MANY_DECIMALS: 'Use at most two digits after the decimal point.',
      INVALID_NUMBER: 'Enter a number, for example 12.5.',
      INVALID_DATE: 'Enter a date that exists.',
      MISSING_FIELD: 'This field is required.',
      UNKNOWN_CODE: 'This choice is not known.',
      INVALID_PROVIDER_NUMBER: 'The provider’s registration number is not correct.',
      default: 'Please check this field.',
    },
    general: 'The calculation failed. Check your details or try again later.',
  },
};

// ---------------------------------------------------------------------------------------------
// Numbers, money and dates in the visitor's language.

const LANGS = ['nl', 'fr', 'en'];
const THEMES = Object.keys(TEXTS.nl.themes);
const SIZES = ['micro', 'small', 'medium', 'large', 'figures'];
// Belgian conventions; English as written in Ireland (€1,400.00 — en-BE mixes 2.000,00 and €2,000.00).
const locale = (lang) => (lang === 'en' ? 'en-IE' : `${lang}-BE`);
const formats = new Map();
function format(lang, kind) {
  const key = `${lang}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    f = kind === 'money' ? new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' })
      : kind === 'amount' ? new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 20 })
        : kind === 'number' ? new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 20 })
          : new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

// Amounts are decimal strings from the engine ("1400.00"); Intl formats a string exactly.
const money = (lang, amount) => format(lang, 'money').format(amount);
// A calendar date (YYYY-MM-DD) written out; the date is a day, not an instant, hence UTC.
function day(lang, iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return format(lang, 'date').format(Date.UTC(y, m - 1, d));
}

/** Today in Brussels, `YYYY-MM-DD` (not the UTC date, which is yesterday after midnight). */
export function todayInBrussels(now = new Date()) {
  const parts = {};
  for (const p of new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now)) {
    parts[p.type] = p.value;
  }
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * A visitor's number as a plain decimal string ("1.250,50" in Dutch → "1250.50"), or null
 * when it is not one (the raw text then goes to the engine, which names the error).
 * Accepted: a decimal comma or point; thousands separated by `.`, `,`, spaces or apostrophes
 * in groups of three; a euro sign. A single separator followed by exactly three digits is a
 * thousands separator when the language groups with it (`.` in nl and fr, `,` in en).
 */
export function parseDecimal(text, lang) {
  let s = String(text).trim().replace(/^(€|eur\b)\s*/i, '').replace(/\s*(€|eur)$/i, '');
  s = s.replace(/[\s\u00a0\u202f\u2009'’]/g, ''); // spaces and apostrophes only ever group thousands
  let sign = '';
  if (s[0] === '-' || s[0] === '−') {
    sign = '-';
    s = s.slice(1);
  }
  if (!/^[0-9.,]*[0-9][0-9.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let point = null; // the decimal separator, if any
  if (lastDot >= 0 && lastComma >= 0) {
    point = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    const groups = (lang === 'en' ? ',' : '.') === sep;
    point = count > 1 || (after === 3 && groups && s.indexOf(sep) > 0) ? null : sep;
  }
  let whole = s;
  let fraction = '';
  if (point !== null) {
    whole = s.slice(0, s.lastIndexOf(point));
    fraction = s.slice(s.lastIndexOf(point) + 1);
    if (!/^[0-9]*$/.test(fraction)) return null;
  }
  if (/[.,]/.test(whole)) {
    // Thousands separators: one kind, groups of three after the first group of one to three.
    if (!/^[0-9]{1,3}([.,][0-9]{3})+$/.test(whole) || new Set(whole.replace(/[0-9]/g, '')).size !== 1) return null;
    whole = whole.replace(/[.,]/g, '');
  }
  if (whole === '') whole = '0';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A decimal string written for an input in the language ("1250.00" → "1.250,00"). */
function formatInput(lang, decimal, kind) {
  if (decimal === null || decimal === '' || !/^-?[0-9]+(\.[0-9]+)?$/.test(decimal)) return decimal ?? '';
  return format(lang, kind).format(decimal);
}

function langOf(value) {
  const l = String(value ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(l) ? l : null;
}

// ---------------------------------------------------------------------------------------------
// The engine: one load per page, started by the first element, shared by all.

let engine = null;
function loadEngine() {
  if (engine === null) {
    // The .wasm download starts now, in parallel with the JavaScript that will use it.
    const wasm = fetch(new URL('../pkg/web/kmo_wasm_bg.wasm', import.meta.url));
    wasm.catch(() => {}); // reported through init() below
    engine = import('../web/index.js').then(async (api) => {
      await api.default(wasm);
      return api;
    });
    engine.catch(() => {
      engine = null; // a later attempt (the retry button) starts afresh
    });
  }
  return engine;
}

async function loadCatalogue(element) {
  const url = element.getAttribute('catalogue');
  let text;
  if (url) {
    const response = await fetch(new URL(url, document.baseURI));
    if (!response.ok) throw new Error(`catalogue: HTTP ${response.status}`);
    text = await response.text();
  } else {
    const inline = element.querySelector(':scope > script[type="application/json"]');
    if (!inline) return { provider: {}, services: [] };
    text = inline.textContent;
  }
  const data = JSON.parse(text);
  if (!data || !Array.isArray(data.services)) throw new Error('catalogue: no services list');
  const provider = typeof data.provider === 'string' ? { name: data.provider } : (data.provider ?? {});
  const services = data.services.filter((s) => s && typeof s.id === 'string' && (s.kind === 'training' || s.kind === 'advice'));
  return { provider, services };
}

// ---------------------------------------------------------------------------------------------
// Styles: everything inside the shadow root; the page themes it through custom properties
// (--kmo-*) and ::part(). A constructed sheet also passes a Content Security Policy without
// 'unsafe-inline' for styles.

const CSS = `
:host {
  display: block;
  position: relative;
  container-type: inline-size;
  font-family: var(--kmo-font-family, inherit);
  font-size: var(--kmo-font-size, 1rem);
  line-height: 1.5;
  color: var(--kmo-text, #1a1a1a);
  background: var(--kmo-background, transparent);
  --_accent: var(--kmo-accent, #0b4f8a);
  --_on-accent: var(--kmo-on-accent, #ffffff);
  --_muted: var(--kmo-muted, #4d4d4d);
  --_border: var(--kmo-border, #8a8a8a);
  --_surface: var(--kmo-surface, #f4f6f8);
  --_field: var(--kmo-field-background, #ffffff);
  --_error: var(--kmo-error, #b3261e);
  --_focus: var(--kmo-focus, var(--_accent));
  --_radius: var(--kmo-radius, 0.375rem);
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.layout { display: grid; gap: 1.25rem; min-width: 0; }
@container (min-width: 46rem) {
  .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
  .result { position: sticky; top: 1rem; }
}
form, .result, .status { min-width: 0; }
fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; min-width: 0; }
legend { font-weight: 700; padding: 0 0.25rem; }
.field { margin-top: 0.875rem; min-width: 0; }
.field > label { display: block; font-weight: 600; }
.help { display: block; color: var(--_muted); font-size: 0.875em; margin: 0.125rem 0 0.25rem; }
input[type="text"], input[type="date"], select {
  display: block; width: 100%; min-width: 0; max-width: 100%; min-height: 2.75rem;
  font: inherit; color: inherit; background: var(--_field);
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5rem 0.75rem;
}
input[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid var(--_error); }
.choices { border: 0; padding: 0; margin: 0.875rem 0 0; }
.choices > legend { padding: 0; font-weight: 600; }
.choice { display: flex; align-items: center; gap: 0.75rem; min-height: 2.75rem; padding: 0.25rem 0; cursor: pointer; }
.choice input { flex: none; width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--_accent); }
.error { color: var(--_error); font-weight: 600; margin: 0.25rem 0 0; }
.facts { color: var(--_muted); font-size: 0.875em; margin: 0.25rem 0 0; }
button {
  min-height: 2.75rem; min-width: 2.75rem; font: inherit; font-weight: 700; cursor: pointer;
  padding: 0.5rem 1.25rem; border-radius: var(--_radius);
  border: 2px solid var(--_accent); background: var(--_accent); color: var(--_on-accent);
}
button.secondary { background: transparent; color: var(--_accent); }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
.result { background: var(--_surface); border-radius: var(--_radius); padding: 1rem; overflow-wrap: anywhere; }
.result h2 { font-size: 1.25em; margin: 0 0 0.5rem; }
.result h3 { font-size: 1em; margin: 1.25rem 0 0.375rem; }
.result h2:focus { outline: none; }
.result h2:focus-visible { outline: 3px solid var(--_focus); }
.basis { color: var(--_muted); font-size: 0.875em; margin: 0 0 0.75rem; }
.headline { font-size: 1.375em; font-weight: 700; line-height: 1.3; margin: 0 0 0.25rem; }
.amounts, .dates { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.375rem 1rem; margin: 0.75rem 0 0; }
.amounts dt, .dates dt { min-width: 0; }
.amounts dd, .dates dd { margin: 0; text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 600; }
.dates dd { white-space: normal; }
@container (max-width: 24rem) {
  .dates { grid-template-columns: minmax(0, 1fr); gap: 0 1rem; }
  .dates dd { text-align: start; margin-bottom: 0.375rem; }
}
.amounts .own { font-weight: 700; }
ol, ul { padding-inline-start: 1.25rem; margin: 0.25rem 0 0; }
li { margin: 0.25rem 0; }
.ref { color: var(--_muted); font-size: 0.8125em; white-space: nowrap; }
.blocking { color: var(--_error); }
details { margin-top: 1rem; }
summary { display: list-item; min-height: 2.75rem; padding: 0.625rem 0; cursor: pointer; font-weight: 600; color: var(--_accent); }
.status { padding: 1rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
.status.failed { border: 2px solid var(--_error); }
.notice { border-inline-start: 4px solid var(--_error); padding: 0.25rem 0.75rem; margin: 0 0 1rem; }
@media print {
  :host { color: #000; background: #fff; font-size: 10pt; line-height: 1.35; }
  form, .actions, details, .status { display: none !important; }
  .layout { display: block; }
  .result { position: static; background: none; padding: 0; }
  .result h3 { margin-top: 0.75rem; break-after: avoid; }
  .amounts, .dates, li { break-inside: avoid; }
  .print-only { display: block !important; }
}
.print-only { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
`;

let sheet = null;
function adopt(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

// A small element builder: h('p', { class: 'x', part: 'y' }, 'text', child…). Text is always
// text (never parsed as HTML), so catalogue titles and provider names are safe.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'text') el.textContent = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

// The request fields and the form field that answers for each (an error's path → the field).
const FIELD_OF_PATH = [
  ['service.cost', 'price'],
  ['service.start_date', 'start'],
  ['service.kind', 'kind'],
  ['service.theme', 'theme'],
  ['service.subtheme', 'subtheme'],
  ['service', 'service'],
  ['enterprise.size.staff_awu', 'staff'],
  ['enterprise.size.turnover', 'turnover'],
  ['enterprise.size.balance_sheet', 'balance'],
  ['enterprise.size', 'size'],
  ['wallet', 'used'],
];
const fieldOf = (path) => FIELD_OF_PATH.find(([p]) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))?.[1] ?? null;
const AMOUNTS = { price: 'amount', used: 'amount', turnover: 'amount', balance: 'amount', staff: 'number' };

// ---------------------------------------------------------------------------------------------
// The element.

export class KmoCalculator extends HTMLElement {
  static observedAttributes = ['lang', 'catalogue', 'provider'];

  #root;
  #api = null; // the engine's API, once loaded
  #catalogue = { provider: {}, services: [] };
  #catalogueFailed = false;
  #state = null; // 'loading' | 'failed' | 'ready'
  #lang = 'nl';
  #values = null;
  #touched = new Set();
  #nodes = {};
  #last = null; // the last quote's detail (JSON) sent with kmo-quote
  #htmlObserver = null;
  #loadId = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adopt(this.#root);
  }

  /** The detail of the quote shown, or null. */
  get quote() {
    return this.#last ? JSON.parse(this.#last) : null;
  }

  connectedCallback() {
    if (!this.#htmlObserver) {
      // Without a lang attribute the element follows the page's <html lang>.
      this.#htmlObserver = new MutationObserver(() => this.#relang());
      this.#htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
    if (this.#state === null) {
      this.#lang = this.#pickLang();
      this.#load();
    } else {
      this.#relang();
    }
  }

  disconnectedCallback() {
    this.#htmlObserver?.disconnect();
    this.#htmlObserver = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || this.#state === null) return;
    if (name === 'catalogue') this.#load();
    else if (name === 'lang') this.#relang();
    else if (this.#state === 'ready') this.#render();
    else if (this.#state === 'failed') this.#renderFailure();
  }

  #pickLang() {
    return langOf(this.getAttribute('lang')) ?? langOf(document.documentElement.lang)
      ?? (navigator.languages ?? [navigator.language]).map(langOf).find(Boolean) ?? 'nl';
  }

  #relang() {
    const lang = this.#pickLang();
    if (lang === this.#lang) return;
    if (this.#values) {
      // Amounts keep their value, not their text ("1.250" is 1250 in Dutch, 1.25 in English).
      for (const [field, kind] of Object.entries(AMOUNTS)) {
        const d = parseDecimal(this.#values[field], this.#lang);
        if (d !== null) this.#values[field] = formatInput(lang, d, kind);
      }
    }
    this.#lang = lang;
    if (this.#state === 'ready') this.#render();
    else if (this.#state === 'failed') this.#renderFailure();
    else this.#renderLoading();
  }

  get #t() {
    return TEXTS[this.#lang];
  }

  get #provider() {
    return this.getAttribute('provider') || this.#catalogue.provider.name || '';
  }

  async #load() {
    const id = ++this.#loadId;
    this.#state = 'loading';
    this.#renderLoading();
    const [api, catalogue] = await Promise.allSettled([loadEngine(), loadCatalogue(this)]);
    if (id !== this.#loadId) return;
    if (api.status === 'rejected') {
      this.#state = 'failed';
      console.warn('<kmo-calculator>: the WebAssembly engine could not load:', api.reason);
      this.#renderFailure();
      return;
    }
    this.#api = api.value;
    this.#catalogueFailed = catalogue.status === 'rejected';
    this.#catalogue = catalogue.status === 'fulfilled' ? catalogue.value : { provider: {}, services: [] };
    this.#values ??= this.#defaults();
    if (this.#values.service && !this.#catalogue.services.some((s) => s.id === this.#values.service)) this.#values = this.#defaults();
    this.#state = 'ready';
    this.#render();
  }

  #defaults() {
    const first = this.#catalogue.services[0];
    return {
      service: first?.id ?? '',
      kind: 'training',
      theme: 'personeelsmanagement',
      subtheme: '',
      price: first ? formatInput(this.#lang, String(first.price), 'amount') : '',
      start: todayInBrussels(),
      size: 'small',
      staff: '',
      turnover: '',
      balance: '',
      used: '',
      first: false,
    };
  }

  #renderLoading() {
    const t = this.#t;
    this.#root.replaceChildren(h('div', { class: 'status', part: 'status', role: 'status', 'aria-busy': 'true' }, t.loading));
  }

  #renderFailure() {
    const t = this.#t;
    const retry = h('button', { type: 'button', class: 'secondary', part: 'button' }, t.retry);
    retry.addEventListener('click', () => this.#load());
    this.#root.replaceChildren(
      h('div', { class: 'status failed', part: 'status failure', role: 'alert', 'data-state': 'failed' },
        h('p', { text: t.engineFailed }),
        h('p', { text: t.contact(this.#provider) }),
        retry),
    );
  }

  // The form and the result, built once per language; input keeps the values in #values.
  #render() {
    const t = this.#t;
    const v = this.#values;
    const n = {};
    this.#nodes = n;
    const help = (id, text) => h('span', { class: 'help', part: 'help', id: `${id}-help`, text });
    const error = (id) => (n[`${id}Error`] = h('p', { class: 'error', part: 'error', id: `${id}-error`, hidden: true }));
    // A labelled input with its help and its error (type text unless `extra` says otherwise).
    const textField = (id, label, helpText, extra = {}) => {
      n[id] = h('input', {
        type: 'text', id, name: id, value: v[id], part: 'input', autocomplete: 'off',
        'aria-describedby': helpText ? `${id}-help` : null, ...extra,
      });
      return (n[`${id}Field`] = h('div', { class: 'field', part: 'field' },
        h('label', { for: id, part: 'label', text: label }), helpText ? help(id, helpText) : null, n[id], error(id)));
    };
    const select = (id, label, options, value) => {
      n[id] = h('select', { id, name: id, part: 'select' }, options.map(([val, text]) => h('option', { value: val, text, selected: val === value })));
      return (n[`${id}Field`] = h('div', { class: 'field', part: 'field' }, h('label', { for: id, part: 'label', text: label }), n[id], error(id)));
    };
    const amount = { inputmode: 'decimal', enterkeyhint: 'done', spellcheck: 'false' };

    const services = this.#catalogue.services.map((s) => [s.id, `${this.#title(s)} — ${money(this.#lang, String(s.price))}`]);
    n.facts = h('p', { class: 'facts', part: 'help', id: 'service-help' });
    const serviceField = select('service', t.service, [...services, ['', t.other]], v.service);
    n.service.setAttribute('aria-describedby', 'service-help');
    serviceField.insertBefore(n.facts, n.serviceError);
    n.free = h('div', { part: 'free' },
      select('kind', t.kind, Object.entries(t.kinds), v.kind),
      select('theme', t.theme, THEMES.map((c) => [c, t.themes[c]]), v.theme),
      select('subtheme', t.subtheme, Object.entries(t.subthemes), v.subtheme));

    n.sizes = SIZES.map((s) => h('input', { type: 'radio', name: 'size', value: s, checked: v.size === s, id: `size-${s}` }));
    n.sizeError = h('p', { class: 'error', part: 'error', id: 'size-error', hidden: true });
    n.sizeGroup = h('fieldset', { class: 'choices', part: 'choices', 'aria-describedby': 'size-help' },
      h('legend', { text: t.size }),
      help('size', t.sizeHelp),
      SIZES.map((s, i) => h('label', { class: 'choice', part: 'choice', for: `size-${s}` }, n.sizes[i], h('span', { text: t.sizes[s] }))),
      n.sizeError);
    n.figures = h('div', { part: 'figures' },
      textField('staff', t.staff, t.staffHelp, amount),
      textField('turnover', t.turnover, t.turnoverHelp, amount),
      textField('balance', t.balance, t.balanceHelp, amount),
      h('p', { class: 'help', part: 'help', text: t.groupHelp }));
    n.first = h('input', { type: 'checkbox', id: 'first', name: 'first', checked: v.first });

    n.form = h('form', { part: 'form', novalidate: true, 'aria-label': t.form },
      this.#catalogueFailed ? h('p', { class: 'notice', part: 'notice', role: 'alert', text: t.catalogueFailed }) : null,
      h('fieldset', { part: 'fieldset' },
        h('legend', { text: t.serviceLegend }),
        serviceField,
        n.free,
        textField('price', t.price, t.priceHelp, amount),
        textField('start', t.start, t.startHelp, { type: 'date', autocomplete: null })),
      h('fieldset', { part: 'fieldset' },
        h('legend', { text: t.companyLegend }),
        n.sizeGroup,
        n.figures,
        textField('used', t.used, t.usedHelp, amount),
        h('label', { class: 'choice', part: 'choice', for: 'first' }, n.first, h('span', { text: t.first }))),
      h('div', { class: 'actions' }, h('button', { type: 'submit', part: 'button submit', text: t.submit })));

    n.result = h('section', { class: 'result', part: 'result', 'aria-labelledby': 'result-title' });
    n.live = h('p', { class: 'headline', part: 'headline' });
    // One polite status region for the whole element: the headline of each new quote, or what
    // to fill in. It stays in the document so that screen readers announce its changes.
    n.announce = h('p', { class: 'sr-only', role: 'status' });
    this.#root.replaceChildren(h('div', { class: 'layout', part: 'layout' }, n.form, n.result), n.announce);

    n.form.addEventListener('input', (e) => this.#onInput(e));
    n.form.addEventListener('submit', (e) => {
      e.preventDefault();
      for (const f of ['price', 'start', 'staff', 'turnover', 'balance', 'used', 'service', 'size']) this.#touched.add(f);
      this.#update(true);
    });
    this.#update(false);
  }

  #title(s) {
    const title = s.title;
    if (typeof title === 'string') return title;
    return title?.[this.#lang] ?? title?.nl ?? title?.en ?? Object.values(title ?? {})[0] ?? s.id;
  }

  #onInput(e) {
    const target = e.target;
    const n = this.#nodes;
    const v = this.#values;
    if (target.name === 'size') {
      v.size = target.value;
    } else if (target === n.first) {
      v.first = target.checked;
    } else if (target.name in v) {
      v[target.name] = target.value;
      this.#touched.add(target.name);
      if (target === n.service) {
        const s = this.#catalogue.services.find((x) => x.id === target.value);
        if (s) {
          v.price = formatInput(this.#lang, String(s.price), 'amount');
          n.price.value = v.price;
        }
      }
    }
    this.#update(false);
  }

  // The engine request from the form: amounts as decimal strings, nothing decided here.
  #request() {
    const v = this.#values;
    const today = todayInBrussels();
    const amount = (field) => {
      const text = v[field].trim();
      if (text === '') return undefined;
      return parseDecimal(text, this.#lang) ?? text;
    };
    const s = this.#catalogue.services.find((x) => x.id === v.service);
    const kind = s ? s.kind : v.kind;
    const provider = this.#catalogue.provider;
    const number = kind === 'advice' ? provider.advice_number : provider.training_number;
    const size = v.size === 'figures'
      ? { staff_awu: amount('staff'), turnover: amount('turnover'), balance_sheet: amount('balance') }
      : { class: v.size };
    const request = {
      application_date: today,
      lang: this.#lang,
      enterprise: { size },
      service: {
        kind,
        theme: s ? (s.theme ?? null) : v.theme,
        subtheme: (s ? s.subtheme : v.subtheme) || null,
        start_date: v.start || null,
        cost: amount('price'),
      },
    };
    if (number) request.service.provider = number;
    if (s?.vat_rate !== undefined) request.service.vat_rate = String(s.vat_rate);
    const used = amount('used');
    if (used !== undefined) request.wallet = { aid_used: used };
    if (v.first) request.options = { portal_registration_date: today };
    return request;
  }

  #update(submitted) {
    const n = this.#nodes;
    const v = this.#values;
    const t = this.#t;
    const s = this.#catalogue.services.find((x) => x.id === v.service);
    n.free.hidden = Boolean(s);
    n.figures.hidden = v.size !== 'figures';
    n.facts.textContent = s ? [t.kinds[s.kind], t.themes[s.theme], s.subtheme ? t.subthemes[s.subtheme] : null].filter(Boolean).join(' · ') : '';
    n.facts.hidden = !s;

    const request = this.#request();
    let answer;
    let failure;
    try {
      answer = this.#api.assess(request);
    } catch (e) {
      failure = e;
    }
    this.#clearErrors();
    if (failure) {
      this.#showError(failure, request, submitted);
      return;
    }
    this.#showResult(answer, request);
    if (submitted) n.resultTitle.focus();
  }

  #clearErrors() {
    const n = this.#nodes;
    for (const f of ['service', 'kind', 'theme', 'subtheme', 'price', 'start', 'staff', 'turnover', 'balance', 'used', 'size']) {
      const err = n[`${f}Error`];
      if (err) {
        err.hidden = true;
        err.textContent = '';
      }
      const input = f === 'size' ? n.sizeGroup : n[f];
      if (!input) continue;
      input.removeAttribute('aria-invalid');
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== `${f}-error`);
      if (described.length) input.setAttribute('aria-describedby', described.join(' '));
      else input.removeAttribute('aria-describedby');
    }
  }

  // The element's own words for the error codes a visitor meets (they speak of the form, not of
  // the JSON document), in the visitor's language; for any other code the engine's message,
  // which comes in the request's language too.
  #errorMessage(e) {
    const words = this.#t.errors[e.code];
    if (words) return words;
    const own = e.path && e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
    return own ? (own.charAt(0).toUpperCase() + own.slice(1)).replace(/`([^`]*)`/g, '“$1”') : this.#t.errors.default;
  }

  #showError(e, request, submitted) {
    const n = this.#nodes;
    const t = this.#t;
    const isKmo = e instanceof this.#api.KmoError;
    // No figure at all reads as "no size given"; the figure to fill in first is the staff.
    const path = isKmo && e.path === 'enterprise.size.class' && this.#values.size === 'figures' ? 'enterprise.size.staff_awu' : e.path;
    const field = isKmo ? fieldOf(path ?? '') : null;
    const label = field ? this.#labelOf(field) : null;
    const quiet = field && !submitted && !this.#touched.has(field) && e.code === 'MISSING_FIELD';
    this.#result(null);
    const message = h('p', { part: 'message', 'data-code': isKmo ? e.code : 'ERROR', text: !label ? t.general : quiet ? t.fill(label) : t.fix(label) });
    n.result.replaceChildren(n.resultTitle = h('h2', { id: 'result-title', tabindex: '-1', text: t.resultTitle }), message);
    n.result.dataset.state = 'error';
    n.announce.textContent = message.textContent;
    if (!field || quiet) {
      if (!field) {
        message.setAttribute('role', 'alert');
        if (isKmo) message.append(' ', h('span', { class: 'ref', text: `(${e.code})` }));
      }
      return;
    }
    const input = field === 'size' ? n.sizeGroup : n[field];
    const err = n[`${field}Error`];
    err.textContent = isKmo ? this.#errorMessage(e) : t.general;
    err.hidden = false;
    err.dataset.code = e.code;
    err.dataset.path = e.path;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), `${field}-error`].filter(Boolean).join(' '));
    if (submitted) (field === 'size' ? n.sizes.find((r) => r.checked) ?? n.sizes[0] : input).focus();
  }

  #labelOf(field) {
    const t = this.#t;
    return field === 'size' ? t.size : field === 'service' ? t.service : t[field];
  }

  // The answer, written out: every number, date, reason and explanation is the engine's.
  #showResult(a, request) {
    const n = this.#nodes;
    const t = this.#t;
    const lang = this.#lang;
    const v = this.#values;
    const s = this.#catalogue.services.find((x) => x.id === v.service);
    const provider = this.#provider || t.providerFallback;
    const eur = (x) => money(lang, x);
    const title = s ? this.#title(s) : t.kinds[request.service.kind];

    const basis = [title, `${eur(a.invoiced)} ${t.exclVat}`, t.sizeClass[a.size_class], request.service.start_date ? t.startsOn(day(lang, request.service.start_date)) : null]
      .filter(Boolean).join(' · ');
    n.resultTitle = h('h2', { id: 'result-title', tabindex: '-1', text: t.resultTitle });
    const parts = [n.resultTitle, h('p', { class: 'basis', part: 'basis', text: `${t.basedOn} ${basis}` })];
    const blocking = a.findings.filter((f) => f.severity === 'blocking');
    const finding = (f) => h('li', { class: f.severity, 'data-code': f.code }, f.message, ' ', h('span', { class: 'ref', text: `(${f.ref})` }));

    if (a.eligible) {
      n.live.textContent = `${t.youPay(eur(a.own_share), eur(a.invoiced))} (${t.exclVat}).`;
      parts.push(n.live, h('p', { part: 'vat', text: t.plusVat(eur(a.vat), provider) }));
      parts.push(h('dl', { class: 'amounts', part: 'amounts' },
        h('dt', { text: t.priceRow }), h('dd', { 'data-field': 'price', text: eur(a.invoiced) }),
        h('dt', { text: t.aidRow(a.rate) }), h('dd', { 'data-field': 'aid', text: eur(a.aid) }),
        h('dt', { class: 'own', text: t.ownRow }), h('dd', { class: 'own', 'data-field': 'own_share', text: eur(a.own_share) }),
        h('dt', { text: t.vatRow(provider) }), h('dd', { 'data-field': 'vat', text: eur(a.vat) }),
        h('dt', { text: t.leftRow(eur(a.ceiling)) }), h('dd', { 'data-field': 'ceiling_left', text: eur(a.ceiling_left) })));
      const dates = [[t.applyBy, a.deadlines.apply_by, 'apply_by'], [t.payBy, a.deadlines.pay_own_share_by, 'pay_own_share_by'], [t.finishBy, a.deadlines.complete_by, 'complete_by']]
        .filter(([, d]) => d);
      parts.push(h('h3', { text: t.datesTitle }), h('dl', { class: 'dates', part: 'dates' },
        dates.map(([label, d, key]) => [h('dt', { text: label }), h('dd', { 'data-field': key, text: day(lang, d) })])));
      const ctx = (step) => {
        const on = step.date ? t.on(`${step.approximate ? `${t.about} ` : ''}${day(lang, step.date)}`) : '';
        const until = step.until ? day(lang, step.until) : '';
        return { on, until, by: until ? t.by(until) : '', own: eur(a.own_share), vat: eur(a.vat), provider };
      };
      parts.push(h('h3', { text: t.stepsTitle }), h('ol', { class: 'steps', part: 'steps' },
        a.procedure.filter((p) => t.steps[p.step]).map((p) => h('li', { 'data-step': p.step }, t.steps[p.step](ctx(p)),
          // A bracketed reference ("[3p]") is a confidence mark, not an article: not shown.
          /^\[.*\]$/.test(p.ref) ? null : [' ', h('span', { class: 'ref', text: `(${p.ref})` })]))));
    } else {
      n.live.textContent = t.notEligible;
      parts.push(n.live, h('h3', { text: t.whyNot }), h('ul', { class: 'findings', part: 'findings' }, blocking.map(finding)));
    }
    const unchecked = a.findings.filter((f) => f.severity !== 'blocking' && f.code.endsWith('_NOT_CHECKED'));
    const notes = a.findings.filter((f) => f.severity !== 'blocking' && !f.code.endsWith('_NOT_CHECKED'))
      .sort((x, y) => (x.severity === 'warning' ? 0 : 1) - (y.severity === 'warning' ? 0 : 1));
    if (notes.length) parts.push(h('h3', { text: t.notesTitle }), h('ul', { class: 'findings', part: 'findings' }, notes.map(finding)));
    if (unchecked.length) parts.push(h('h3', { text: t.checkTitle }), h('ul', { class: 'findings', part: 'findings' }, unchecked.map(finding)));
    parts.push(h('details', { part: 'why' }, h('summary', { text: t.why }),
      h('ol', { class: 'trace' }, a.trace.map((step) => h('li', { 'data-step': step.step }, step.text, ' ', h('span', { class: 'ref', text: `[${step.ref}]` }))))));
    const print = h('button', { type: 'button', class: 'secondary', part: 'button print', text: t.print });
    print.addEventListener('click', () => window.print());
    parts.push(h('div', { class: 'actions' }, print));
    parts.push(h('p', { class: 'print-only basis', text: `${provider} · ${a.engine} · ${day(lang, request.application_date)}` }));

    n.result.replaceChildren(...parts);
    n.result.dataset.state = a.eligible ? 'eligible' : 'not-eligible';
    if (n.announce.textContent !== n.live.textContent) n.announce.textContent = n.live.textContent;
    this.#result({
      service: s ? { id: s.id, title: title } : null,
      kind: request.service.kind,
      theme: request.service.theme,
      subtheme: request.service.subtheme,
      lang,
      application_date: request.application_date,
      start_date: request.service.start_date,
      first_time: Boolean(v.first),
      size_class: a.size_class,
      eligible: a.eligible,
      price: a.invoiced,
      eligible_cost: a.eligible_cost,
      rate: a.rate,
      aid: a.aid,
      own_share: a.own_share,
      vat: a.vat,
      ceiling: a.ceiling,
      ceiling_left: a.ceiling_left,
      capped: a.capped,
      deadlines: { ...a.deadlines },
      blocking: blocking.map((f) => f.code),
      engine: a.engine,
    });
  }

  // Sends kmo-quote when the quote shown changes (null: no quote is shown).
  #result(detail) {
    const text = detail === null ? null : JSON.stringify(detail);
    if (text === this.#last) return;
    this.#last = text;
    if (detail !== null) this.dispatchEvent(new CustomEvent('kmo-quote', { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('kmo-calculator')) customElements.define('kmo-calculator', KmoCalculator);
