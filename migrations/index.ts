// Forward-only migrations, in order. Listed explicitly so they run the same under tsx and in a bundle.
import { Migration20261125Foundation } from './20261125-foundation.js';

export const migrationsList = [{ name: 'Migration20261125Foundation', class: Migration20261125Foundation }];
