/**
 * The large coalition of issue 15, added to a migrated database where the demo is loaded: 510
 * organizations, about 1,000 people, 2,001 statements with 20,007 recommendations (five with 320),
 * 1,001 releases (clones of the demo release), 50 accounts and 100,007 follow-up entries.
 *
 * Everything is generated in SQL with generate_series (as bench/followup-dashboard.bench.ts does), so
 * it takes seconds on both engines. Slugs start with `large-`, so the demo's rows stay as they were.
 * The rollup triggers are off during the bulk inserts (each insert would recompute its statements) and
 * the rollup is rebuilt once at the end with `followup_rollup_refresh`, the function the triggers call,
 * so the derived tables hold what the code would have left (rollup-consistency.test.ts's meaning).
 *
 * States, judged against the database's clock at seeding time: 1 statement in 25 is a draft, 1 in
 * 100 is embargoed for 1–14 more days, 1 in 150 withdrawn; 1 release in 10 is a draft, 1 in 30
 * embargoed, 1 in 200 withdrawn; 1 follow-up entry in 10 is a draft. Texts are in both languages,
 * mostly written in English and translated, with some translations missing or stale (translations page).
 * Every account's password is LARGE_COALITION_PASSWORD.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';
import { hashPassword } from '../src/platform/secrets.js';

export const LARGE_COALITION_PASSWORD = 'large coalition password';
/** An editor and a member of the large coalition, for benches that sign in. */
export const LARGE_EDITOR_EMAIL = 'editor-1@large.example.org';
export const LARGE_MEMBER_EMAIL = 'member-1@large.example.org';
/**
 * A published statement with 320 recommendations (the heaviest public statement page; large-statement-1
 * to -5 have 320 each, and -1 is a draft), and the published release that presents it.
 */
export const LARGE_BIG_STATEMENT = 'large-statement-2';
export const LARGE_BIG_RELEASE = 'large-release-1';

export const SIZES = {
  organizations: 510,
  people: 1_000,
  themes: 12,
  addressees: 40,
  statements: 2_001,
  recommendations: 20_007,
  bigStatements: 5,
  perBigStatement: 320,
  releases: 1_001,
  editors: 20,
  members: 30,
  statusUpdates: 60_007,
  responses: 25_000,
  meetings: 5_000,
  commitments: 10_000,
} as const;

/** Tables whose triggers keep the follow-up rollup (drizzle/0010_followup_rollup_triggers.sql). */
const ROLLUP_TRIGGERED = [
  'statements',
  'recommendations',
  'recommendation_themes',
  'recommendation_addressees',
  'addressees',
  'followup_status_updates',
  'followup_responses',
];

/** A SQL text expression as a LocalizedText original, with a translation made from it (not stale). */
function bilingual(original: string, translation: string | null, originalLocale: 'en' | 'es' = 'en'): string {
  const other = originalLocale === 'en' ? 'es' : 'en';
  const source = `jsonb_build_object('${originalLocale}', jsonb_build_object('text', ${original}, 'origin', 'original'))`;
  if (translation === null) return source;
  return `${source} || jsonb_build_object('${other}', jsonb_build_object('text', ${translation}, 'origin', 'translation',
    'sourceFingerprint', ${fingerprintSql(original)}))`;
}

/** `fingerprint()` of localized-text.ts in SQL (the texts here are NFC and untrimmed already). */
const fingerprintSql = (text: string) => `left(encode(sha256(convert_to(btrim(${text}), 'UTF8')), 'hex'), 16)`;

/** 1-based element of a literal text array, chosen by an integer expression. */
function pick(values: readonly string[], index: string): string {
  const literal = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',');
  return `(array[${literal}])[1 + ((${index}) % ${values.length})]`;
}

/** A stable pseudo-random non-negative integer from an integer expression. */
const hash = (expr: string) => `(hashint4(${expr})::bigint & 2147483647)`;

