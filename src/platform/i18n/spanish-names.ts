/**
 * Spanish puts an article before the name of an institution ("Respuesta del Gobierno de Guatemala",
 * "asumido por la Vicepresidencia de los Estados Unidos") and none before a proper name ("Respuesta
 * de Alianza Americas", "de El Salvador"). The addressees and organizations are named in the data
 * without one, so the catalogs compose "de"/"a"/"por" + name through these helpers, which add the
 * article when the name starts with a common noun for an institution; any other name is left as it is.
 */

/** Nouns that begin institutions' names, by the article they take. */
const MASCULINE = new Set(
  'gobierno congreso ministerio estado consejo comité tribunal instituto poder parlamento senado organismo departamento despacho gabinete alto relator fondo banco programa sistema ejército servicio juzgado ayuntamiento concejo colectivo movimiento centro observatorio foro frente grupo'.split(
    ' ',
  ),
);
const FEMININE = new Set(
  'secretaría presidencia vicepresidencia comisión corte relatoría procuraduría fiscalía asamblea oficina defensoría dirección policía organización unión cámara superintendencia relatora municipalidad alcaldía embajada agencia junta misión red coalición coordinadora mesa federación confederación asociación fundación pastoral conferencia universidad delegación representación'.split(
    ' ',
  ),
);
const MASCULINE_PLURAL = new Set('estados gobiernos ministerios'.split(' '));
const FEMININE_PLURAL = new Set('naciones autoridades instituciones organizaciones secretarías'.split(' '));

/** "el Gobierno de Guatemala", "la Comisión…", or the name itself when it takes no article. */
export function withArticle(name: string): string {
  const first = name.trim().split(/\s+/, 1)[0]?.toLocaleLowerCase('es') ?? '';
  if (MASCULINE.has(first)) return `el ${name}`;
  if (FEMININE.has(first)) return `la ${name}`;
  if (MASCULINE_PLURAL.has(first)) return `los ${name}`;
  if (FEMININE_PLURAL.has(first)) return `las ${name}`;
  return name;
}

/** "del Gobierno de Guatemala", "de la Comisión…", "de Alianza Americas". */
export function deName(name: string): string {
  const named = withArticle(name);
  return named.startsWith('el ') ? `del ${named.slice(3)}` : `de ${named}`;
}

/** "al Gobierno de Guatemala", "a la Comisión…", "a Alianza Americas". */
export function aName(name: string): string {
  const named = withArticle(name);
  return named.startsWith('el ') ? `al ${named.slice(3)}` : `a ${named}`;
}
