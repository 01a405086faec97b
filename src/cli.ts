/**
 * The `puente` command. It calls the same services as the web app. Results go to stdout, logs and
 * errors to stderr, so `npm run -s puente -- …` can feed other programs.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { buildApp } from './app/app.js';
import { loadConfig, openConfiguredDb, runOrExit } from './app/bootstrap.js';
import { serve } from './app/serve.js';
import {
  checkInviteOptions,
  cleanupExpired,
  createAdminWithLink,
  describeCleanup,
  inviteWithLink,
  ROLES,
} from './features/accounts/index.js';
import { loadDemo } from './features/demo/index.js';
import { queueDigest } from './features/followup/index.js';
import { importRelease, readSourceFile } from './features/import/index.js';
import { cliLocale, formatFindings, hasErrors, lintFindings } from './features/lint/index.js';
import {
  gapMessage,
  getRelease,
  isReleaseFormat,
  lintReleaseBySlug,
  RELEASE_FORMATS,
  renderRelease,
} from './features/releases/index.js';
import { checkSheetFile, importRecommendationsFile } from './features/sheet-import/index.js';
import { readOhchrListFile, readUprInfoFile, runReviewImport, type SourceRead } from './features/upr-import/index.js';
import { NotFound, StartupError } from './platform/errors.js';
import { isLocale, LOCALES, type Locale } from './platform/i18n/locales.js';
import { createMailer, mailFrom } from './platform/mail.js';
import { sendDueMail } from './platform/outbox/index.js';

function buildProgram(): Command {
  const program = new Command('puente')
    .description('Puente: registry, joint statements, press releases and follow-up for civil-society coalitions.')
    // We print usage errors ourselves, as the one-line error every command failure gets.
    .configureOutput({ outputError: () => {} })
    .exitOverride();

  program
    .command('serve')
    .description('start the web server (PORT, HOST, PUENTE_DATA_DIR or DATABASE_URL, LOG_LEVEL)')
    .action(async () => serve(loadConfig()));

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (the server also does this at start)')
    .action(async () => {
      const handle = await openConfiguredDb(loadConfig(), 'puente db migrate');
      await handle.close();
      process.stdout.write(`Database at ${handle.location} is up to date.\n`);
    });

  const demo = program.command('demo').description('the demo coalition');
  demo
    .command('load')
    .description('load the demo coalition; safe to repeat (existing rows are kept, nothing is duplicated)')
    .action(async () => {
      const handle = await openConfiguredDb(loadConfig(), 'puente demo load');
      try {
        const report = await loadDemo(handle.db);
        const added = Object.entries(report)
          .filter(([, n]) => n > 0)
          .map(([what, n]) => `${n} ${what}`);
        process.stdout.write(
          added.length > 0
            ? `Demo coalition loaded: ${added.join(', ')}.\n`
            : 'Demo coalition already present: nothing added.\n',
        );
      } finally {
        await handle.close();
      }
    });

  program
    .command('release')
    .description('press releases')
    .command('render <slug>')
    .description("render a release (any status: this is the editors' tool); gaps go to stderr")
    .requiredOption('--format <format>', `one of ${RELEASE_FORMATS.join(', ')}`)
    .requiredOption('--lang <lang>', `one of ${LOCALES.join(', ')}`)
    .option('--page-size <size>', 'PDF page size: letter or a4', 'letter')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (slug: string, options: { format: string; lang: string; pageSize: string; out?: string }) => {
      const { format, lang, out } = options;
      if (!isReleaseFormat(format)) {
        throw new StartupError(`unknown format "${format}": use one of ${RELEASE_FORMATS.join(', ')}`);
      }
      if (!isLocale(lang)) throw new StartupError(`unknown language "${lang}": use one of ${LOCALES.join(', ')}`);
      if (!['letter', 'a4'].includes(options.pageSize)) {
        throw new StartupError(`unknown page size "${options.pageSize}": use letter or a4`);
      }
      const config = loadConfig();
      const handle = await openConfiguredDb(config, 'puente release render');
      try {
        const source = await getRelease(handle.db, slug, new Date()).catch((error: unknown) => {
          if (error instanceof NotFound) throw new StartupError(`no release "${slug}" (see the newsroom for slugs)`);
          throw error;
        });
        const { model, body } = await renderRelease(source, format, lang, {
          pageSize: options.pageSize === 'a4' ? 'A4' : 'LETTER',
          baseUrl: config.baseUrl,
        });
        for (const gap of model.gaps) process.stderr.write(`gap: ${gapMessage(gap, model.t)}\n`);
        if (out) await writeFile(out, body);
        else await new Promise<void>((resolve) => process.stdout.write(body, () => resolve()));
      } finally {
        await handle.close();
      }
    });

  const imports = program.command('import').description('bring existing documents in');
  imports
    .command('recommendations <file>')
    .description(
      "read recommendations and their follow-up from a spreadsheet (.csv or .xlsx, the export's columns); a dry run unless --commit, which writes every row or none",
    )
    .option('--commit', 'write the rows, all or nothing (refused while any row has a problem)')
    .action(async (file: string, options: { commit?: boolean }) => {
      // A file that is not a spreadsheet is refused before the database is opened.
      await checkSheetFile(file);
      const handle = await openConfiguredDb(loadConfig(), 'puente import recommendations');
      try {
        const { text, report } = await importRecommendationsFile(
          handle.db,
          file,
          { commit: options.commit === true, locale: cliLocale(), progress: process.stderr.isTTY === true },
          new Date(),
        );
        await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
        if (report.problemCount > 0 || report.fileProblem) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
  imports
    .command('release <file>')
    .description('read a release (.md, .txt, .html, .docx); a dry run unless --commit, which writes a draft')
    .option('--lang <lang>', `the release's language, one of ${LOCALES.join(', ')} (default: detected)`)
    .option('--json', 'print the structured release as one JSON object')
    .option('--commit', 'write the release (as a draft) and the new organizations and people, all or nothing')
    .action(async (file: string, options: { lang?: string; json?: boolean; commit?: boolean }) => {
      if (options.lang !== undefined && !isLocale(options.lang)) {
        throw new StartupError(`unknown language "${options.lang}": use one of ${LOCALES.join(', ')}`);
      }
      const text = await readSourceFile(file);
      const handle = await openConfiguredDb(loadConfig(), 'puente import release');
      try {
        const out = await importRelease(
          handle.db,
          text,
          {
            lang: options.lang as Locale | undefined,
            json: options.json === true,
            commit: options.commit === true,
            fileName: basename(file),
          },
          new Date(),
        );
        await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
      } finally {
        await handle.close();
      }
    });

  const reviewImport = async (file: string, read: SourceRead, commit: boolean, command: string) => {
    const handle = await openConfiguredDb(loadConfig(), command);
    try {
      const { out, failed } = await runReviewImport(
        handle.db,
        read,
        { commit, fileName: basename(file), command },
        new Date(),
      );
      await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
      if (failed) process.exitCode = 1;
    } finally {
      await handle.close();
    }
  };

  imports
    .command('upr-info <file>')
    .description(
      'read a UPR Info database export (CSV; Mac Roman, Windows-1252 or UTF-8, any line endings); a dry run unless --commit, which writes every new recommendation or nothing',
    )
    .option('--encoding <encoding>', "the file's encoding when detection is wrong: utf-8, macintosh or windows-1252")
    .option('--commit', 'write the new reviews and recommendations, all or nothing')
    .action(async (file: string, options: { encoding?: string; commit?: boolean }) => {
      const encodings = ['utf-8', 'macintosh', 'windows-1252'];
      if (options.encoding !== undefined && !encodings.includes(options.encoding)) {
        throw new StartupError(`unknown encoding "${options.encoding}": use one of ${encodings.join(', ')}`);
      }
      const read = await readUprInfoFile(file, options.encoding as 'utf-8' | undefined);
      await reviewImport(file, read, options.commit === true, 'puente import upr-info');
    });

  imports
    .command('ohchr-list <file>')
    .description(
      'read an OHCHR thematic list of UPR recommendations (.docx); a dry run unless --commit, which writes every new recommendation or nothing',
    )
    .option('--state <name>', 'the State under review (default: from the file name, e.g. UPR34_Slovenia_…)')
    .option('--session <n>', 'the UPR Working Group session (default: from the file name)')
    .option('--commit', 'write the new review and recommendations, all or nothing')
    .action(async (file: string, options: { state?: string; session?: string; commit?: boolean }) => {
      if (options.session !== undefined && !/^\d{1,2}$/.test(options.session)) {
        throw new StartupError(`--session ${options.session}: give the session's number, e.g. --session 34`);
      }
      const read = await readOhchrListFile(file, options);
      await reviewImport(file, read, options.commit === true, 'puente import ohchr-list');
    });

  program
    .command('lint [file]')
    .description('check a release file (.md, .txt, .html, .docx) or a stored release against the registry')
    .option('--release <slug>', 'lint a release stored in Puente instead of a file')
    .option('--json', 'print the findings as a JSON array')
    .action(async (file: string | undefined, options: { release?: string; json?: boolean }) => {
      if ((file === undefined) === (options.release === undefined)) {
        throw new StartupError('give either a FILE or --release SLUG (run puente lint --help)');
      }
      const text = file === undefined ? null : await readSourceFile(file);
      const handle = await openConfiguredDb(loadConfig(), 'puente lint');
      try {
        const findings =
          text === null
            ? await lintReleaseBySlug(handle.db, options.release as string, new Date())
            : await lintFindings(handle.db, text, new Date());
        const name = file === undefined ? (options.release as string) : basename(file);
        const out = formatFindings(findings, cliLocale(), options.json === true, name);
        await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
        if (hasErrors(findings)) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });

  program
    .command('export')
    .description('copies of the public site')
    .command('static <dir>')
    .description(
      'write the public site in both languages (pages, downloads, feeds, API answers) and its search index as files any static host serves; DIR is replaced whole when the copy is complete (PUENTE_BASE_URL: where links to what the copy lacks go)',
    )
    .action(async (dir: string) => {
      // Loaded here, so the other commands do not load an HTML parser and pagefind at start.
      const { checkExportFolder, exportStaticSite } = await import('./features/static-export/index.js');
      // A folder that is not ours is refused before the database is opened.
      await checkExportFolder(resolve(dir));
      const config = loadConfig();
      const handle = await openConfiguredDb(config, 'puente export static');
      try {
        // The site as the public reads it: the app itself, asked as an anonymous visitor.
        const app = await buildApp({ db: handle.db, baseUrl: config.baseUrl });
        try {
          const report = await exportStaticSite({ app, baseUrl: config.baseUrl, dir });
          for (const address of report.missing) process.stderr.write(`linked but not found (404): ${address}\n`);
          process.stdout.write(
            `Static copy written to ${report.dir}: ${report.pages} pages, ${report.files} other files, ${report.indexed} pages in the search index.\n`,
          );
        } finally {
          await app.close();
        }
      } finally {
        await handle.close();
      }
    });

  const users = program.command('users').description('accounts');
  users
    .command('create-admin')
    .argument('<email>', "the coalition admin's email address")
    .description('create a coalition admin and print a one-time link to set the password (PUENTE_BASE_URL)')
    .action(async (email: string) => {
      const config = loadConfig();
      const handle = await openConfiguredDb(config, 'puente users create-admin');
      try {
        const link = await createAdminWithLink(handle.db, email, config.baseUrl, new Date());
        process.stdout.write(`${link}\n`);
      } finally {
        await handle.close();
      }
    });

  users
    .command('invite')
    .argument('<email>', "the person's email address")
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--organization <slug>', 'the organization of a member (its slug)')
    .description(
      'create an account and print its one-time link to set a password, and when it expires, to hand over (PUENTE_BASE_URL)',
    )
    .action(async (email: string, options: { role: string; organization?: string }) => {
      checkInviteOptions(options);
      const config = loadConfig();
      const handle = await openConfiguredDb(config, 'puente users invite');
      try {
        const link = await inviteWithLink(handle.db, { email, ...options }, config.baseUrl, new Date());
        const until = `${link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
        process.stdout.write(`${link.url}\nThe link works once, until ${until}.\n`);
      } finally {
        await handle.close();
      }
    });

  program
    .command('maintenance')
    .description('housekeeping')
    .command('cleanup')
    .description(
      'delete ended sessions, used or expired links and old rate-limit counters (serve also does this hourly)',
    )
    .action(async () => {
      const handle = await openConfiguredDb(loadConfig(), 'puente maintenance cleanup');
      try {
        process.stdout.write(`${describeCleanup(await cleanupExpired(handle.db, new Date()))}\n`);
      } finally {
        await handle.close();
      }
    });

  program
    .command('followup')
    .description('follow-up of recommendations')
    .command('digest')
    .description(
      'email the weekly follow-up digest to every editor and admin (SMTP_URL, PUENTE_BASE_URL, PUENTE_FOLLOWUP_STALE_MONTHS); run it from a scheduler',
    )
    .action(async () => {
      const config = loadConfig();
      if (!config.smtpUrl) throw new StartupError('SMTP_URL is not set: the digest goes out by email (smtp://…).');
      const mailer = createMailer(config.smtpUrl, mailFrom(config.baseUrl));
      const handle = await openConfiguredDb(config, 'puente followup digest');
      try {
        const { recipients, digest } = await queueDigest(handle.db, {
          now: new Date(),
          months: config.followupStaleMonths,
          baseUrl: config.baseUrl,
        });
        // Queued, then sent here and now: with PGlite no server runs beside this command to send it.
        const sent = await sendDueMail(handle.db, {
          mailer,
          ratePerSecond: config.mail.ratePerSecond,
          leaseMs: config.mail.leaseSeconds * 1000,
        });
        const left = recipients.length - (sent.sent ?? 0);
        process.stdout.write(
          `Follow-up digest (${digest.staleCount} without update, ${digest.overdueCount} overdue) sent to ${recipients.length - left} editors.\n`,
        );
        if (left > 0) {
          process.stdout.write(
            `${left} not sent now (already sent today, refused, or to retry): see mail_outbox; the server's sender retries what is queued.\n`,
          );
        }
      } finally {
        mailer.close();
        await handle.close();
      }
    });

  return program;
}

await runOrExit(async () => {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; commander already printed the usage problem.
      if (error.exitCode === 0) return;
      throw new StartupError(`${error.message.replace(/^error: /, '')} (run puente --help for usage)`);
    }
    throw error;
  }
});
