/**
 * A press contact's fields as typed (the form, one row of an imported file) and the one check that
 * turns them into columns: the form and the import report the same problems for the same input.
 */

import type { Problems } from '../../platform/forms/problems.js';
import { countryCodes } from '../../platform/i18n/countries.js';
import { isLocale, type Locale } from '../../platform/i18n/locales.js';

export const CONTACT_STATUSES = ['active', 'unsubscribed', 'bounced'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface ContactForm {
  name: string;
  outlet: string;
  email: string;
  /** 'en', 'es', first preferred. */
  languages: string[];
  /** Two letters, or ''. */
  country: string;
  /** Theme slugs. */
  beats: string[];
  notes: string;
  source: string;
  trusted: boolean;
  status: string;
}

export const CONTACT_LIMITS = { name: 200, outlet: 200, email: 320, notes: 4000, source: 1000 } as const;

export interface ContactColumns {
  name: string;
  outlet: string;
  email: string;
  languages: Locale[];
  country: string | null;
  beatIds: number[];
  notes: string;
  source: string;
  trusted: boolean;
  status: ContactStatus;
}

const COUNTRIES = new Set(countryCodes());

/** Checks one contact; `themeIds` maps each theme slug to its id. Problems are added to `problems`. */
export function checkContact(
  form: ContactForm,
  themeIds: ReadonlyMap<string, number>,
  problems: Problems,
): ContactColumns {
  problems.required('name', form.name);
  problems.maxLength('name', form.name, CONTACT_LIMITS.name);
  problems.maxLength('outlet', form.outlet, CONTACT_LIMITS.outlet);
  const email = form.email.trim();
  if (email === '') problems.add('email', 'workspaceErrRequired');
  else problems.optionalEmail('email', email);
  problems.maxLength('email', email, CONTACT_LIMITS.email);
  const languages = [...new Set(form.languages.map((l) => l.trim().toLowerCase()).filter((l) => l !== ''))];
  if (languages.length === 0 || !languages.every(isLocale)) problems.add('languages', 'workspaceErrPressLanguages');
  const country = form.country.trim().toUpperCase();
  if (country !== '' && !COUNTRIES.has(country)) problems.add('country', 'workspaceErrPressCountry');
  const beatIds: number[] = [];
  for (const slug of form.beats.map((b) => b.trim().toLowerCase()).filter((b) => b !== '')) {
    const id = themeIds.get(slug);
    if (id === undefined) problems.add('beats', 'workspaceErrPressBeat');
    else if (!beatIds.includes(id)) beatIds.push(id);
  }
  problems.maxLength('notes', form.notes, CONTACT_LIMITS.notes);
  problems.maxLength('source', form.source, CONTACT_LIMITS.source);
  const status = form.status.trim() === '' ? 'active' : form.status.trim().toLowerCase();
  if (!(CONTACT_STATUSES as readonly string[]).includes(status)) problems.add('status', 'workspaceErrPressStatus');
  return {
    name: form.name.trim(),
    outlet: form.outlet.trim(),
    email,
    languages: languages.filter(isLocale),
    country: country === '' ? null : country,
    beatIds,
    notes: form.notes.trim(),
    source: form.source.trim(),
    trusted: form.trusted,
    status: status as ContactStatus,
  };
}
