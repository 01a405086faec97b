/**
 * What a header line looks like: a title's shape (Title Case, an opening quotation), the lines that are never
 * a title (page chrome, bylines, an advisory's fields, a letter's address), and the score that weighs them.
 */
import { findDate } from './dates.js';
import { GENRE_TITLE } from './genre-label.js';
import { isPersonName } from './names.js';
import { type Block, plain, wordCount } from './normalize.js';

/** Most words capitalized, as in an English title or a line in capitals. */
export function titleCased(text: string): boolean {
  const ws = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return ws.length > 0 && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length >= 0.7;
}

/**
 * A title that opens with a quotation: "“We will not be silenced”: groups respond to …", "«No nos callarán»,
 * dicen las organizaciones". The quote closes inside the line and the line does not end as a sentence.
 */
export function quotedTitle(text: string): boolean {
  return /^[“"«][^“”"«»]{3,160}[”"»]\s*[:,–—-]\s*\S/.test(text) && !/[.]["”»]?$/.test(text) && wordCount(text) <= 40;
}

/** A short lead opens with its time or speaks as "we": "Today, 60 groups sent …", "Nosotras exigimos …". */
export const LEAD_OPENER =
  /^(?:today|yesterday|this\s+(?:week|morning|afternoon)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|hoy|ayer|este\s+(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)|el\s+d[ií]a\s+de\s+hoy|we|nosotr[oa]s|las?\s+(?:organizaciones|personas)\s+(?:abajo\s+)?firmantes)\b|\bwe\s+\p{Ll}/iu;

/** A courtesy title before a name ("Sr. …", "Dra. …", "Hon. …"): a letter's addressee. */
export const HONORIFIC = /^(?:sr|sra|srta|dr|dra|lic|ing|mr|mrs|ms|hon|excmo|excma)\.?\s+\p{Lu}/iu;

/**
 * Lines of a header that are something else by their first words: a byline ("By …", "Por …"), a photo credit,
 * a letter's salutation or addressees ("Dear …", "A la opinión pública"), an advisory's field ("WHEN:", "Dónde:"),
 * a note on the other language's version.
 */
export const NOT_A_TITLE =
  /^(?:(?:written\s+by|escrito\s+por|autor(?:a)?\s*:)\s+\S|(?:photo|foto|fotograf[ií]a|image|imagen|cr[eé]dito)s?\b(?:\s+(?:credit|by|de|por))?\s*:|(?:dear|estimad[oa]s?|querid[oa]s?|distinguid[oa]s?)\s|a\s+(?:la|las|los)\s+(?:opini[oó]n\s+p[uú]blica|medios|comunidad|sociedad|pueblos?|autoridades|organizaciones)\b|(?:what|when|where|who|why|rsvp|visuals|qu[eé]|cu[aá]ndo|d[oó]nde|qui[eé]n(?:es)?|c[oó]mo)\s*:|\((?:in\s+)?(?:english|spanish|espa[nñ]ol|ingl[eé]s|en\s+(?:espa[nñ]ol|ingl[eé]s))\b[^)]*\)|english\s+(?:version|follows|below)\b|versi[oó]n\s+en\s+(?:ingl[eé]s|espa[nñ]ol)\b)/i;
/** "By Communications Staff", "Por Juan Pérez": a byline names its author in capitals; "Por una ley justa" is a title. */
export const BYLINE =
  /^(?:[Bb]y|BY|[Pp]or|POR)\s+\p{Lu}[\p{L}.’'-]*(?:\s+(?:\p{Lu}[\p{L}.’'-]*|de|del|la|y|and|&))*\s*$/u;

/**
 * Words of web-page chrome and section labels that are never a release's title. A row of social-network links
 * ("Follow us", "Síguenos en Facebook Twitter …") is the page's, never the release's.
 */
export const CHROME =
  /\b(?:(?:follow\s+us|s[ií]guenos|con[eé]ct(?:ese|ate)\s+con\s+nosotros)\b|(?:facebook|twitter|youtube|linkedin|instagram|tiktok)\W+(?:facebook|twitter|youtube|linkedin|instagram|tiktok|x)\b|skip\s+to|back\s+to|newsroom|home\s*page|main\s+content|menu|channel|viewing\s+all|browse|quantcast|share\s+this|tweet|subscribe|read\s+more|saltar\s+al|ir\s+al\s+contenido|staff|urgent\s+interventions|posted\s+(?:by|on)|publicado\s+por|etiquetas|tags?(?=\s*:)|filed\s+under|categor(?:y|ies|[ií]as?))\b/i;

