/** Reading the release editor's form posts into service inputs. */

import { type Form, field, originalLocale, pair, rowId, seenVersion } from '../../platform/forms/form-body.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { resolveTimeZone } from '../../platform/text/time-zones.js';
import { readPicked } from '../statements/index.js';
import type { BlockInput } from './blocks-service.js';
import type { ReleaseFields } from './edit-service.js';
import type { ReleaseEdit } from './release-save.js';

export function releaseFields(body: Form, locale: Locale): ReleaseFields {
  // A typed zone is read under its current name; one that names no zone is kept as typed, for its message.
  const typedZone = field(body, 'timeZone') || 'UTC';
  const timeZone = resolveTimeZone(typedZone) ?? typedZone;
  return {
    statementId: rowId(field(body, 'statementId')),
    releaseDate: field(body, 'releaseDate'),
    headline: pair(body, 'headline'),
    subheadline: pair(body, 'subheadline'),
    datelinePlace: pair(body, 'datelinePlace'),
    lead: pair(body, 'lead'),
    fullDocumentUrl: field(body, 'fullDocumentUrl'),
    endMark: field(body, 'endMark') === '-30-' ? '-30-' : '###',
    timing:
      field(body, 'timing') === 'embargoed'
        ? { kind: 'embargoed', local: field(body, 'embargoLocal'), timeZone }
        : { kind: 'immediate', timeZone },
    originalLocale: originalLocale(body, locale),
  };
}

/** The blocks form: each block's fields, minus the removed ones, in the order of their position numbers. */
export function readBlocks(body: Form): BlockInput[] {
  const count = Math.min(Number(field(body, 'blockCount')) || 0, 200);
  const blocks: { block: BlockInput; order: number; index: number }[] = [];
  for (let i = 0; i < count; i++) {
    const name = `block_${i}`;
    if (field(body, `${name}_remove`)) continue;
    const kind = field(body, `${name}_kind`);
    if (kind !== 'text' && kind !== 'quote' && kind !== 'highlights') continue;
    const order = Number(field(body, `${name}_order`));
    blocks.push({
      block: {
        id: rowId(field(body, `${name}_id`)) ?? undefined,
        kind,
        text: pair(body, `${name}_text`),
        personId: rowId(field(body, `${name}_person`)),
      } as BlockInput,
      order: Number.isFinite(order) ? order : i + 1,
      index: i,
    });
  }
  return blocks.sort((a, b) => a.order - b.order || a.index - b.index).map((b) => b.block);
}

/** The editor's one form: the fields, the three picked lists and the body, against the version seen. */
export function readReleaseEdit(body: Form, locale: Locale, slug: string): ReleaseEdit {
  return {
    ...releaseFields(body, locale),
    slug,
    version: seenVersion(body),
    contacts: readPicked(body, 'contacts'),
    highlights: readPicked(body, 'highlights'),
    boilerplates: readPicked(body, 'boilerplates'),
    blocks: readBlocks(body),
  };
}
