// Authorization models never change once written, so a model looked up by id can be kept: a check
// naming its model then costs no datastore round trip (a PostgreSQL query per request otherwise).
// "Latest model" lookups are never cached: another writer may add a model at any time.
import type { AuthorizationModel } from '../types.js';

export class ModelCache {
  private readonly entries = new Map<string, AuthorizationModel>();

  constructor(private readonly maxEntries = 1000) {}

  get(storeId: string, modelId: string): AuthorizationModel | undefined {
    const key = `${storeId}/${modelId}`;
    const model = this.entries.get(key);
    if (model) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, model);
    }
    return model;
  }

  set(storeId: string, model: AuthorizationModel): void {
    this.entries.set(`${storeId}/${model.id}`, model);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forgetStore(storeId: string): void {
    const prefix = `${storeId}/`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
