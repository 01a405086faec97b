/**
 * The importer's JSON contract: what `puente import release FILE --json` prints and what integrations and
 * the evaluation (`npm run eval:import`) read. Snake case because it is an exchange format, not our code.
 * Defined with TypeBox so every result can be checked (`isImportedRelease`), in tests and at the edge.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { Check } from 'typebox/value';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ImportedContact = Type.Object({
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  organization: Nullable(Type.String()),
});

export const ImportedQuote = Type.Object({
  speaker: Nullable(Type.String()),
  role_or_org: Nullable(Type.String()),
  text: Type.String(),
});

export const ImportedBoilerplate = Type.Object({
  organization: Type.String(),
  website: Nullable(Type.String()),
  text: Type.String(),
});

export const ImportedRelease = Type.Object({
  headline: Nullable(Type.String()),
  subheadline: Nullable(Type.String()),
  date: Nullable(IsoDate),
  dateline_place: Nullable(Type.String()),
  /**
   * `FOR IMMEDIATE RELEASE`, `EMBARGOED UNTIL …` or, for a line written in Spanish, `BAJO EMBARGO HASTA …`
   * (as written after the label), or null.
   */
  release_line: Nullable(Type.String()),
  contacts: Type.Array(ImportedContact),
  organizations: Type.Array(Type.String()),
  quotes: Type.Array(ImportedQuote),
  recommendations: Type.Array(Type.String()),
  boilerplates: Type.Array(ImportedBoilerplate),
  end_mark: Nullable(Type.Union([Type.Literal('###'), Type.Literal('-30-')])),
  language: Type.Union([Type.Literal('en'), Type.Literal('es')]),
});

export type ImportedRelease = Static<typeof ImportedRelease>;
export type ImportedContact = Static<typeof ImportedContact>;
export type ImportedQuote = Static<typeof ImportedQuote>;
export type ImportedBoilerplate = Static<typeof ImportedBoilerplate>;

export function isImportedRelease(value: unknown): value is ImportedRelease {
  return Check(ImportedRelease, value);
}

/** Where each recognized field came from and how sure the importer is (0–1), for the dry-run report. */
export interface Recognition {
  field: string;
  confidence: number;
  /** 1-based line in the normalized source, when the field came from one place. */
  line: number | null;
  note: string;
  /** Below `UNSURE_BELOW`: the dry run says so and the workspace asks the editor to confirm the field. */
  unsure: boolean;
}

/** Confidence under which a field is reported as unsure and must be confirmed by the editor. */
export const UNSURE_BELOW = 0.7;
