/**
 * The query parameters of a keyset-paged list (platform/db/keyset.ts): `?after=` and `?before=` hold a
 * cursor. Longer than any real cursor is refused here; anything else unreadable is only the first page.
 */
import { Type } from '@fastify/type-provider-typebox';

export const Cursor = Type.Optional(Type.String({ maxLength: 2000 }));

/** Spread into a route's `querystring` object: `Type.Object({ ...PageQuery, theme: … })`. */
export const PageQuery = { after: Cursor, before: Cursor };
