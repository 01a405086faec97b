import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

let t = Date.now();
const a = new PGlite('memory://', { extensions: { unaccent, pg_trgm } });
await a.waitReady;
await a.exec('create extension unaccent; create extension pg_trgm; create table x(a int)');
console.log('fresh', Date.now() - t);
t = Date.now();
const dump = await a.dumpDataDir('none');
console.log('dump', Date.now() - t, dump.size);
t = Date.now();
const b = new PGlite('memory://', { extensions: { unaccent, pg_trgm }, loadDataDir: dump });
await b.waitReady;
console.log('load', Date.now() - t, (await b.query('select count(*) from x')).rows);