const COUNTRIES = ['GT', 'HN', 'SV', 'MX', 'US', 'CO', 'NI', 'CR', 'PA', 'EC', 'PE'];
const COUNTRY_EN = [
  'Guatemala',
  'Honduras',
  'El Salvador',
  'Mexico',
  'the United States',
  'Colombia',
  'Nicaragua',
  'Costa Rica',
  'Panama',
  'Ecuador',
  'Peru',
];
const COUNTRY_ES = [
  'Guatemala',
  'Honduras',
  'El Salvador',
  'México',
  'Estados Unidos',
  'Colombia',
  'Nicaragua',
  'Costa Rica',
  'Panamá',
  'Ecuador',
  'Perú',
];
const ORG_PREFIX_EN = ['Center for', 'Network for', 'Alliance for', 'Institute for', 'Committee for'];
const ORG_PREFIX_ES = ['Centro por', 'Red por', 'Alianza por', 'Instituto por', 'Comité por'];
const TOPIC_EN = [
  'Migrant Rights',
  'Human Rights',
  'Climate Justice',
  'Indigenous Peoples',
  "Women's Rights",
  'Labor Rights',
  'Refugee Protection',
  'Youth Opportunity',
  'Rural Development',
  'Transparency',
];
const TOPIC_ES = [
  'los Derechos de las Personas Migrantes',
  'los Derechos Humanos',
  'la Justicia Climática',
  'los Pueblos Indígenas',
  'los Derechos de las Mujeres',
  'los Derechos Laborales',
  'la Protección de las Personas Refugiadas',
  'las Oportunidades para la Juventud',
  'el Desarrollo Rural',
  'la Transparencia',
];
const FIRST = [
  'Ana',
  'Luis',
  'María',
  'José',
  'Carmen',
  'Jorge',
  'Rosa',
  'Pedro',
  'Lucía',
  'Daniel',
  'Elena',
  'Miguel',
  'Sofía',
  'David',
  'Julia',
  'Samuel',
];
const LAST = [
  'García',
  'López',
  'Hernández',
  'Pérez',
  'Morales',
  'Castillo',
  'Ramírez',
  'Flores',
  'Cruz',
  'Ortiz',
  'Reyes',
  'Chávez',
  'Mendoza',
  'Vásquez',
  'Smith',
  'Johnson',
  'Brown',
];
const VERB_EN = ['guarantee', 'fund', 'strengthen', 'end', 'publish', 'protect', 'review', 'implement'];
const VERB_ES = ['garantizar', 'financiar', 'fortalecer', 'poner fin a', 'publicar', 'proteger', 'revisar', 'aplicar'];
const OBJECT_EN = [
  'access to asylum at the border',
  'community programs that prevent violence',
  'independent oversight of detention',
  'the protection of human rights defenders',
  'data on deportations, by age and gender',
  'family reunification procedures',
  'consultation with Indigenous communities',
  'labor inspections in agriculture',
];
const OBJECT_ES = [
  'el acceso al asilo en la frontera',
  'los programas comunitarios que previenen la violencia',
  'la supervisión independiente de la detención',
  'la protección de las personas defensoras de derechos humanos',
  'los datos sobre deportaciones, por edad y género',
  'los procedimientos de reunificación familiar',
  'la consulta con las comunidades indígenas',
  'las inspecciones laborales en la agricultura',
];
const STATUS_EN = [
  'A decree was published',
  'The ministry announced a plan',
  'Funding was cut',
  'A pilot started in two regions',
  'The court ruled',
  'No visible progress',
];
const STATUS_ES = [
  'Se publicó un decreto',
  'El ministerio anunció un plan',
  'Se recortó el financiamiento',
  'Comenzó un piloto en dos regiones',
  'El tribunal resolvió',
  'Sin avances visibles',
];

const LORE_EN =
  'Our organizations have documented the situation in the communities we serve for more than a decade. ' +
  'This statement gathers what people told us in assemblies, interviews and hearings, and what public data shows.';
