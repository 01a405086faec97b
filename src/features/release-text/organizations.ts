/**
 * The issuing or signing organizations: names in the lead paragraph (lists of names, and phrases with an
 * organization word), standalone organization lines in the header, and lists whose items are organizations.
 * When the text names none of those, the quoted speakers' organizations, then the boilerplates', stand in.
 */
import {
  acronymOf,
  capitalizedRuns,
  cleanOrgName,
  endsWithOrgWord,
  isAllCaps,
  isCapitalized,
  isNamePhrase,
  isOrgLike,
  isOrgWord,
  isPersonName,
  startsWithOrgWord,
  stripAcronym,
} from './names.js';

/** Names in a list ("A, B, C and D"; "A; B y C"): the run of items that are names, if most are organizations. */
export function namesInLists(sentence: string): string[] {
  return nameLists(sentence).flat();
}

/** Each list of names in the text separately (the linter compares count claims with them). */
export function nameLists(sentence: string): string[][] {
  const out: string[][] = [];
  // Sentences end at a stop before a capital, not after an abbreviation or an initial ("St. Mary's", "U.S. Bishops").
  for (const segment of sentence.split(
    /[;:]\s+|(?<!\b(?:St|Sr|Sra|Dr|Dra|Inc|Jr|Co|Mt|Ft|No|Av|\p{Lu}))\.\s+(?=\p{Lu})/u,
  )) {
    const items = segment.split(/,\s+/).flatMap(splitAnd);
    let run: string[] = [];
    // Whether some item opened with the list's conjunction ("…, and C"); if none did, the last item holds it.
    let conjunctionSeen = false;
    // The name that ends a piece of prose just before a list ("…, including the Muslim Association of Hawaii, …").
    let tail: string | null = null;
    // A run opened by such a name needs a third item: "…de CCOO, Elena Blasco, reclama" is an apposition.
    let fromTail = false;
    // Whether the run opens the sentence and its last name runs into the verb ("A, B and C today launched …"):
    // then it is the sentence's subject, and one organization among names that are not people's is enough.
    let opensSentence = false;
    let intoVerb = false;
    const close = () => {
      if (!conjunctionSeen && run.length >= 2) run.splice(-1, 1, ...splitLastItem(run.at(-1) as string));
      // A lone organization word ("Norte, Centro y Sudamérica") is a common noun, no evidence of a name.
      const orgs = run.filter((n) => isOrgLike(n) && !(/^\S+$/.test(n) && isOrgWord(n))).length;
      const subject = opensSentence && intoVerb && orgs >= 1 && !run.some((n) => isPersonName(n));
      if (run.length >= (fromTail ? 3 : 2) && (orgs >= run.length / 2 || subject)) out.push(run);
      run = [];
      conjunctionSeen = false;
      fromTail = false;
      opensSentence = false;
      intoVerb = false;
    };
    items.forEach((raw, k) => {
      const opens = /^(?:and|y|e|as\s+well\s+as|así\s+como)\s+/i.test(raw);
      const item = raw.replace(/^(?:and|y|e|as\s+well\s+as|así\s+como)\s+/i, '').trim();
      if (isNamePhrase(item) || (run.length > 0 && isLooseName(item))) {
        if (run.length === 0 && tail) {
          run.push(tail);
          fromTail = true;
        }
        if (run.length === 0) opensSentence = k === 0;
        tail = null;
        run.push(item);
        conjunctionSeen ||= opens;
        return;
      }
      // The list's last item runs into the sentence: "… and Red Jesuita Con Migrantes (RJM) issued …".
      const lead = leadingName(item);
      if (run.length > 0 && lead && k > 0) {
        run.push(lead);
        conjunctionSeen ||= opens;
        intoVerb =
          /^\s*(?:(?:today|yesterday|hoy|ayer|this\s+week|esta\s+semana|also|tambi[eé]n|jointly|conjuntamente),?\s+)?\p{Ll}/u.test(
            item.slice(item.indexOf(lead) + lead.length),
          );
      }
      close();
      tail = trailingName(item);
    });
    close();
  }
  return out;
}

