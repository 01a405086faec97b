/** Reading registry forms: bodies are flat string fields (validated by the services, not by the schema). */
import { Type } from '@fastify/type-provider-typebox';

/** Any form: the CSRF token plus string fields, each bounded; the services say what is wrong in words. */
export const FormBody = Type.Object(
  { _csrf: Type.String({ maxLength: 200 }) },
  { additionalProperties: Type.String({ maxLength: 20_000 }) },
);

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

export const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.String({ maxLength: 50 })),
  country: Type.Optional(Type.String({ maxLength: 2 })),
  organization: Type.Optional(Type.String({ maxLength: 200 })),
  archived: Type.Optional(Type.String({ maxLength: 1 })),
  saved: Type.Optional(Type.String({ maxLength: 1 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  state: Type.Optional(Type.String({ maxLength: 20 })),
});

export type Body = Record<string, string>;

export const field = (body: Body, name: string): string => body[name] ?? '';

/** The version the form was built from; a missing or garbled one can only be stale. */
export function seenVersion(body: Body): number {
  const n = Number.parseInt(body.version ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