const LORE_ES =
  'Nuestras organizaciones documentan la situación en las comunidades con las que trabajamos desde hace más de una década. ' +
  'Este pronunciamiento reúne lo que las personas nos dijeron en asambleas, entrevistas y audiencias, y lo que muestran los datos públicos.';

/** Ids of the large coalition's rows, as SQL, by their 0-based ordinal (they are inserted in one statement each). */
const nth = (table: string, ordinal: string) =>
  `((select min(id) from ${table} where slug like 'large-%') + (${ordinal}))`;

function steps(passwordHash: string): [string, string][] {
  const org = (i: string) => nth('organizations', i);
  const person = (i: string) => nth('people', i);
  const theme = (i: string) => nth('themes', i);
  const addressee = (i: string) => nth('addressees', i);
  const statement = (i: string) => nth('statements', i);
  const s = SIZES;
  const bigRecs = s.bigStatements * s.perBigStatement;
  const smallStatements = s.statements - s.bigStatements;
  // The recommendations of large statements are contiguous ids from their minimum.
  const firstRec = `(select min(r.id) from recommendations r join statements st on st.id = r.statement_id where st.slug like 'large-%')`;
  const rec = (ordinal: string) => `(${firstRec} + (${ordinal}))`;
  return [
    [
      'organizations',
      `insert into organizations (slug, name, acronym, aliases, localized_name, boilerplate, website, country, kind)
        select 'large-org-' || i,
          case when c = 4 then en_name else es_name end,
          upper(substr(${pick(ORG_PREFIX_EN, 'i')}, 1, 1) || substr(${pick(TOPIC_EN, 'i / 5')}, 1, 2)) || '-' || ${pick(COUNTRIES, 'c')},
          case when i % 7 = 0 then array[en_name || ' (' || ${pick(COUNTRIES, 'c')} || ')'] else '{}'::text[] end,
          case when c = 4 then ${bilingual('en_name', 'es_name')} else ${bilingual('es_name', 'en_name', 'es')} end,
          case when i % 17 = 5 then '{}'::jsonb
            else ${bilingual(
              `en_name || ' works with communities in ' || ${pick(COUNTRY_EN, 'c')} || ' on ' || lower(${pick(TOPIC_EN, 'i / 5')}) || '. ' || '${LORE_EN}'`,
              `'La organización ' || es_name || ' trabaja con comunidades de ' || ${pick(COUNTRY_ES, 'c')} || ' por ' || ${pick(TOPIC_ES, 'i / 5')} || '. ' || '${LORE_ES}'`,
            )} end,
          'https://org-' || i || '.example.org',
          ${pick(COUNTRIES, 'c')},
          (enum_range(null::organization_kind))[1 + i % 6]
        from (select i, (i / 50) % 11 as c,
                ${pick(ORG_PREFIX_EN, 'i')} || ' ' || ${pick(TOPIC_EN, 'i / 5')} || ' ' || ${pick(COUNTRY_EN, 'i / 50')} || case when i >= 550 then ' ' || i else '' end as en_name,
                ${pick(ORG_PREFIX_ES, 'i')} || ' ' || ${pick(TOPIC_ES, 'i / 5')} || ' en ' || ${pick(COUNTRY_ES, 'i / 50')} as es_name
              from generate_series(0, ${s.organizations - 1}) i) o`,
    ],
    [
      'people',
      `insert into people (slug, name, role, organization_id, email, phone, is_press_contact)
        select 'large-person-' || i,
          ${pick(FIRST, 'i')} || ' ' || ${pick(LAST, 'i / 16')} || ' ' || ${pick(LAST, 'i / 7 + 3')},
          case when i % 2 = 0 then ${bilingual("'Communications officer'", "'Oficial de comunicaciones'")}
               else ${bilingual("'Directora ejecutiva'", "'Executive director'", 'es')} end,
          ${org(`i % ${s.organizations}`)},
          'person-' || i || '@org-' || (i % ${s.organizations}) || '.example.org',
          '+5022' || lpad(i::text, 7, '0'),
          i % 3 = 0
        from generate_series(0, ${s.people - 1}) i`,
    ],
    [
      'themes and addressees',
      `insert into themes (slug, label, position)
        select 'large-theme-' || i, ${bilingual(`${pick(TOPIC_EN, 'i')} || ' (' || i || ')'`, `upper(left(${pick(TOPIC_ES, 'i')}, 1)) || substr(${pick(TOPIC_ES, 'i')}, 2) || ' (' || i || ')'`)}, 100 + i
        from generate_series(0, ${s.themes - 1}) i;
        insert into addressees (slug, name, kind, country)
        select 'large-addressee-' || i,
          ${bilingual(`'Ministry ' || (i / 11 + 1) || ' of ' || ${pick(COUNTRY_EN, 'i')}`, `'Ministerio ' || (i / 11 + 1) || ' de ' || ${pick(COUNTRY_ES, 'i')}`)},
          (array['government','office','agency','legislature']::addressee_kind[])[1 + i % 4],
          ${pick(COUNTRIES, 'i')}
        from generate_series(0, ${s.addressees - 1}) i`,
    ],
    [
      'statements',
      `insert into statements (slug, title, summary, body, occasion, date, status, embargo_until, withdrawn_at, full_document_url)
        select 'large-statement-' || (i + 1),
          ${bilingual(
            `'Recommendations on ' || lower(${pick(TOPIC_EN, 'i')}) || ' in ' || ${pick(COUNTRY_EN, 'i / 10')} || ', ' || (i + 1)`,
            `'Recomendaciones sobre ' || ${pick(TOPIC_ES, 'i')} || ' en ' || ${pick(COUNTRY_ES, 'i / 10')} || ', ' || (i + 1)`,
          )},
          case when i % 13 = 4 then ${bilingual(`'What the coalition asks of the authorities of ' || ${pick(COUNTRY_EN, 'i / 10')} || '.'`, null)}
            else ${bilingual(
              `'What the coalition asks of the authorities of ' || ${pick(COUNTRY_EN, 'i / 10')} || '.'`,
              `'Lo que la coalición pide a las autoridades de ' || ${pick(COUNTRY_ES, 'i / 10')} || '.'`,
            )} end,
          ${bilingual(
            `'${LORE_EN}' || E'\\n\\n' || '${LORE_EN}' || E'\\n\\n## Context\\n\\n' || '${LORE_EN}'`,
            `'${LORE_ES}' || E'\\n\\n' || '${LORE_ES}' || E'\\n\\n## Contexto\\n\\n' || '${LORE_ES}'`,
          )},
          ${bilingual(`'Hearing ' || (i + 1)`, `'Audiencia ' || (i + 1)`)},
          date '2012-01-01' + (i * 37) % 5400,
          case when i % 25 = 0 then 'draft'::statement_status else 'published' end,
          case when i % 100 = 7 then now() + make_interval(days => 1 + i % 14)
               when i % 10 = 3 then (date '2012-01-01' + (i * 37) % 5400) + time '09:00' end,
          case when i % 150 = 11 then now() - interval '20 days' end,
          case when i % 4 = 0 then 'https://docs.example.org/statement-' || (i + 1) || '.pdf' end
        from generate_series(0, ${s.statements - 1}) i`,
    ],
    [
      'recommendations',
      // The first five statements get 320 each; every other statement one, then the rest spread by a hash.
      `insert into recommendations (statement_id, slug, position, text)
        select statement_id, 'r' || position, position,
          case when (g % 11) = 0 then ${bilingual(txtEn(), null)}
               when (g % 29) = 0 then ${bilingual(txtEn(), txtEs())} || jsonb_build_object('es', jsonb_build_object('text', ${txtEs()}, 'origin', 'translation', 'sourceFingerprint', '0000000000000000'))
               else ${bilingual(txtEn(), txtEs())} end
        from (
          select g, statement_id, row_number() over (partition by statement_id order by g)::int as position
          from (
            select g, ${statement(`case when g <= ${bigRecs} then (g - 1) / ${s.perBigStatement}
                when g <= ${bigRecs + smallStatements} then ${s.bigStatements} + (g - ${bigRecs} - 1)
                else ${s.bigStatements} + ${hash('g')} % ${smallStatements} end`)} as statement_id
            from generate_series(1, ${s.recommendations}) g
          ) assigned
        ) numbered
        order by statement_id, position`,
    ],
    [
      'recommendation themes and addressees',
      `insert into recommendation_themes (recommendation_id, theme_id)
        select r.id, ${theme(`r.id % ${s.themes}`)} from recommendations r where r.id >= ${firstRec}
        union all
        select r.id, ${theme(`(r.id + 5) % ${s.themes}`)} from recommendations r where r.id >= ${firstRec} and r.id % 3 = 0;
        insert into recommendation_addressees (recommendation_id, addressee_id)
        select r.id, ${addressee(`r.id % ${s.addressees}`)} from recommendations r where r.id >= ${firstRec}
        union all
        select r.id, ${addressee(`(r.id + 13) % ${s.addressees}`)} from recommendations r where r.id >= ${firstRec} and r.id % 4 = 0;
        insert into statement_addressees (statement_id, addressee_id, position)
        select statement_id, addressee_id, (row_number() over (partition by statement_id order by addressee_id) - 1)::int
        from (select distinct r.statement_id, ra.addressee_id from recommendation_addressees ra
              join recommendations r on r.id = ra.recommendation_id where r.id >= ${firstRec}) d`,
    ],
    [
      'signatories and quotes',
      `insert into signatories (statement_id, organization_id, role, position)
        select st.id, ${org(`(i * 7 + j) % ${s.organizations}`)},
          case when j < 2 then 'convener'::signatory_role else 'signatory' end, j
        from (select id, (id - ${statement('0')}) as i from statements where slug like 'large-%') st
        cross join lateral generate_series(0, 2 + ${hash('st.i')} % 38) j;
        insert into quotes (statement_id, person_id, text, position)
        select id, ${person(`(id * 3) % ${s.people}`)},
          ${bilingual(`'We ask the authorities to listen to the communities and to act on these recommendations now.'`, `'Pedimos a las autoridades que escuchen a las comunidades y actúen ya sobre estas recomendaciones.'`)}, 0
        from statements where slug like 'large-%' and id % 3 = 0`,
    ],
    [
      'accounts and sign-on',
      `insert into users (email, password_hash, role, organization_id)
        select 'editor-' || i || '@large.example.org', '${passwordHash}', 'editor'::user_role, null::int from generate_series(1, ${s.editors}) i
        union all
        select 'member-' || i || '@large.example.org', '${passwordHash}', 'member'::user_role, ${org(`(i * 17) % ${s.organizations}`)}
        from generate_series(1, ${s.members}) i;
        insert into sign_on_calls (statement_id, open, time_zone, created_at, updated_at)
        select id, true, 'America/Guatemala', now(), now() from statements
        where slug like 'large-%' and status = 'draft' and id % 2 = 0;
        insert into sign_on_requests (statement_id, organization_id, status, requested_by, created_at, updated_at)
        select c.statement_id, u.organization_id,
          (array['pending','declined']::sign_on_status[])[1 + (c.statement_id + u.id) % 2], u.id, now(), now()
        from sign_on_calls c join statements st on st.id = c.statement_id and st.slug like 'large-%'
        join users u on u.email like 'member-%@large.example.org' and (u.id + c.statement_id) % 3 = 0
        on conflict do nothing`,
    ],
    [
      'releases',
      // Clones of the demo release (its lead, blocks and highlights' shape) presenting every other statement.
      `insert into releases (slug, statement_id, status, embargoed_until, time_zone, withdrawn_at, release_date,
          headline, subheadline, dateline_place, lead, full_document_url, end_mark)
        select 'large-release-' || i, st.id,
          case when i % 10 = 0 then 'draft'::release_status else 'published' end,
          case when i % 30 = 7 then now() + make_interval(days => 1 + i % 10) end,
          d.time_zone,
          case when i % 200 = 5 then now() - interval '5 days' end,
          st.date, st.title, d.subheadline, d.dateline_place, d.lead, d.full_document_url, d.end_mark
        from generate_series(1, ${s.releases}) i
        join statements st on st.id = ${statement(`(2 * i - 1) % ${s.statements}`)}
        cross join (select * from releases where slug = 'guatemala-vp-visit-2021') d;
        insert into release_contacts (release_id, person_id, position)
        select r.id, ${person(`(r.id * 3 + k * 3) % ${s.people - 2}`)}, k
        from releases r cross join generate_series(0, 1) k where r.slug like 'large-%';
        insert into release_blocks (release_id, position, kind, text, person_id)
        select r.id, b.position, b.kind, b.text, case when b.person_id is null then null else ${person(`(r.id + b.position) % ${s.people}`)} end
        from releases r cross join (select b.* from release_blocks b join releases d on d.id = b.release_id
          where d.slug = 'guatemala-vp-visit-2021') b
        where r.slug like 'large-%';
        insert into release_highlights (release_id, position, recommendation_id)
        select r.id, rec.position - 1, rec.id
        from releases r join recommendations rec on rec.statement_id = r.statement_id and rec.position <= 7
        where r.slug like 'large-%'`,
    ],
    [
      'follow-up: status updates and evidence',
      `insert into followup_status_updates (recommendation_id, statement_id, status, date, summary, publication, recorded_by_label)
        select r.id, r.statement_id,
          (enum_range(null::implementation_status))[1 + (g * 7 + r.id) % 6],
          least(st.date + ((g * 37 + r.id) % 2500), current_date - 1 - g % 30),
          ${bilingual(`${pick(STATUS_EN, 'g')} || ' (' || g || ').'`, `${pick(STATUS_ES, 'g')} || ' (' || g || ').'`)},
          case when g % 10 = 0 then 'draft'::followup_publication else 'published' end,
          'Editor ' || (1 + g % ${s.editors})
        from generate_series(1, ${s.statusUpdates}) g
        join recommendations r on r.id = ${rec(`${hash('g')} % ${s.recommendations}`)}
        join statements st on st.id = r.statement_id;
        insert into followup_evidence (status_update_id, url, title, publisher, published_on, position)
        select su.id, 'https://news.example.org/item-' || su.id, 'Report ' || su.id, 'Diario ' || (su.id % 40), su.date, 0
        from followup_status_updates su join statements st on st.id = su.statement_id and st.slug like 'large-%'
        where su.id % 5 = 0;
        update followup_status_updates su set is_current = true
        from (select distinct on (recommendation_id) id from followup_status_updates
              where publication = 'published' and recommendation_id >= ${firstRec}
              order by recommendation_id, date desc, id desc) latest
        where su.id = latest.id`,
    ],
    [
      'follow-up: responses',
      `insert into followup_responses (recommendation_id, addressee_id, position, date, summary, source_url, publication)
        select r.id, ra.addressee_id,
          (enum_range(null::response_position))[1 + g % 5],
          least(st.date + 30 + g % 900, current_date - 1),
          ${bilingual(`'The ministry answered in writing (' || g || ').'`, `'El ministerio respondió por escrito (' || g || ').'`)},
          case when g % 3 = 0 then 'https://gob.example.org/answer-' || g end,
          case when g % 10 = 0 then 'draft'::followup_publication else 'published' end
        from generate_series(1, ${s.responses}) g
        join recommendations r on r.id = ${rec(`${hash('g + 1000000')} % ${s.recommendations}`)}
        join statements st on st.id = r.statement_id
        join lateral (select addressee_id from recommendation_addressees where recommendation_id = r.id
                      order by addressee_id limit 1) ra on true`,
    ],
    [
      'follow-up: meetings and commitments',
      `insert into followup_meetings (date, place, online, summary, minutes_url, publication)
        select date '2014-01-01' + (g * 3) % 4700,
          case when g % 4 = 0 then null else ${pick(COUNTRY_ES, 'g')} end, g % 4 = 0,
          ${bilingual(`'Dialogue meeting ' || g || ' with the authorities.'`, `'Reunión de diálogo ' || g || ' con las autoridades.'`)},
          case when g % 2 = 0 then 'https://minutes.example.org/' || g end,
          case when g % 10 = 0 then 'draft'::followup_publication else 'published' end
        from generate_series(1, ${s.meetings}) g;
        insert into followup_meeting_participants (meeting_id, organization_id, addressee_id)
        select m.id, ${org(`(m.id * 11 + k) % ${s.organizations}`)}, null
        from followup_meetings m cross join generate_series(0, 1) k where m.summary->'en'->>'text' like 'Dialogue meeting %'
        union all
        select m.id, null, ${addressee(`m.id % ${s.addressees}`)}
        from followup_meetings m where m.summary->'en'->>'text' like 'Dialogue meeting %';
        insert into followup_meeting_recommendations (meeting_id, recommendation_id)
        select distinct m.id, ${rec(`${hash('m.id * 3 + k')} % ${s.recommendations}`)}
        from followup_meetings m cross join generate_series(0, 2) k where m.summary->'en'->>'text' like 'Dialogue meeting %';
        insert into followup_commitments (meeting_id, addressee_id, organization_id, text, date, due_on, fulfilled_on, publication)
        select case when g % 2 = 0 then (select min(id) from followup_meetings where summary->'en'->>'text' like 'Dialogue meeting %') + g % ${s.meetings} end,
          case when g % 5 = 0 then null else ${addressee(`g % ${s.addressees}`)} end,
          case when g % 5 = 0 then ${org(`g % ${s.organizations}`)} end,
          ${bilingual(`'Commitment ' || g || ': to publish a plan and report on it.'`, `'Compromiso ' || g || ': publicar un plan e informar sobre él.'`)},
          date '2015-01-01' + (g * 7) % 4200,
          date '2015-01-01' + (g * 7) % 4200 + 180,
          case when g % 3 = 0 then date '2015-01-01' + (g * 7) % 4200 + 150 end,
          case when g % 10 = 0 then 'draft'::followup_publication else 'published' end
        from generate_series(1, ${s.commitments}) g;
        insert into followup_commitment_recommendations (commitment_id, recommendation_id)
        select distinct c.id, ${rec(`${hash('c.id * 2 + k')} % ${s.recommendations}`)}
        from followup_commitments c cross join generate_series(0, c.id % 2) k
        where c.text->'en'->>'text' like 'Commitment %: to publish a plan%'`,
    ],
  ];
}