/**
 * Inside a list already under way, a name may keep a word in lower case ("Coalition for the homeless",
 * "Caravana de Madres que buscan a sus hijos"): it opens with a capital, has no sentence inside, and most
 * of its content words are capitalized.
 */
function isLooseName(item: string): boolean {
  const ws = item.split(/\s+/);
  if (ws.length < 2 || ws.length > 10 || !/^\p{Lu}/u.test(item) || /[.!?:;]\s|[.!?]$|\d/.test(item)) return false;
  const content = ws.filter(
    (w) => !/^(?:of|for|and|&|the|on|in|to|at|de|del|la|las|los|el|y|e|en|para|con|por|a|que|sus?)$/i.test(w),
  );
  const capital = content.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return content.length > 0 && capital / content.length > 0.5 && isCapitalized(ws.at(-1) as string);
}

/**
 * "B and C" as the last item of "A, B and C" (no comma before the conjunction): split at its first
 * conjunction when both sides read as names; "Center for Justice and International Law" stays whole
 * only when the other side is not a name.
 */
function splitLastItem(item: string): string[] {
  const m = /^(.+?)\s+(?:and|y|e)\s+(.+)$/u.exec(item);
  if (!m) return [item];
  const left = m[1] as string;
  const right = (m[2] as string).replace(/^(?:the|la|el|los|las)\s+/i, '');
  return isNamePhrase(left) && isNamePhrase(right) && /^\p{Lu}/u.test(right) ? [left, right] : [item];
}

/** The name that closes a piece of prose after a lower-case word: "including the Muslim Association of Hawaii". */
function trailingName(item: string): string | null {
  const words = item.split(/\s+/);
  for (let n = Math.max(1, words.length - 12); n < words.length; n++) {
    if (!/^\p{Ll}/u.test(words[n - 1] as string)) continue;
    const candidate = words.slice(n).join(' ');
    if (isNamePhrase(candidate) && /^\p{Lu}/u.test(words[n] as string) && isOrgLike(candidate)) return candidate;
  }
  return null;
}

/** "X and Y" is two names only when both sides look like organizations. */
function splitAnd(item: string): string[] {
  const parts = item.split(/\s+(?:and|y)\s+(?=(?:the\s+|la\s+|el\s+)?\p{Lu})/u);
  const bareName = (p: string) => p.replace(/^(?:the|la|el|los|las)\s+/i, '');
  const twoNames =
    parts.length === 2 &&
    parts.every((p) => isNamePhrase(p.replace(/^(?:the|la|el|los|las)\s+/i, 'The '))) &&
    (parts.every(endsWithOrgWord) ||
      parts.every((p) => startsWithOrgWord(bareName(p))) ||
      (/^(?:the)\s/i.test(parts[1] as string) && endsWithOrgWord(parts[0] as string)) ||
      // "… Refugee Studies and the National Center for Youth Law": an article after the conjunction opens a
      // second name when both sides carry an organization word; inside one name "and" joins bare nouns.
      (/^(?:the|la|el|los|las)\s/i.test(parts[1] as string) &&
        parts.every((p) => isOrgLike(bareName(p)) && bareName(p).split(/\s+/).length >= 2)));
  if (twoNames) return [parts[0] as string, `and ${parts[1]}`];
  // "… Water Council and Friends of the Platte Basin today released …": the list's last two names.
  const articleAfter = /^(?:the|la|el|los|las)\s/i.test(parts[1] ?? '');
  if (
    parts.length === 2 &&
    isNamePhrase((parts[0] as string).replace(/^(?:the|la|el)\s+/i, 'The ')) &&
    (endsWithOrgWord(parts[0] as string) || articleAfter)
  ) {
    const right = leadingName(parts[1] as string);
    // "United We Dream and the Texas Civil Rights Project welcomed …": with an article between them, one of
    // the two names carrying an organization word is enough.
    const orgSide =
      endsWithOrgWord(parts[0] as string) || isOrgLike(bareName(parts[0] as string)) || (right && isOrgLike(right));
    if (right && orgSide) return [parts[0] as string, `and ${parts[1]}`];
  }
  return [item];
}

