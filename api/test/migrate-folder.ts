// Makes a migrated PGlite folder at the path it is given (api/test/migrated-template.ts runs it).
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: migrate-folder.ts <folder>');
const db = await openDatabase({ dataDir: folder });
await migrate(db);
await db.close();