function txtEn() {
  return `'The government of ' || ${pick(COUNTRY_EN, 'g / 3')} || ' should ' || ${pick(VERB_EN, 'g')} || ' ' || ${pick(OBJECT_EN, 'g / 8')} || ', and report on it every six months (' || g || ').'`;
}
function txtEs() {
  return `'El Gobierno de ' || ${pick(COUNTRY_ES, 'g / 3')} || ' debe ' || ${pick(VERB_ES, 'g')} || ' ' || ${pick(OBJECT_ES, 'g / 8')} || ' e informar al respecto cada seis meses (' || g || ').'`;
}

/**
 * Adds the large coalition to `db` (migrated, demo loaded, no large coalition yet), in one
 * transaction; `log` hears each step with its duration.
 */
export async function seedLargeCoalition(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  const passwordHash = await hashPassword(LARGE_COALITION_PASSWORD);
  await db.transaction(async (tx) => {
    for (const table of ROLLUP_TRIGGERED) await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
    for (const [name, step] of steps(passwordHash)) {
      const started = Date.now();
      // One statement per execute: PGlite's extended protocol takes one at a time.
      for (const statement of step.split(/;\s*\n\s*(?=insert|update)/)) await tx.execute(sql.raw(statement));
      log(`  ${name}: ${Date.now() - started} ms`);
    }
    for (const table of ROLLUP_TRIGGERED) await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
    const started = Date.now();
    await tx.execute(sql`select followup_rollup_refresh(array(select id from statements))`);
    log(`  follow-up rollup rebuilt: ${Date.now() - started} ms`);
    // The search index's triggers were off with the others: rebuild it, as its migration does.
    const searchStarted = Date.now();
    await tx.execute(sql`select search_documents_rebuild()`);
    log(`  search index rebuilt: ${Date.now() - searchStarted} ms`);
  });
  // PGlite has no autovacuum: fresh statistics keep the first queries after a bulk load fast.
  await db.execute(sql`analyze`);
}

