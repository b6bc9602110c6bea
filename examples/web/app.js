// The provider's own page script: the language from ?lang=, the page's texts, the list of
// services from the same catalogue the calculator reads, and a contact form pre-filled from the
// calculator's kmo-quote event (the numbers of a quote that stands, the last day to register
// for a first application; no own share under a refusal). The calculator itself needs none of this.

const TEXTS = {
  nl: {
    pageTitle: 'Flexorius – HR-opleidingen en -advies met de kmo-portefeuille',
    languages: 'Taal',
    skip: 'Naar de calculator',
    title: 'Wat als we u 20 % of 30 % subsidie geven op onze opleidingen en adviezen?',
    lead: 'Met de kmo-portefeuille betaalt de Vlaamse overheid een deel van de opleidingen en adviezen die uw onderneming bij een erkende dienstverlener koopt. Flexorius is erkend voor opleiding en advies.',
    offerTitle: 'Ons aanbod in HR',
    training: 'opleiding',
    advice: 'advies',
    exclVat: 'excl. btw',
    aidTitle: 'Hoeveel steun krijgt u?',
    aidSmall: 'Kleine ondernemingen (ook micro-ondernemingen): 30 % steun.',
    aidMedium: 'Middelgrote ondernemingen: 20 % steun.',
    aidCyber: 'Opleidingen en adviezen over cybersecurity: 15 procentpunt extra.',
    aidCeiling: 'Per kalenderjaar hoogstens 7 500 euro steun, opleiding en advies samen.',
    aidAdvice: 'Sinds 1 februari 2026 komt advies alleen nog in aanmerking als het over cybersecurity gaat.',
    howTitle: 'Zo werkt het',
    how1: 'Eerste keer? Registreer uw onderneming eenmalig op het kmo-portefeuilleplatform. Na ongeveer 10 dagen krijgt u een brief met een eenmalige link; die is een maand geldig.',
    how2: 'Dien uw aanvraag in, uiterlijk 14 dagen na de start van de opleiding of het advies.',
    how3: 'Stort uw eigen aandeel in de kmo-portefeuille, binnen 14 dagen na uw aanvraag.',
    how4: 'Na de opleiding of het advies sturen wij de factuur; u geeft de betaling vrij op het platform.',
    how5: 'De btw betaalt u rechtstreeks aan ons.',
    calcTitle: 'Bereken wat het u kost',
    contactTitle: 'Vraag uw offerte aan',
    contactName: 'Naam',
    contactEmail: 'E-mail',
    contactMessage: 'Uw vraag',
    contactSend: 'Verstuur',
    contactSent: 'Bedankt! (Voorbeeldpagina: er is niets verstuurd.)',
    message: (q, money, day) => `Graag een offerte voor ${q.service?.title ?? 'een opleiding of advies'}${q.start_date ? `, start op ${day(q.start_date)}` : ''}. ${q.eligible ? `Volgens uw calculator: eigen aandeel ${money(q.own_share)}, steun ${money(q.aid)}, btw ${money(q.vat)}.${q.registration?.register_by ? ` Eerste aanvraag: registreren uiterlijk op ${day(q.registration.register_by)}.` : ''}` : 'Volgens uw calculator komt dit niet in aanmerking voor de kmo-portefeuille.'}`,
    footer: 'Voorbeeldpagina. De calculator geeft een indicatie volgens de regels van de kmo-portefeuille; het Agentschap Innoveren & Ondernemen beslist over uw aanvraag.',
  },
  fr: {
    pageTitle: 'Flexorius – Formations et conseils RH avec le portefeuille PME',
    languages: 'Langue',
    skip: 'Aller au calculateur',
    title: 'Et si nous vous offrions 20 % ou 30 % de subside sur nos formations et conseils ?',
    lead: 'Avec le portefeuille PME (kmo-portefeuille), le gouvernement flamand paie une partie des formations et conseils que votre entreprise achète auprès d’un prestataire agréé. Flexorius est agréé pour la formation et le conseil.',
    offerTitle: 'Notre offre RH',
    training: 'formation',
    advice: 'conseil',
    exclVat: 'HTVA',
    aidTitle: 'Quelle aide recevez-vous ?',
    aidSmall: 'Petites entreprises (microentreprises comprises) : 30 % d’aide.',
    aidMedium: 'Moyennes entreprises : 20 % d’aide.',
    aidCyber: 'Formations et conseils en cybersécurité : 15 points de pourcentage en plus.',
    aidCeiling: 'Au maximum 7 500 euros d’aide par année civile, formation et conseil ensemble.',
    aidAdvice: 'Depuis le 1er février 2026, le conseil n’est plus admissible que s’il porte sur la cybersécurité.',
    howTitle: 'Comment ça marche',
    how1: 'Première fois ? Inscrivez votre entreprise une seule fois sur la plateforme du portefeuille PME. Après une dizaine de jours, vous recevez un courrier avec un lien unique, valable un mois.',
    how2: 'Introduisez votre demande au plus tard 14 jours après le début de la formation ou du conseil.',
    how3: 'Versez votre quote-part dans le portefeuille PME dans les 14 jours suivant votre demande.',
    how4: 'Après la formation ou le conseil, nous envoyons la facture ; vous libérez le paiement sur la plateforme.',
    how5: 'Vous nous payez la TVA directement.',
    calcTitle: 'Calculez ce que cela vous coûte',
    contactTitle: 'Demandez votre offre',
    contactName: 'Nom',
    contactEmail: 'E-mail',
    contactMessage: 'Votre question',
    contactSend: 'Envoyer',
    contactSent: 'Merci ! (Page d’exemple : rien n’a été envoyé.)',
    message: (q, money, day) => `Je souhaite une offre pour ${q.service?.title ?? 'une formation ou un conseil'}${q.start_date ? `, début le ${day(q.start_date)}` : ''}. ${q.eligible ? `Selon votre calculateur : quote-part ${money(q.own_share)}, aide ${money(q.aid)}, TVA ${money(q.vat)}.${q.registration?.register_by ? ` Première demande : inscription au plus tard le ${day(q.registration.register_by)}.` : ''}` : 'Selon votre calculateur, ce n’est pas admissible au portefeuille PME.'}`,
    footer: 'Page d’exemple. Le calculateur donne une indication selon les règles du portefeuille PME ; l’Agence flamande pour l’innovation et l’entrepreneuriat (VLAIO) décide de votre demande.',
  },
  en: {
    pageTitle: 'Flexorius – HR training and advice with the kmo-portefeuille',
    languages: 'Language',
    skip: 'Skip to the calculator',
    title: 'What if we give you 20 % or 30 % subsidy on our training and advice?',
    lead: 'With the kmo-portefeuille (SME wallet), the Flemish government pays part of the training and advice your company buys from a registered provider. Flexorius is registered for training and advice.',
    offerTitle: 'Our HR services',
    training: 'training',
    advice: 'advice',
    exclVat: 'excl. VAT',
    aidTitle: 'How much aid do you get?',
    aidSmall: 'Small enterprises (micro enterprises too): 30 % aid.',
    aidMedium: 'Medium-sized enterprises: 20 % aid.',
    aidCyber: 'Training and advice on cybersecurity: 15 percentage points more.',
    aidCeiling: 'At most 7,500 euro of aid per calendar year, training and advice together.',
    aidAdvice: 'Since 1 February 2026, advice only qualifies when it is about cybersecurity.',
    howTitle: 'How it works',
    how1: 'First time? Register your company once on the kmo-portefeuille platform. After about 10 days a letter brings a one-time link, valid for one month.',
    how2: 'Apply at the latest 14 days after the training or advice starts.',
    how3: 'Pay your own share into the kmo-portefeuille within 14 days of applying.',
    how4: 'After the training or advice we send the invoice; you release the payment on the platform.',
    how5: 'You pay the VAT directly to us.',
    calcTitle: 'Calculate what it costs you',
    contactTitle: 'Ask for your offer',
    contactName: 'Name',
    contactEmail: 'Email',
    contactMessage: 'Your question',
    contactSend: 'Send',
    contactSent: 'Thank you! (Sample page: nothing was sent.)',
    message: (q, money, day) => `Please send an offer for ${q.service?.title ?? 'a training or advice'}${q.start_date ? `, starting on ${day(q.start_date)}` : ''}. ${q.eligible ? `According to your calculator: own share ${money(q.own_share)}, aid ${money(q.aid)}, VAT ${money(q.vat)}.${q.registration?.register_by ? ` First application: register by ${day(q.registration.register_by)}.` : ''}` : 'According to your calculator it does not qualify for the kmo-portefeuille.'}`,
    footer: 'Sample page. The calculator gives an indication under the rules of the kmo-portefeuille; the Flemish Agency for Innovation and Entrepreneurship (VLAIO) decides on your application.',
  },
};

