// `npm run migrate`: creates the database if needed and applies pending migrations.
import { loadConfig } from '../config/index.js';
import { runMigrations } from './migrate.js';

const config = loadConfig();
const applied = await runMigrations({ databaseUrl: config.databaseUrl });
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