/** What the database holds, for the script's closing check. */
export async function largeCoalitionCounts(db: Db): Promise<Record<string, number>> {
  const tables = [
    'organizations',
    'people',
    'statements',
    'recommendations',
    'signatories',
    'releases',
    'users',
    'followup_status_updates',
    'followup_responses',
    'followup_meetings',
    'followup_commitments',
    'followup_rollup_statements',
  ];
  const union = tables
    .map((table) => `select '${table}' as name, count(*)::int as n from ${table}`)
    .join(' union all ');
  const result = (await db.execute(sql.raw(union))) as unknown as { rows: { name: string; n: number }[] };
  const counts = Object.fromEntries(result.rows.map((r) => [r.name, Number(r.n)]));
  const more = (await db.execute(
    sql.raw(`select
      (select count(*)::int from statements where slug like 'large-%') as large_statements,
      (select count(*)::int from recommendations r join statements s on s.id = r.statement_id where s.slug like 'large-%') as large_recommendations,
      (select max(n)::int from (select count(*) n from recommendations group by statement_id) x) as most_recommendations,
      (select count(*)::int from releases where slug like 'large-%') as large_releases,
      (select count(*)::int from followup_status_updates su join statements s on s.id = su.statement_id where s.slug like 'large-%')
        + (select count(*)::int from followup_responses fr join recommendations r on r.id = fr.recommendation_id
             join statements s on s.id = r.statement_id where s.slug like 'large-%')
        + (select count(*)::int from followup_meetings where summary->'en'->>'text' like 'Dialogue meeting %')
        + (select count(*)::int from followup_commitments where text->'en'->>'text' like 'Commitment %: to publish a plan%')
        as large_followup_entries`),
  )) as unknown as { rows: Record<string, number>[] };
  for (const [k, v] of Object.entries(more.rows[0]!)) counts[k] = Number(v);
  return counts;
}

/**
 * More recommendations, up to `total` in the database (search's bench scales them to 250,000): the
 * generator's texts, spread over the large coalition's statements, inserted in one statement so the
 * search index's trigger indexes them in one set-based pass. Returns how many were added.
 */
export async function addRecommendations(db: Db, total: number): Promise<number> {
  const [row] = (
    (await db.execute(sql`select count(*)::int as n from recommendations`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  const missing = total - Number(row!.n);
  if (missing <= 0) return 0;
  const first = `(select min(id) from statements where slug like 'large-%')`;
  await db.execute(
    sql.raw(`insert into recommendations (statement_id, slug, position, text)
      select statement_id, 'extra-' || g, 1000 + g, ${bilingual(txtEn(), txtEs())}
      from (select g, ${first} + ${hash('g + 7000000')} % ${SIZES.statements} as statement_id
            from generate_series(${SIZES.recommendations + 1}, ${SIZES.recommendations + missing}) g) spread`),
  );
  await db.execute(sql`analyze`);
  return missing;
}
