// Lookups over one authorization model, plus facts precomputed once per model for fast resolution.
// Built from a model that has already passed validateAuthorizationModel (or was stored after it).
import type { AuthorizationModel, RelationReference, Userset } from '../types.js';
import { compileCondition, type CompiledCondition } from '../conditions/index.js';
import { Reachability } from './reachability.js';
import { walkRewrite, tuplesetName } from './rewrites.js';

export interface RelationInfo {
  readonly objectType: string;
  readonly name: string;
  readonly rewrite: Userset;
  /** Type restrictions (`[user, group#member, user:*]`), empty for non-assignable relations. */
  readonly directTypes: readonly RelationReference[];
}

export type RestrictionShape = 'plain' | 'wildcard' | 'userset';

export function restrictionShape(ref: RelationReference): RestrictionShape {
  if (ref.wildcard) return 'wildcard';
  return ref.relation ? 'userset' : 'plain';
}

export class Typesystem {
  readonly model: AuthorizationModel;
  readonly modelId: string;
  readonly schemaVersion: string;
  private readonly relationsByType = new Map<string, Map<string, RelationInfo>>();
  private readonly tuplesets = new Set<string>();
  private readonly compiledConditions = new Map<string, CompiledCondition | null>();
  private readonly reachability: Reachability;

  constructor(model: AuthorizationModel) {
    this.model = model;
    this.modelId = model.id;
    this.schemaVersion = model.schema_version || '1.1';
    for (const td of model.type_definitions ?? []) {
      const relations = new Map<string, RelationInfo>();
      for (const [name, rewrite] of Object.entries(td.relations ?? {})) {
        const directTypes = td.metadata?.relations?.[name]?.directly_related_user_types ?? [];
        relations.set(name, { objectType: td.type, name, rewrite, directTypes });
        collectTuplesets(rewrite, (tupleset) => this.tuplesets.add(`${td.type}#${tupleset}`));
      }
      this.relationsByType.set(td.type, relations);
    }
    this.reachability = new Reachability(this);
  }

  hasType(type: string): boolean {
    return this.relationsByType.has(type);
  }

  typeNames(): string[] {
    return [...this.relationsByType.keys()];
  }

  relationsOf(type: string): Map<string, RelationInfo> | undefined {
    return this.relationsByType.get(type);
  }

  getRelation(type: string, relation: string): RelationInfo | undefined {
    return this.relationsByType.get(type)?.get(relation);
  }

  directTypes(type: string, relation: string): readonly RelationReference[] {
    return this.getRelation(type, relation)?.directTypes ?? [];
  }

  /** The relation is the tupleset (`ts` in `rel from ts`) of some rewrite on its type. */
  isTuplesetRelation(type: string, relation: string): boolean {
    return this.tuplesets.has(`${type}#${relation}`);
  }

  hasCondition(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.model.conditions ?? {}, name);
  }

  /** The compiled condition, or undefined when the model does not define it (or it cannot compile). */
  getCondition(name: string): CompiledCondition | undefined {
    let compiled = this.compiledConditions.get(name);
    if (compiled === undefined) {
      const condition = this.model.conditions?.[name];
      try {
        compiled = condition ? compileCondition({ ...condition, name: condition.name || name }) : null;
      } catch {
        compiled = null;
      }
      this.compiledConditions.set(name, compiled);
    }
    return compiled ?? undefined;
  }

  /**
   * OpenFGA's PathExists: can a user of this shape reach `type#relation` at all? `userType` is the
   * user's type and `userRelation` its relation for a userset user (`group:x#member`), else ''.
   * A plain user also reaches through `userType:*`.
   */
  pathExists(userType: string, userRelation: string, type: string, relation: string): boolean {
    const sources = this.reachability.sourcesOf(type, relation);
    if (userRelation) return sources.has(`${userType}#${userRelation}`);
    return sources.has(userType) || sources.has(`${userType}:*`);
  }
}

function collectTuplesets(rewrite: Userset, add: (tupleset: string) => void): void {
  walkRewrite(rewrite, (node) => {
    if (node.tupleToUserset) add(tuplesetName(node.tupleToUserset));
  });
}

const cache = new Map<string, Typesystem>();
const CACHE_LIMIT = 256;

/** The typesystem of a model, cached by model id (a model id never changes content). Does not validate. */
export function typesystemFor(model: AuthorizationModel): Typesystem {
  if (!model.id) return new Typesystem(model);
  const hit = cache.get(model.id);
  if (hit) return hit;
  const ts = new Typesystem(model);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(model.id, ts);
  return ts;
}