function leadingName(item: string): string | null {
  const words = item.split(/\s+/);
  for (let n = Math.min(words.length, 12); n >= 1; n--) {
    const candidate = words
      .slice(0, n)
      .join(' ')
      .replace(/[,.;:]+$/, '');
    if (isNamePhrase(candidate)) return candidate;
  }
  return null;
}

/** Phrases with an organization word, or standalone acronyms ("CIVICUS"), in running text. */
export function namedOrganizations(text: string): string[] {
  return capitalizedRuns(text)
    .map((run) => tidyName(run.replace(/^(?:the|el|la|los|las)\s+/i, '')))
    .filter((run): run is string => run !== null)
    .filter(
      (run) => isOrgLike(run) && (run.split(/\s+/).length >= 2 || isAllCaps(run) || /\.(?:org|com|net)$/i.test(run)),
    )
    .filter((run) => !isAllCaps(run) || !modifiesNoun(run, text));
}

const FUNCTION_WORD =
  /^(?:the|a|an|of|for|and|by|from|to|with|at|in|on|as|said|says|de|del|la|el|los|las|y|e|en|por|para|con|desde|según|que|a|al|dijo|afirmó)$/i;

/**
 * "los químicos PFAS", "toxic PFAS": an acronym right after a lower-case content word names a thing the word
 * describes; an organization's acronym follows a function word or punctuation ("desde CCOO", "by SEIU").
 */
function modifiesNoun(acronym: string, text: string): boolean {
  const before = [...text.matchAll(new RegExp(`(\\S+)\\s+${escapeRegExp(acronym)}(?![\\p{L}\\d])`, 'gu'))].map(
    (m) => m[1] as string,
  );
  // "la alianza CIVICUS", "the union SEIU": an organization word in lower case introduces the name.
  return before.length > 0 && before.every((w) => /^\p{Ll}+$/u.test(w) && !FUNCTION_WORD.test(w) && !isOrgWord(w));
}

/** Days, weeks and years of something ("International Migrants Day", "Día Internacional de …") are events. */
export function isEventName(name: string): boolean {
  return (
    /\b(?:day|week|month|year|anniversary|summit)$/i.test(name) ||
    /^(?:d[ií]a|semana|mes|a[nñ]o|jornada|aniversario)\b/i.test(name) ||
    /\b(?:day|week)\s+of\b/i.test(name) ||
    /\b(?:expo|festival|fair|feria|marcha|march)(?:\s+(?:in|en|of|de|del)\b.*)?$/i.test(name)
  );
}

const ROLE_WORD =
  /(?:^|\s)(?:(?:International|National|General|Executive|Internacional|Nacional|General)\s+)?(?:President|Vice\s+President|Executive|Director|Directora|Chair|Chairman|Chairwoman|CEO|Secretary|Coordinator|Presidente|Presidenta|Coordinador|Coordinadora|Secretario|Secretaria|Founder|Fundador|Fundadora|Spokesperson|Vocero|Vocera)\b.*$/u;

/**
 * A capitalized run as an organization's name, or null: "SEIU International President Mary Kay Henry" →
 * "SEIU"; "Launched at the 2014 NCLR Annual Conference" → null (a sentence's opening verb); "Mujeres e
 * Igualdad de" → "Mujeres e Igualdad"; shouted capitals ("HOY, 30 DE MARZO") and events are no names.
 */
