/**
 * A State's name as UPR sources write it → its ISO 3166-1 alpha-2 code. UPR Info writes short names
 * ("DPR Korea", "Trinidad & Tobago"), OHCHR the UN's formal ones ("Iran (Islamic Republic of)",
 * "United Kingdom of Great Britain and Northern Ireland"); CLDR's English names (Intl) cover most of
 * both, this list the rest. Names are compared without case, accents, "the", "&"/"and" or punctuation.
 */
import { countryCodes } from '../../platform/i18n/countries.js';

const OTHER_NAMES: Record<string, string> = {
  'bolivia plurinational state of': 'BO',
  'plurinational state of bolivia': 'BO',
  'bolivarian republic of venezuela': 'VE',
  'islamic republic of iran': 'IR',
  'kingdom of netherlands': 'NL',
  'federated states of micronesia': 'FM',
  'bosnia herzegovina': 'BA',
  'cape verde': 'CV',
  'cabo verde': 'CV',
  congo: 'CG',
  'republic of congo': 'CG',
  'democratic republic of congo': 'CD',
  'democratic republic of congo kinshasa': 'CD',
  'czech republic': 'CZ',
  'dpr korea': 'KP',
  'democratic peoples republic of korea': 'KP',
  eswatini: 'SZ',
  swaziland: 'SZ',
  'guinea bissau': 'GW',
  'holy see': 'VA',
  iran: 'IR',
  'iran islamic republic of': 'IR',
  laos: 'LA',
  'lao peoples democratic republic': 'LA',
  'macedonia fyr': 'MK',
  'former yugoslav republic of macedonia': 'MK',
  'north macedonia': 'MK',
  micronesia: 'FM',
  'micronesia federated states of': 'FM',
  moldova: 'MD',
  'republic of moldova': 'MD',
  'netherlands kingdom of': 'NL',
  palestine: 'PS',
  'state of palestine': 'PS',
  'republic of korea': 'KR',
  'russian federation': 'RU',
  'sao tome principe': 'ST',
  'st kitts nevis': 'KN',
  'saint kitts nevis': 'KN',
  'st lucia': 'LC',
  'st vincent grenadines': 'VC',
  'saint vincent grenadines': 'VC',
  syria: 'SY',
  'syrian arab republic': 'SY',
  tanzania: 'TZ',
  'united republic of tanzania': 'TZ',
  turkey: 'TR',
  turkiye: 'TR',
  'united kingdom': 'GB',
  'united kingdom of great britain northern ireland': 'GB',
  'united states': 'US',
  'united states of america': 'US',
  venezuela: 'VE',
  'venezuela bolivarian republic of': 'VE',
  'viet nam': 'VN',
  'timor leste': 'TL',
  'brunei darussalam': 'BN',
  'cote divoire': 'CI',
  myanmar: 'MM',
};

/** Lowercase, no accents, no "the", "&" and "and" dropped, punctuation as spaces, apostrophes removed. */
export function stateKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&|\band\b|\bthe\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (!byName) {
    byName = new Map();
    const en = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of countryCodes()) byName.set(stateKey(en.of(code) ?? code), code);
    for (const [name, code] of Object.entries(OTHER_NAMES)) byName.set(name, code);
  }
  return byName;
}

/** The State's ISO code, or null when the name is not a State we know. */
export function stateCode(name: string): string | null {
  return names().get(stateKey(name)) ?? null;
}