/**
 * How much a header line looks like the release's title, summing small pieces of evidence: its length, its
 * punctuation, whether it is chrome, a date, a name or a label, and whether it is repeated (listing pages
 * show the title twice) or echoed by the lead. The highest score above `headlineMinScore` wins.
 */
export function headlineScore(
  text: string,
  n: number,
  texts: string[],
  blocks: Block[],
  i: number,
  lead: number,
): number {
  const w = wordCount(text);
  let score = 0;
  score += w >= 5 && w <= 30 ? 2 : w >= 3 ? 0 : -2;
  if (CHROME.test(text)) score -= 4;
  if (findDate(text) || /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}:\d{2}\b/.test(text)) score -= 3;
  if (/[|]/.test(text)) score -= 2;
  // Introductions ("Estimada Alta Comisionada:"), references ("Ref.: …") and spaced letters ("P R E S E N T E").
  if (
    /:$/.test(text) ||
    /^(?:re|ref|asunto|subject|attn|atenci[oó]n)\.?\s*:/i.test(text) ||
    /^(?:\p{L} ){3,}\p{L}$/u.test(text)
  )
    score -= 3;
  // A label before the title ("Press release: Launching …") announces it.
  // A title naming its own genre is the document's title; other title-like lines may be a blog's or a section's.
  if (GENRE_TITLE.test(text)) score += 3;
  if (titleCased(text)) score += 1;
  // A letter's address block: an honorific line and the lines under it.
  const above = texts.slice(Math.max(0, n - 2), n + 1);
  if (above.some((t) => HONORIFIC.test(t))) score -= 3;
  if (/,$/.test(text)) score -= 3;
  if (NOT_A_TITLE.test(text) || BYLINE.test(text)) score -= 4;
  // Breadcrumbs and menus: short items joined by "»", "›", ">" or " / ".
  if ((text.match(/\s[»›>/]\s/g) ?? []).length >= 1 && !/[.!?]$/.test(text)) score -= 3;
  if (/[.;]$/.test(text) && !/\b(?:Inc|Jr|Sr|U\.S)\.$/.test(text)) score -= 1;
  // A finished sentence that opens with its time or speaks as "we" is a short lead, not a title.
  if (/[.]$/.test(text) && LEAD_OPENER.test(text)) score -= 4;
  if (isPersonName(text.replace(/,$/, ''))) score -= 3;
  // "Environmental Justice Press Releases … Press Releases": a navigation line repeats its words.
  const tokens = text.toLowerCase().split(/\s+/);
  const pairs = tokens
    .slice(1)
    .map((t, k) => `${tokens[k]} ${t}`)
    .filter((pair) => /^\p{L}{4,} \p{L}{4,}$/u.test(pair));
  if (new Set(pairs).size < pairs.length) score -= 3;
  if (texts.some((t, k) => k !== n && t.toLowerCase() === text.toLowerCase())) score += 2;
  // The lead usually takes up the title's words.
  const leadText = blocks[lead] ? plain((blocks[lead] as Block).text).toLowerCase() : '';
  const content = tokens.map((t) => t.replace(/[^\p{L}\d]/gu, '')).filter((t) => t.length >= 5);
  if (content.length > 0 && content.filter((t) => leadText.includes(t)).length / content.length >= 0.3) score += 1;
  // Of a title and its subtitle, the title comes first.
  const titleish = (t: string | undefined) =>
    t !== undefined && wordCount(t) >= 3 && !CHROME.test(t) && !findDate(t) && !/[:|,]$/.test(t) && !HONORIFIC.test(t);
  const adjacent = (k: number) => blocks[i + k] !== undefined && texts.includes(plain((blocks[i + k] as Block).text));
  if (adjacent(1) && titleish(plain((blocks[i + 1] as Block).text))) score += 1;
  if (adjacent(-1) && titleish(plain((blocks[i - 1] as Block).text))) score -= 1;
  // A title sits close above the lead.
  if (lead - i <= 4) score += 1;
  return score;
}
