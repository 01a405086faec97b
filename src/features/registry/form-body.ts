/** The registry lists' query; the form bodies and their readers are platform/forms/form-body.ts. */
import { Type } from '@fastify/type-provider-typebox';
import { PageCursorQuery } from '../../platform/forms/form-body.js';

export const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.String({ maxLength: 50 })),
  country: Type.Optional(Type.String({ maxLength: 2 })),
  organization: Type.Optional(Type.String({ maxLength: 200 })),
  archived: Type.Optional(Type.String({ maxLength: 1 })),
  saved: Type.Optional(Type.String({ maxLength: 1 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  state: Type.Optional(Type.String({ maxLength: 20 })),
  ...PageCursorQuery,
});