export function tidyName(run: string, listed = false): string | null {
  // Generic plural nouns before a list's first name ("Plaintiffs Northern Plains …") are not part of it.
  // "Coordinadora de Asociaciones de …", "Coordinating Committee of Unions": a role word heading a name whose
  // next word is a plural organization word is the body that coordinates them, not a person's title.
  const umbrella = /^\p{Lu}\p{Ll}+\s+(?:de|del|of)\s+(?:the\s+)?(\p{Lu}\p{Ll}+)/u.exec(run);
  const isUmbrella = umbrella !== null && /s$/.test(umbrella[1] as string) && isOrgWord(umbrella[1] as string);
  let name = (isUmbrella ? run : run.replace(ROLE_WORD, ''))
    .replace(
      /^(?:plaintiffs|petitioners|signatories|signers|members|partners|groups|organizations|organizaciones|firmantes|integrantes)\s+/i,
      '',
    )
    .trim();
  name = name.replace(
    /(?:\s+(?:of|for|and|the|on|in|to|de|del|la|las|los|el|y|e|en|para|con|por|at|with|from|al))+$/i,
    '',
  );
  const words = name.split(/\s+/);
  // An item of a list of names is a name even when it opens like a verb ("United We Dream").
  const opener = listed
    ? /^(?:Following|Tras|Durante|During|After|Before|Antes|Después)$/u
    : /^(?:\p{Lu}\p{Ll}+(?:ed|ing)|Following|Tras|Durante|During|After|Before|Antes|Después)$/u;
  if (opener.test(words[0] ?? '')) return null;
  // Numbers mark dates and counts ("2014 NCLR Annual Conference"); ordinals may be part of a name ("May 1st Coalition").
  const number = (w: string) => /^\d/.test(w) && !/^\d+(?:st|nd|rd|th|º|ª|o|a)$/i.test(w);
  if (words.some(number) && !/\.(?:org|com|net)$/i.test(name)) return null;
  if (words.length === 1 && /\d/.test(name)) return null;
  // "Secretaría de Mujeres e Igualdad de CCOO": a department of the organization its acronym names.
  const department = /^(.+?)\s+(?:de|del|of)\s+(\p{Lu}[\p{Lu}\d-]{2,9})$/u.exec(name);
  if (department && !isOrgLike(department[1] as string)) name = department[2] as string;
  const shouted =
    words.length >= 2 && words.every((w) => /^[\p{Lu}\d,.'’-]+$/u.test(w)) && words.some((w) => SHOUTED_JOINER.test(w));
  if (shouted || /^(?:HOY|AYER|TODAY|NOTE|NOTA)$/.test(name) || isEventName(name)) return null;
  return name === '' ? null : name;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SHOUTED_JOINER = /^(?:DE|DEL|LA|LAS|LOS|EL|Y|OF|THE|AND|FOR|EN|A|AL)$/;

/** One list of names in the order first seen, without repeats, acronyms or a name that is the start of a longer one. */
export function uniqueOrganizations(names: string[]): string[] {
  // "Earthjustice y Clean Water Action" read as one run when the list also gave its two names.
  const joined = (n: string) =>
    names.some((m) => m !== n && new RegExp(`\\s(?:and|y|e|&)\\s+(?:the\\s+)?${escapeRegExp(m)}$`, 'u').test(n));
  const cleaned = names
    .filter((n) => !joined(n))
    .map((n) => cleanOrgName(n).replace(/(?:\s+(?:of|for|and|the|de|del|la|las|los|el|y|e|en|para))+$/i, ''))
    .filter((n) => n.length >= 2);
  const key = (n: string) =>
    n
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\d]+/gu, ' ')
      .trim();
  const out: string[] = [];
  for (const name of cleaned) {
    const k = key(name);
    if (out.some((o) => key(o) === k || key(o).startsWith(`${k} `))) continue;
    const shorter = out.findIndex((o) => k.startsWith(`${key(o)} `));
    if (shorter >= 0) out[shorter] = name;
    else out.push(name);
  }
  const acronyms = new Set(names.map(acronymOf).filter((a): a is string => a !== null));
  return out.filter((n) => !acronyms.has(n) && stripAcronym(n) !== '');
}

/**
 * The subject of the lead's first clause, which releases use to say who speaks even when the name has no
 * organization word: "The Apache Stronghold and allies will deliver …", "La Red TDT denuncia …". Only a
 * name with an article before it and a verb, "and allies" or ", accompanied by" after it; a person's name
 * takes no article.
 */
export function leadSubject(lead: string, writtenLowerCase: ReadonlySet<string> = new Set()): string | null {
  const m =
    /^(?:(?:Today|Hoy|This\s+week|Esta\s+semana),?\s+)?(?:The|La|El|Los|Las)\s+((?:[\p{Lu}][\p{L}\d’'.&-]*\s+)(?:(?:of|for|and|de|del|la|las|los|y|en|para)\s+)?(?:[\p{Lu}][\p{L}\d’'.&-]*\s+){0,6})(?:(?:and|y|junto\s+con)\s+(?:its\s+|sus\s+)?(?:allies|partners|members|aliados|aliadas|socios)\b|\p{Ll}+(?:s|ed|ó|aron|an|en|a|e)\b)/u.exec(
      lead.trim(),
    );
  // "La Caravana de Madres, acompañada por …", "The Coalition, joined by …": the subject before its companions.
  const accompanied =
    /^(?:(?:Today|Hoy),?\s+)?(?:The|La|El|Los|Las)\s+([^,;:.]{3,90}),\s+(?:accompanied|joined|together|acompañad[oa]s?|junto|con\s+el\s+apoyo)\b/u.exec(
      lead.trim(),
    );
  // "Today, Human Rights First responded …", "Hoy, Tierra Digna respondió …": after the time that opens the
  // lead, a name acting in the past tense is the subject even without an article — unless it is a person's.
  const bare =
    /^(?:Today|Yesterday|This\s+(?:morning|week)|Hoy|Ayer|Esta\s+(?:mañana|semana)),?\s+((?:[\p{Lu}][\p{L}\d’'.&-]*\s+)(?:(?:of|for|and|de|del|la|las|los|y|en|para)\s+)?(?:[\p{Lu}][\p{L}\d’'.&-]*\s+){0,6})\p{Ll}+(?:ed|ó|aron)(?!\p{L})/u.exec(
      lead.trim(),
    );
  const bareName = bare ? (bare[1] as string).trim() : null;
  // The plain match may stop at a joiner read as the verb ("La Caravana de …"): the appositive one is longer.
  // A name made of words the document also writes in lower case ("human rights", "tierra digna") is made of
  // common nouns, so an organization's; a person's name ("Maria Delgado") never appears in lower case.
  const commonNouns = (name: string) =>
    name.split(/\s+/).some((w) => w.length >= 4 && writtenLowerCase.has(w.toLowerCase()));
  const found = accompanied ?? m ?? (bareName && (!isPersonName(bareName) || commonNouns(bareName)) ? bare : null);
  if (!found) return null;
  const name = (found[1] as string).trim();
  // Countries and unions of states also take an article ("The United States will …").
  if (
    /^(?:United\s+(?:States|Nations|Kingdom)|Estados\s+Unidos|Naciones\s+Unidas|European\s+Union|Uni[oó]n\s+Europea)\b/u.test(
      name,
    )
  )
    return null;
  return isNamePhrase(name) && name.split(/\s+/).length >= 2 ? name : null;
}

/** An advisory's "WHO:" / "QUIÉNES:" field, and the names it introduces as organizations after a group noun. */
const WHO_FIELD = /^(?:who|qui[eé]n(?:es)?)\s*:\s*(.+)$/iu;
const GROUP_NOUN =
  /\b(?:organi[sz]ations?|groups?|coalitions?|partners|organizaciones|grupos|colectivos|colectivas|redes)(?:\s+(?:convocantes|participantes|organizadoras|hosting|convening|including|such\s+as|como|incluyendo))?\s*:?\s+(?=\p{Lu})/giu;

/**
 * An advisory says who takes part in its WHO field; the names it calls organizations there ("… and
 * participating organizations CASA and NAKASEC", "las organizaciones convocantes A y B") are the ones that
 * hold the event. A speaker's employer in the same field ("Jane Roe, Director, X Center") is not: the field
 * introduces it as a post, not as an organization taking part.
 */
export function advisoryParticipants(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const field = WHO_FIELD.exec(line.trim())?.[1];
    if (!field) continue;
    for (const m of field.matchAll(GROUP_NOUN)) {
      const rest = field.slice((m.index ?? 0) + m[0].length).split(/[.;(]/)[0] ?? '';
      for (const item of rest.split(/,\s+|\s+(?:and|y|e|&)\s+/u)) {
        const name = item.trim();
        if (!isNamePhrase(name)) break;
        out.push(name);
      }
    }
  }
  return out;
}
