/** Los hallazgos del revisor y la página de importación, en español (se añaden a es.ts). */
import type { lintEn } from './lint.en.js';

const q = (s: string) => `«${s}»`;

export const lintEs = {
  lintPlaceholderLink: (text: string, target: string) =>
    `El enlace ${q(text)} no lleva a ninguna parte: su dirección es ${q(target)}.`,
  lintPlaceholderLinkFix: 'Enlace el documento real o quite el enlace.',
  lintOrgWithoutBoilerplate: (name: string) =>
    `El comunicado nombra a ${name}, pero no incluye su párrafo «Acerca de».`,
  lintOrgWithoutBoilerplateFix: (name: string) =>
    `Añada un párrafo «Acerca de» para ${name} (del registro, o pídaselo).`,
  lintBoilerplateNotNamed: (name: string) =>
    `Hay un párrafo «Acerca de» de ${name}, pero el comunicado nunca la nombra.`,
  lintBoilerplateNotNamedFix: (name: string) => `Nombre a ${name} en el comunicado o quite su párrafo.`,
  lintOrgNameInconsistent: (name: string, first: string) =>
    `${q(name)} y ${q(first)} son la misma organización con dos nombres.`,
  lintOrgNameInconsistentFix: (name: string) => `Use un solo nombre en todo el texto: ${q(name)}.`,
  lintWebsiteMisspelled: (site: string, name: string) => `El sitio web ${site} parece una errata de ${name}.`,
  lintWebsiteDiffers: (site: string, registered: string) =>
    `El sitio web ${site} no coincide con el del registro (${registered}).`,
  lintWebsiteFix: (site: string) => `Revíselo; la dirección probable es ${site}.`,
  lintWebsiteCheckFix: 'Revise la dirección antes de enviar el comunicado.',
  lintEmailMisspelled: (email: string, domain: string) =>
    `El correo ${email} parece tener una errata: el dominio de la organización es ${domain}.`,
  lintEmailFix: (email: string) => `¿Quiso decir ${email}?`,
  lintContactNoOrganization: (name: string) =>
    `El contacto de prensa ${name} no está vinculado a ninguna organización.`,
  lintContactNoOrganizationFix: (name: string) => `Indique en nombre de qué organización habla ${name}.`,
  lintContactNoPhone: (name: string) => `El contacto de prensa ${name} no tiene teléfono.`,
  lintContactNoEmail: (name: string) => `El contacto de prensa ${name} no tiene correo electrónico.`,
  lintContactHiddenEmail: (name: string) => `La página web de la que se copió ocultó el correo de ${name}.`,
  lintContactAddFix: 'Añádalo desde el registro.',
  lintPhoneMalformed: (phone: string) => `El teléfono ${q(phone)} no es un número válido.`,
  lintPhoneFix: 'Escríbalo con el código de país, p. ej. +502 2414 7444.',
  lintEmailMalformed: (email: string) => `${q(email)} no es una dirección de correo válida.`,
  lintEmailMalformedFix: 'Corrija la dirección.',
  lintQuoteNoRole: (speaker: string) => `La cita de ${speaker} no indica su cargo ni su organización.`,
  lintQuoteNoRoleFix: (speaker: string) => `Añada el cargo y la organización de ${speaker} después del nombre.`,
  lintAttributionSplit: (speaker: string) =>
    `La negrita de la atribución a ${speaker} empieza o termina a mitad del nombre.`,
  lintAttributionSplitFix: (attribution: string) => `Dé formato a la atribución completa: **${attribution}**.`,
  lintBoilerplateHeading: (heading: string, usual: string) =>
    `Este párrafo «Acerca de» empieza con ${q(heading)}, a diferencia de los demás (${q(usual)}).`,
  lintBoilerplateHeadingFix: (fixed: string) => `Empiécelo como los demás: ${q(fixed)}.`,
  lintBoilerplateEmphasis: (italic: number, total: number) =>
    `${italic} de los ${total} párrafos «Acerca de» están en cursiva y los demás no.`,
  lintBoilerplateEmphasisFix: 'Dé el mismo formato a todos los párrafos «Acerca de».',
  lintBoilerplateNoWebsite: (name: string) => `El párrafo «Acerca de» de ${name} no da ningún sitio web.`,
  lintBoilerplateNoWebsiteFix: (site: string | null) =>
    site ? `Añada su sitio web: ${site}.` : 'Añada su sitio web, o anote en el registro que no tiene.',
  lintReleaseLineColon: (text: string) => `${q(text)} termina en dos puntos; la línea de difusión va sola.`,
  lintReleaseLineColonFix: (text: string) => `Escriba ${q(text)}.`,
  lintDateMismatch: (header: string, dateline: string) =>
    `El comunicado tiene fecha ${header}, pero la data dice ${dateline}.`,
  lintDateMismatchFix: 'Use la misma fecha en ambos lugares.',
  lintEmbargoPast: (when: string) => `El embargo (${when}) ya pasó.`,
  lintEmbargoPastFix: 'Cambie la línea a PARA DIFUSIÓN INMEDIATA o fije un nuevo embargo.',
  lintCountMismatch: (claim: string, listed: number) =>
    `El texto dice ${q(claim)}, pero nombra ${listed} organizaciones.`,
  lintCountMismatchFix: 'Corrija el número o nombre a las organizaciones que faltan.',
  lintListBroken: (blank: number) => `${blank} líneas en blanco parten en dos la lista de viñetas.`,
  lintListBrokenFix: 'Quite las líneas en blanco entre los elementos.',
  lintMissingLanguage: (block: string, language: string) => `Falta el texto en ${language} de: ${block}.`,
  lintMissingLanguageFix: (language: string) => `Escriba o traduzca la versión en ${language}.`,
  lintLanguageName: (code: 'en' | 'es') => (code === 'en' ? 'inglés' : 'español'),
  lintBlockName: (kind: string, n: number) =>
    ({ headline: 'el titular', subheadline: 'el subtítulo', dateline: 'la data', lead: 'la entradilla' })[kind] ??
    `${kind === 'quote' ? 'la cita' : kind === 'highlights' ? 'la introducción de la lista' : kind === 'highlight' ? 'la viñeta' : 'el párrafo'} ${n}`,
} as const satisfies {
  [K in keyof typeof lintEn]: (typeof lintEn)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
