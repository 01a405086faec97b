/**
 * Contacts in and out as CSV or XLSX, with the same columns both ways (a file exported, edited and
 * imported again round-trips). Several values in one cell (languages, beats) are separated by ";".
 *
 * Import is a dry run first: every row is checked like the form checks it, and the report names the
 * row, the column, what is wrong and what to do. The commit plans the same text again inside one
 * transaction and writes nothing if any row has a problem (all or nothing). A row whose email is
 * already a contact's updates that contact; any other row adds one.
 *
 * csv-parse reads CSV (csv-stringify's sibling, already used by the export tests: RFC 4180 quoting,
 * BOM handling); exceljs reads and writes XLSX, as features/exports does.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Invalid } from '../../platform/errors.js';
import { type ProblemCode, Problems } from '../../platform/forms/problems.js';
import { canManagePress, type PolicyUser } from '../../platform/policy.js';
import { actorOf, assertAllowed, type Editor, updateVersioned, versionedChange } from '../../platform/write.js';
import { type ContactForm, checkContact } from './contact-fields.js';
import { auditedContact, type ContactRow, insertContact, themeIdsBySlug } from './contacts-service.js';

export const CONTACT_COLUMNS = [
  'name',
  'outlet',
  'email',
  'languages',
  'country',
  'beats',
  'notes',
  'source',
  'trusted',
  'status',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];
const REQUIRED_COLUMNS: ContactColumn[] = ['name', 'email', 'languages'];

/** The largest file read (about 10,000 contacts). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;

export interface RowProblem {
  /** The row in the file, as a spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column's header, or '' for the file as a whole. */
  column: string;
  problem: ProblemCode;
  length?: { max: number; actual: number };
}

export interface ImportPlan {
  /** The file as CSV text: what the confirmation form carries back (an XLSX's cells too). */
  csv: string;
  rows: number;
  added: number;
  updated: number;
  problems: RowProblem[];
}

export class UnreadableContacts extends Error {
  constructor(readonly problem: 'unreadable' | 'too-many-rows' | 'empty') {
    super(`contacts file: ${problem}`);
  }
}

/** The cells of a CSV or XLSX file (by its name's extension, else its first bytes), header first. */
export async function readContactsFile(bytes: Buffer, filename: string): Promise<string[][]> {
  const isZip = bytes.subarray(0, 2).toString('latin1') === 'PK';
  let cells: string[][];
  try {
    cells = /\.xlsx$/i.test(filename) || isZip ? await readXlsx(bytes) : readCsv(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof UnreadableContacts) throw error;
    throw new UnreadableContacts('unreadable');
  }
  if (cells.length === 0) throw new UnreadableContacts('empty');
  if (cells.length > MAX_IMPORT_ROWS + 1) throw new UnreadableContacts('too-many-rows');
  return cells;
}

export function readCsv(text: string): string[][] {
  return (parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][]).map(
    (row) => row.map(String),
  );
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableContacts('empty');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(row.getCell(i).text.trim());
    rows.push(cells);
  });
  return rows;
}

const TRUE_WORDS = new Set(['yes', 'sí', 'si', 'true', '1', 'x']);
const FALSE_WORDS = new Set(['', 'no', 'false', '0']);
const split = (cell: string) =>
  cell
    .split(/[;,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Checks every row against the themes and the contacts as they are; writes nothing. */
export async function planContactImport(db: Db, user: PolicyUser, cells: string[][]): Promise<ImportPlan> {
  assertAllowed(canManagePress(user));
  const [header = [], ...body] = cells;
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: RowProblem[] = [];
  for (const [i, name] of names.entries()) {
    if (!(CONTACT_COLUMNS as readonly string[]).includes(name))
      problems.push({ row: 1, column: header[i] ?? '', problem: 'workspaceErrPressUnknownColumn' });
  }
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required))
      problems.push({ row: 1, column: required, problem: 'workspaceErrPressMissingColumn' });
  }
  const csv = stringify([CONTACT_COLUMNS as unknown as string[], ...body.map((r) => rowValues(names, r))]);
  if (problems.length > 0) return { csv, rows: body.length, added: 0, updated: 0, problems };

  const themeIds = await themeIdsBySlug(db);
  const existing = new Map(
    (await db.select({ id: t.pressContacts.id, email: t.pressContacts.email }).from(t.pressContacts)).map((c) => [
      c.email.toLowerCase(),
      c.id,
    ]),
  );
  const seen = new Map<string, number>();
  let added = 0;
  let updated = 0;
  for (const [i, row] of body.entries()) {
    const line = i + 2;
    const values = Object.fromEntries(names.map((n, k) => [n, row[k] ?? ''])) as Record<ContactColumn, string>;
    const rowProblems = new Problems();
    const trusted = (values.trusted ?? '').trim().toLowerCase();
    if (!TRUE_WORDS.has(trusted) && !FALSE_WORDS.has(trusted)) rowProblems.add('trusted', 'workspaceErrPressYesNo');
    const columns = checkContact(formOf(values), themeIds, rowProblems);
    const email = columns.email.toLowerCase();
    if (email !== '' && seen.has(email)) rowProblems.add('email', 'workspaceErrPressEmailTwice');
    seen.set(email, line);
    for (const p of rowProblems.list) {
      problems.push({
        row: line,
        column: p.field,
        problem: p.problem as ProblemCode,
        ...(p.length ? { length: p.length } : {}),
      });
    }
    if (existing.has(email)) updated++;
    else added++;
  }
  return { csv, rows: body.length, added, updated, problems };
}

