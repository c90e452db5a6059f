import type { StoreTest } from './store-file-schema.js';

/**
 * How many assertions a test makes: one per relation for every user × object of a check, one per
 * relation of a list_objects or list_users entry. Used to count a file that cannot run as failed.
 */
export function countAssertions(tests: StoreTest[]): number {
  let count = 0;
  for (const test of tests) {
    for (const check of test.check ?? []) {
      const users = check.users?.length ? check.users.length : 1;
      const objects = check.objects?.length ? check.objects.length : 1;
      count += users * objects * Object.keys(check.assertions).length;
    }
    for (const entry of test.list_objects ?? []) count += Object.keys(entry.assertions).length;
    for (const entry of test.list_users ?? []) count += Object.keys(entry.assertions).length;
  }
  return count;
}
