/** Los hallazgos del revisor y la página de importación, en español (se añaden a es.ts). */
import type { lintEn } from './lint.en.js';

const q = (s: string) => `«${s}»`;

export const lintEs = {
  lintPlaceholderLink: (text: string, target: string) =>
    `El enlace ${q(text)} no lleva a ninguna parte: su dirección es ${q(target)}.`,
  lintPlaceholderLinkFix: 'Enlaza el documento real o quita el enlace.',
  lintOrgWithoutBoilerplate: (name: string) =>
    `El comunicado nombra a ${name}, pero no incluye su párrafo «Acerca de».`,
  lintOrgWithoutBoilerplateFix: (name: string) =>
    `Añade un párrafo «Acerca de» para ${name} (del registro, o pídeselo).`,
  lintBoilerplateNotNamed: (name: string) =>
    `Hay un párrafo «Acerca de» de ${name}, pero el comunicado nunca la nombra.`,
  lintBoilerplateNotNamedFix: (name: string) => `Nombra a ${name} en el comunicado o quita su párrafo.`,
  lintOrgNameInconsistent: (name: string, first: string) =>
    `${q(name)} y ${q(first)} son la misma organización con dos nombres.`,
  lintOrgNameInconsistentFix: (name: string) => `Usa un solo nombre en todo el texto: ${q(name)}.`,
  lintWebsiteMisspelled: (site: string, name: string) => `El sitio web ${site} parece una errata de ${name}.`,
  lintWebsiteDiffers: (site: string, registered: string) =>
    `El sitio web ${site} no coincide con el del registro (${registered}).`,
  lintWebsiteFix: (site: string) => `Revísalo; la dirección probable es ${site}.`,
  lintWebsiteCheckFix: 'Revisa la dirección antes de enviar el comunicado.',
  lintEmailMisspelled: (email: string, domain: string) =>
    `El correo ${email} parece tener una errata: el dominio de la organización es ${domain}.`,
  lintEmailFix: (email: string) => `¿Querías decir ${email}?`,
  lintContactNoOrganization: (name: string) =>
    `El contacto de prensa ${name} no está vinculado a ninguna organización.`,
  lintContactNoOrganizationFix: (name: string) => `Indica en nombre de qué organización habla ${name}.`,
  lintContactNoPhone: (name: string) => `El contacto de prensa ${name} no tiene teléfono.`,
  lintContactNoEmail: (name: string) => `El contacto de prensa ${name} no tiene correo electrónico.`,
  lintContactHiddenEmail: (name: string) => `La página web de la que se copió ocultó el correo de ${name}.`,
  lintContactOnlyHiddenEmail:
    'El contacto de prensa es solo un correo que ocultó la página web de la que se copió: sin nombre ni teléfono.',
  lintContactOnlyHiddenEmailFix:
    'Indica el nombre, el correo y el teléfono del contacto (del registro o de la organización que emite el comunicado).',
  lintContactAddFix: 'Añádelo desde el registro.',
  lintPhoneMalformed: (phone: string) => `El teléfono ${q(phone)} no es un número válido.`,
  lintPhoneFix: 'Escríbelo con el código de país, p. ej. +502 2414 7444.',
  lintEmailMalformed: (email: string) => `${q(email)} no es una dirección de correo válida.`,
  lintEmailMalformedFix: 'Corrige la dirección.',
  lintQuoteNoRole: (speaker: string) => `La cita de ${speaker} no indica su cargo ni su organización.`,
  lintQuoteNoRoleFix: (speaker: string) => `Añade el cargo y la organización de ${speaker} después del nombre.`,
  lintAttributionSplit: (speaker: string) =>
    `La negrita de la atribución a ${speaker} empieza o termina a mitad del nombre.`,
  lintAttributionSplitFix: (attribution: string) => `Pon en negrita la atribución completa: **${attribution}**.`,
  lintBoilerplateHeading: (heading: string, usual: string) =>
    `Este párrafo «Acerca de» empieza con ${q(heading)}, a diferencia de los demás (${q(usual)}).`,
  lintBoilerplateHeadingFix: (fixed: string) => `Empiézalo como los demás: ${q(fixed)}.`,
  lintBoilerplateEmphasis: (italic: number, total: number) =>
    `${italic} de los ${total} párrafos «Acerca de» están en cursiva y los demás no.`,
  lintBoilerplateEmphasisFix: 'Da el mismo formato a todos los párrafos «Acerca de».',
  lintBoilerplateNoWebsite: (name: string) => `El párrafo «Acerca de» de ${name} no da ningún sitio web.`,
  lintBoilerplateNoWebsiteFix: (site: string | null) =>
    site ? `Añade su sitio web: ${site}.` : 'Añade su sitio web, o anota en el registro que no tiene.',
  lintReleaseLineColon: (text: string) => `${q(text)} termina en dos puntos; la línea de difusión va sola.`,
  lintReleaseLineColonFix: (text: string) => `Escribe ${q(text)}.`,
  lintDateMismatch: (header: string, dateline: string) =>
    `El comunicado tiene fecha ${header}, pero la data dice ${dateline}.`,
  lintDateMismatchFix: 'Usa la misma fecha en ambos lugares.',
  lintEmbargoPast: (when: string) => `El embargo (${when}) ya pasó.`,
  lintEmbargoPastFix: 'Cambia la línea a PARA DIFUSIÓN INMEDIATA o fija un nuevo embargo.',
  lintCountMismatch: (claim: string, listed: number) =>
    `El texto dice ${q(claim)}, pero nombra ${listed} organizaciones.`,
  lintCountMismatchFix: 'Corrige el número o nombra a las organizaciones que faltan.',
  lintCountListsDisagree: (named: number, about: number) =>
    `La entradilla nombra ${named} organizaciones, pero le siguen ${about} párrafos «Acerca de».`,
  lintCountListsDisagreeFix:
    'Añade los párrafos «Acerca de» que faltan o revisa la lista de organizaciones de la entradilla.',
  lintQuoteNoTitle: (speaker: string) => `La cita de ${speaker} indica una organización, pero no su cargo.`,
  lintQuoteNoTitleFix: (speaker: string) => `Añade el cargo de ${speaker} (por ejemplo «directora de …»).`,
  lintListBroken: (blank: number) => `${blank} líneas en blanco parten en dos la lista de viñetas.`,
  lintListBrokenFix: 'Quita las líneas en blanco entre los elementos.',
  lintTextCut:
    'El texto se corta a mitad de una frase: quizá se perdió una parte al copiarlo. De esa parte no se avisa si faltan sitios web, párrafos «Acerca de» o correos.',
  lintTextCutFix: 'Vuelve a pegar el comunicado completo, hasta la marca de cierre (###) y los párrafos «Acerca de».',
  lintMissingLanguage: (block: string, language: string) => `Falta el texto en ${language} de: ${block}.`,
  lintMissingLanguageFix: (language: string) => `Escribe o traduce la versión en ${language}.`,
  lintLanguageName: (code: 'en' | 'es') => (code === 'en' ? 'inglés' : 'español'),
  lintBlockName: (kind: string, n: number) =>
    ({ headline: 'el titular', subheadline: 'el subtítulo', dateline: 'la data', lead: 'la entradilla' })[kind] ??
    `${kind === 'quote' ? 'la cita' : kind === 'highlights' ? 'la introducción de la lista' : kind === 'highlight' ? 'la viñeta' : 'el párrafo'} ${n}`,
  lintFindingsTitle: 'Lo que encontró el revisor',
  lintFindingsNote: 'Revisado contra el registro, en los dos idiomas. Solo el equipo editorial ve esta lista.',
  lintSeverity: (severity: 'error' | 'warning' | 'info') =>
    ({ error: 'Error', warning: 'Advertencia', info: 'Nota' })[severity],
  lintWhere: (where: string) => `Dónde: ${where}`,
  importNav: 'Importar un comunicado',
  importTitle: 'Importar un comunicado',
  importIntro:
    'Sube un comunicado en Markdown, texto plano, HTML o Word (.docx). Verás lo que Puente reconoció y lo que añadiría al registro; no se guarda nada hasta que lo confirmes.',
  importFileLabel: 'Archivo del comunicado',
  importFileHint: (mb: number) => `.md, .txt, .html o .docx, hasta ${mb} MB.`,
  importLangLabel: 'Idioma del comunicado',
  importLangAuto: 'Detectarlo',
  importSubmit: 'Leer el archivo',
  importReportTitle: 'Lo que Puente reconoció',
  importNothingWritten: 'Todavía no se ha guardado nada.',
  importConfidence: (percent: number) => `${percent} % de seguridad`,
  importField: (field: string) =>
    ({
      headline: 'Titular',
      date: 'Fecha',
      dateline_place: 'Data',
      release_line: 'Línea de difusión',
      contacts: 'Contactos de prensa',
      organizations: 'Organizaciones',
      quotes: 'Citas',
      recommendations: 'Recomendaciones',
      boilerplates: 'Párrafos «Acerca de»',
      end_mark: 'Marca de cierre',
      lead: 'Entradilla',
    })[field] ?? field,
  importUnsure: 'dudoso: revísalo',
  importUnsureIntro: 'Puente no está seguro de algunos campos. Compruébalo con el archivo y márcalo.',
  importUnsureConfirm: (field: string) => `He comprobado: ${field.toLowerCase()}`,
  importUnsureMissing: (fields: string) =>
    `Confirme los campos de los que Puente no está seguro antes de guardar: marque ${fields} cuando los haya comprobado con el archivo.`,
  importOrganizations: 'Organizaciones',
  importPeople: 'Personas',
  importMatched: (name: string, how: string) => `coincide con ${name} en el registro (${how})`,
  importWouldCreate: 'nueva: se añadirá al registro',
  importHow: (how: 'name' | 'alias' | 'acronym' | 'fuzzy') =>
    ({ name: 'mismo nombre', alias: 'otro nombre', acronym: 'sigla', fuzzy: 'nombre parecido' })[how],
  importConfirm: 'Guardar como borrador',
  importConfirmNote: 'El comunicado se guarda como borrador: no es público hasta que se publique.',
  importDone: (slug: string) => `Guardado como el borrador «${slug}».`,
  importProblem: (problem: string) =>
    ({
      empty: 'El archivo está vacío: no hay nada que importar.',
      'too-large': 'El archivo es demasiado grande: un comunicado puede tener como máximo 2 MB.',
      'unpacked-too-large':
        'Este archivo de Word ocupa más de 16 MB al descomprimirse, mucho más que cualquier comunicado, así que no se leyó. Vuelve a guardar el comunicado como .docx (o como texto) y sube ese archivo.',
      'too-complex':
        'Leer este archivo exige más tiempo o memoria de lo que necesita cualquier comunicado, así que se interrumpió la lectura. Vuelve a guardar el comunicado como .docx (o como texto) y sube ese archivo.',
      binary: 'No es un archivo de texto. Sube Markdown, texto plano, HTML o Word (.docx).',
      encoding: 'El archivo no está en UTF-8. Guárdalo de nuevo como UTF-8 y vuelve a subirlo.',
      'not-docx': 'No es un documento de Word (.docx). Ábrelo en Word y guárdalo como .docx.',
      'unknown-format': 'Sube un archivo .md, .txt, .html o .docx.',
      'no-file': 'Elige un archivo para subir.',
    })[problem] ?? problem,
} as const satisfies {
  [K in keyof typeof lintEn]: (typeof lintEn)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
