// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded data folder).
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { databaseTarget } from './target.ts';

const config = loadConfig();
const db = await openDatabase(databaseTarget(config));
try {
  const applied = await migrate(db, (name) => console.log(`applying ${name} ...`));
  console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
} finally {
  await db.close();
}