function rowValues(names: string[], row: string[]): string[] {
  return CONTACT_COLUMNS.map((column) => {
    const at = names.indexOf(column);
    // A cell the export protected from running as a formula (`'=…`) comes back as written.
    return at < 0 ? '' : (row[at] ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
  });
}

function formOf(values: Record<ContactColumn, string>): ContactForm {
  return {
    name: values.name ?? '',
    outlet: values.outlet ?? '',
    email: values.email ?? '',
    languages: split(values.languages ?? ''),
    country: values.country ?? '',
    beats: split(values.beats ?? ''),
    notes: values.notes ?? '',
    source: values.source ?? '',
    trusted: TRUE_WORDS.has((values.trusted ?? '').trim().toLowerCase()),
    status: values.status ?? '',
  };
}

/**
 * Plans the confirmed text again and, only if no row has a problem, writes every row in one
 * transaction (each audited, plus one row for the import). Throws `Invalid` otherwise, nothing written.
 */
export async function commitContactImport(
  db: Db,
  user: Editor,
  csv: string,
  now: Date,
): Promise<{ added: number; updated: number }> {
  assertAllowed(canManagePress(user));
  return db.transaction(async (tx) => {
    const cells = readCsv(csv);
    const plan = await planContactImport(tx, user, cells);
    if (plan.problems.length > 0 || cells.length < 2)
      throw new Invalid('The contacts file has problems', [
        { field: 'file', problem: 'workspaceErrPressImportProblems' },
      ]);
    const themeIds = await themeIdsBySlug(tx);
    const [, ...body] = cells;
    for (const row of body) {
      const values = Object.fromEntries(CONTACT_COLUMNS.map((c, k) => [c, row[k] ?? ''])) as Record<
        ContactColumn,
        string
      >;
      const columns = checkContact(formOf(values), themeIds, new Problems());
      const [before] = await tx
        .select()
        .from(t.pressContacts)
        .where(sql`lower(${t.pressContacts.email}) = lower(${columns.email})`);
      if (before) {
        await updateVersioned<ContactRow>(tx, {
          ...versionedChange(t.pressContacts, 'press_contact', before, before.version, 'import', user, now),
          set: { ...columns },
          audited: auditedContact,
        });
      } else {
        await insertContact(tx, columns, user, now, 'import');
      }
    }
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'press_import',
      entityId: 0,
      action: 'commit',
      after: { added: plan.added, updated: plan.updated },
    });
    return { added: plan.added, updated: plan.updated };
  });
}

/** Every contact as rows of CONTACT_COLUMNS, by name. */
export async function contactRows(db: Db, user: PolicyUser): Promise<string[][]> {
  assertAllowed(canManagePress(user));
  const slugs = new Map([...(await themeIdsBySlug(db))].map(([slug, id]) => [id, slug]));
  const contacts = await db
    .select()
    .from(t.pressContacts)
    .orderBy(sql`lower(${t.pressContacts.name})`, t.pressContacts.id);
  return contacts.map((c) => [
    c.name,
    c.outlet,
    c.email,
    c.languages.join(';'),
    c.country ?? '',
    c.beatIds
      .map((id) => slugs.get(id) ?? '')
      .filter((s) => s !== '')
      .join(';'),
    c.notes,
    c.source,
    c.trusted ? 'yes' : 'no',
    c.status,
  ]);
}

/** A cell that a spreadsheet would run as a formula gets a leading ' (as features/exports does). */
const protect = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export async function contactsCsv(db: Db, user: PolicyUser): Promise<string> {
  const rows = (await contactRows(db, user)).map((r) => r.map(protect));
  return stringify([[...CONTACT_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' });
}

export async function contactsXlsx(db: Db, user: PolicyUser): Promise<Buffer> {
  const rows = (await contactRows(db, user)).map((r) => r.map(protect));
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('contacts');
  sheet.addRow([...CONTACT_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A contact id from an import's email, for tests and the CLI. */
export async function contactIdByEmail(db: Db, email: string): Promise<number | null> {
  const [row] = await db
    .select({ id: t.pressContacts.id })
    .from(t.pressContacts)
    .where(eq(t.pressContacts.email, email));
  return row?.id ?? null;
}
