/**
 * The API's shapes as TypeBox schemas: one definition serves three ends. Fastify serializes every
 * answer through them (fast-json-stringify: a property not in the schema never leaves the server),
 * @fastify/swagger writes them into the OpenAPI 3.1 document at /api/openapi.json, and the tests
 * validate every answer against that document. Their TypeScript types are what service.ts returns.
 */
import { type Static, type TSchema, Type } from '@fastify/type-provider-typebox';
import {
  implementationStatus,
  organizationKind,
  responsePosition,
  statementKind,
} from '../../platform/db/schema/index.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'ISO 8601 calendar date (YYYY-MM-DD)' });
const Url = Type.String({ format: 'uri' });

const Text = Type.Object(
  {
    text: Type.String(),
    origin: Type.Union([Type.Literal('original'), Type.Literal('translation')], {
      description: 'Whether this is the text as written or a translation of it',
    }),
  },
  { additionalProperties: false },
);

const localized = (description = 'A text in each language it exists in (a language without it is left out)') =>
  Type.Object({ en: Type.Optional(Text), es: Type.Optional(Text) }, { additionalProperties: false, description });
const Localized = localized();
export type ApiLocalized = Static<typeof Localized>;

const HtmlLinks = Type.Object(
  { en: Url, es: Url },
  { additionalProperties: false, description: 'The same item on the public site, per language' },
);

/** One of a Postgres enum's values: `{ enum: [...] }` in the document, the union of them in TypeScript. */
const literals = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const ImplementationStatusSchema = literals(implementationStatus.enumValues);
export const ResponsePositionSchema = literals(responsePosition.enumValues);
export type ResponsePosition = (typeof responsePosition.enumValues)[number];
export type ImplementationStatus = (typeof implementationStatus.enumValues)[number];

const Named = Type.Object({ slug: Type.String(), name: Localized }, { additionalProperties: false });

