import type { Catalog } from '../../platform/i18n/catalog.js';
import type { VisibilityState } from '../../platform/visibility.js';
import type { ListFilter } from '../../ui/list.js';

/** A state of the one visibility rule, as editors read it. */
export function stateName(t: Catalog, state: VisibilityState): string {
  switch (state) {
    case 'draft':
      return t.editorialStateDraft;
    case 'embargoed':
      return t.editorialStateEmbargoed;
    case 'published':
      return t.editorialStatePublished;
    case 'withdrawn':
      return t.editorialStateWithdrawn;
  }
}

export const VISIBILITY_STATES: VisibilityState[] = ['draft', 'embargoed', 'published', 'withdrawn'];

/** The "State" filter of the statement and release lists. */
export const stateFilter = (t: Catalog, value: string): ListFilter => ({
  name: 'state',
  label: t.editorialStateFilter,
  value,
  options: VISIBILITY_STATES.map((s) => ({ value: s, label: stateName(t, s) })),
});
