/** English or Spanish, by counting each language's commonest words; ties go to English. */
const EN = new Set(['the', 'and', 'of', 'to', 'in', 'for', 'is', 'that', 'with', 'on', 'are', 'said', 'our', 'we']);
const ES = new Set([
  'el',
  'la',
  'los',
  'las',
  'de',
  'del',
  'y',
  'en',
  'que',
  'por',
  'para',
  'con',
  'una',
  'es',
  'dijo',
]);

export function detectLanguage(text: string): 'en' | 'es' {
  let en = 0;
  let es = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (EN.has(word)) en++;
    if (ES.has(word)) es++;
  }
  return es > en ? 'es' : 'en';
}