const asked = new URLSearchParams(location.search).get('lang');
const lang = Object.hasOwn(TEXTS, asked ?? '') ? asked : 'nl';
const t = TEXTS[lang];
document.documentElement.lang = lang;
document.title = t.pageTitle;
for (const el of document.querySelectorAll('[data-t]')) el.textContent = t[el.dataset.t];
document.querySelector('nav[data-t-label]').setAttribute('aria-label', t.languages);
for (const a of document.querySelectorAll('.langs a')) {
  if (a.hreflang === lang) a.setAttribute('aria-current', 'page');
}

const locale = lang === 'en' ? 'en-IE' : `${lang}-BE`;
// One formatter each, made when first needed: making one is slow on a phone (tens of ms).
let moneyFormat;
let dayFormat;
const money = (amount) => (moneyFormat ??= new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' })).format(amount);
const day = (iso) => (dayFormat ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${iso}T00:00:00Z`));

// The offer, from the catalogue the calculator uses too (one list to maintain).
fetch('catalogue.json')
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
  .then((catalogue) => {
    document.getElementById('offer').replaceChildren(...catalogue.services.map((s) => {
      const li = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = s.title[lang] ?? s.title.nl;
      li.append(title, ` — ${t[s.kind]}, ${money(s.price)} ${t.exclVat}`);
      return li;
    }));
  })
  .catch(() => {
    document.getElementById('offer').closest('section').hidden = true;
  });

// The calculator's quote pre-fills the contact form, until the visitor writes there.
const message = document.getElementById('contact-message');
let written = false;
message.addEventListener('input', () => {
  written = true;
});
const calculator = document.querySelector('kmo-calculator');
const prefill = (quote) => {
  document.getElementById('contact-quote').value = JSON.stringify(quote);
  if (!written) message.value = t.message(quote, money, day);
};
calculator.addEventListener('kmo-quote', (e) => prefill(e.detail));
// This script may run after the first quote (its own download can finish after the engine's):
// the quote already shown is on the element.
if (calculator.quote) prefill(calculator.quote);
// While the visitor corrects an entry no quote stands: the form keeps no old numbers.
calculator.addEventListener('kmo-quote-invalid', () => {
  document.getElementById('contact-quote').value = '';
  if (!written) message.value = '';
});
document.getElementById('contact').addEventListener('submit', (e) => {
  e.preventDefault();
  document.getElementById('contact-sent').textContent = t.contactSent;
});