export const Statement = Type.Object(
  {
    slug: Type.String(),
    date: Day,
    title: Localized,
    summary: Localized,
    occasion: Localized,
    body: localized('Markdown, in each language it exists in'),
    addressees: Type.Array(Named),
    /** Whose recommendations: the coalition's own, or a UPR review's, a treaty body's or a special procedure's. */
    kind: literals(statementKind.enumValues),
    cycle: Nullable(Type.Integer({ minimum: 1, description: 'UPR reviews: the cycle' })),
    session: Nullable(Type.Integer({ minimum: 1, description: 'UPR reviews: the Working Group session' })),
    recommendationCount: Type.Integer({ minimum: 0 }),
    links: Type.Object({ self: Url, recommendations: Url, html: HtmlLinks }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type ApiStatement = Static<typeof Statement>;

export const Recommendation = Type.Object(
  {
    slug: Type.String({ description: 'Unique within its statement' }),
    number: Type.Integer({ minimum: 1, description: 'Its place in its statement ("Recommendation 3")' }),
    statement: Type.String({ description: "The statement's slug" }),
    text: Localized,
    themes: Type.Array(Type.Object({ slug: Type.String(), label: Localized }, { additionalProperties: false })),
    addressees: Type.Array(Named),
    recommenders: Type.Array(
      Type.Object(
        {
          name: Type.String({ description: 'As the source writes it' }),
          country: Nullable(
            Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, when a known State' }),
          ),
        },
        { additionalProperties: false },
      ),
      { description: "Recommendations made by others: the recommending States, in the source's order" },
    ),
    response: Nullable(
      Type.Object(
        { position: ResponsePositionSchema, date: Day },
        { additionalProperties: false, description: 'The latest published response of an addressee; null if none' },
      ),
    ),
    sdgs: Type.Array(Type.Integer({ minimum: 1, maximum: 17 }), { description: 'Sustainable Development Goals' }),
    sourceReference: Nullable(Type.String({ description: 'The source\'s number for it ("121.1")' })),
    currentStatus: Nullable(
      Type.Object(
        { status: ImplementationStatusSchema, date: Day },
        {
          additionalProperties: false,
          description: 'The latest published status update (by date, then the later one the same day); null if none',
        },
      ),
    ),
    links: Type.Object(
      { self: Url, statement: Url, html: HtmlLinks, followup: HtmlLinks },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ApiRecommendation = Static<typeof Recommendation>;

export const Organization = Type.Object(
  {
    slug: Type.String(),
    name: Type.String({ description: 'The name the organization uses for itself' }),
    localizedName: Localized,
    acronym: Nullable(Type.String()),
    aliases: Type.Array(Type.String()),
    kind: literals(organizationKind.enumValues),
    country: Nullable(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    website: Nullable(Type.String()),
    about: Localized,
    links: Type.Object({ self: Url, html: HtmlLinks }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type ApiOrganization = Static<typeof Organization>;

const Downloads = Type.Object({ pdf: Url, docx: Url, md: Url, txt: Url }, { additionalProperties: false });

export const Release = Type.Object(
  {
    slug: Type.String(),
    releaseDate: Day,
    headline: Localized,
    subheadline: Localized,
    lead: localized('Markdown, in each language it exists in'),
    statement: Nullable(Type.String({ description: 'The slug of the statement it presents' })),
    links: Type.Object(
      {
        self: Url,
        html: HtmlLinks,
        downloads: Type.Object({ en: Downloads, es: Downloads }, { additionalProperties: false }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ApiRelease = Static<typeof Release>;

export const FOLLOWUP_KINDS = ['response', 'status_update', 'meeting', 'commitment'] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];
export const FollowupKindSchema = literals(FOLLOWUP_KINDS);

export const FollowupEntry = Type.Object(
  {
    kind: FollowupKindSchema,
    id: Type.Integer({ minimum: 1 }),
    date: Day,
    summary: Localized,
    status: Nullable(ImplementationStatusSchema),
    position: Nullable(literals(responsePosition.enumValues)),
    addressee: Nullable(Type.String({ description: "The addressee's slug (responses, commitments)" })),
    organization: Nullable(Type.String({ description: "The committed organization's slug (commitments)" })),
    dueOn: Nullable(Day),
    fulfilledOn: Nullable(Day),
    sourceUrl: Nullable(Type.String({ description: "A response's source or a meeting's minutes" })),
    evidence: Type.Array(
      Type.Object(
        { url: Type.String(), title: Type.String(), publisher: Type.String(), publishedOn: Nullable(Day) },
        { additionalProperties: false },
      ),
    ),
    recommendations: Type.Array(
      Type.Object(
        { statement: Type.String(), recommendation: Type.String(), link: Url },
        { additionalProperties: false },
      ),
      { description: 'The public recommendations it concerns' },
    ),
    links: Type.Object({ self: Url }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type ApiFollowupEntry = Static<typeof FollowupEntry>;

/** A page of a list: its items and the address of the next page (null on the last). */
export function ListOf<T extends TSchema>(item: T, name: string) {
  return Type.Object(
    {
      data: Type.Array(item),
      links: Type.Object(
        {
          self: Url,
          next: Type.Union([Url, Type.Null()], { description: 'The next page; null on the last page' }),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false, title: `${name} page` },
  );
}

/** What every refusal answers (RFC 9457 problem details): which parameter, what is wrong, what to do. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    status: Type.Integer(),
    title: Type.String(),
    detail: Type.String(),
  },
  { additionalProperties: false, title: 'Problem' },
);
export type ApiProblem = Static<typeof Problem>;

export const API_PAGE_SIZE = 50;
export const API_MAX_PAGE_SIZE = 100;

export const ListQuery = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Opaque cursor from the previous page’s `links.next`; unreadable cursors start at the top',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: API_MAX_PAGE_SIZE, default: API_PAGE_SIZE, description: 'Items per page' }),
    ),
  },
  { additionalProperties: false },
);

export const Slug = Type.String({ minLength: 1, maxLength: 200 });

const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });

/** The statements list's filters (issue 17): whose recommendations, which UPR cycle, which State under review. */
export const StatementListQuery = Type.Object(
  {
    ...ListQuery.properties,
    kind: Type.Optional(literals(statementKind.enumValues)),
    cycle: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, description: 'UPR cycle' })),
    state: Type.Optional({
      ...Country,
      description: "The State under review (an addressee's country), ISO 3166-1 alpha-2",
    }),
  },
  { additionalProperties: false },
);

/** A statement's recommendations, filtered by recommending State and by response. */
export const RecommendationListQuery = Type.Object(
  {
    ...ListQuery.properties,
    recommender: Type.Optional({ ...Country, description: 'A recommending State, ISO 3166-1 alpha-2' }),
    response: Type.Optional(ResponsePositionSchema),
  },
  { additionalProperties: false },
);
