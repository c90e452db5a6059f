// "Why can U see X?": the paths through the relationship graph that grant a relation, found by walking
// OpenFGA Expand trees (one level per call) from the object down to users. Nothing here knows the
// model's types: a new type or relation is explained without code changes.
//
// A path is a list of steps from the user to the object, each "<relation> of <object>":
//   head_coach of group:u10 → coach of group:u10 → group of member:ana
// reads "the user is head coach of u10, hence a coach of u10, and u10 is the group of member ana".

/** OpenFGA's UsersetTree node as Expand returns it (exactly one of leaf / union / intersection / difference). */
export interface UsersetTreeNode {
  name: string;
  leaf?: {
    users?: { users: string[] };
    computed?: { userset: string };
    tupleToUserset?: { tupleset: string; computed: Array<{ userset: string }> };
  };
  union?: { nodes: UsersetTreeNode[] };
  intersection?: { nodes: UsersetTreeNode[] };
  difference?: { base: UsersetTreeNode; subtract: UsersetTreeNode };
}

export type ExpandOne = (object: string, relation: string) => Promise<UsersetTreeNode>;

/** user ("user:anna", "user:*") → the paths (each a list of steps) that grant the relation. */
export type AccessPaths = Map<string, string[][]>;

export interface ExplainLimits {
  /** Expand calls per question; a graph larger than this is explained in part. */
  maxExpands?: number;
  /** Paths kept per user (the shortest first). */
  maxPathsPerUser?: number;
  /** Expand calls in flight at once: a club-wide question must not flood OpenFGA. */
  concurrency?: number;
}

const splitUserset = (userset: string): [string, string] => {
  const hash = userset.lastIndexOf('#');
  return [userset.slice(0, hash), userset.slice(hash + 1)];
};

/** Every user the Expand trees reach for `object#relation`, with the paths that reach them. */
export async function explainAccess(expand: ExpandOne, object: string, relation: string, limits: ExplainLimits = {}): Promise<AccessPaths> {
  const maxExpands = limits.maxExpands ?? 500;
  const maxPaths = limits.maxPathsPerUser ?? 10;
  let expands = 0;
  const memo = new Map<string, Promise<AccessPaths>>();
  const limited = limitConcurrency(limits.concurrency ?? 8);

  const explainUserset = (obj: string, rel: string, onPath: ReadonlySet<string>): Promise<AccessPaths> => {
    const key = `${obj}#${rel}`;
    if (onPath.has(key) || expands >= maxExpands) return Promise.resolve(new Map()); // a cycle, or the budget is spent
    let result = memo.get(key);
    if (!result) {
      expands += 1;
      const path = new Set(onPath).add(key);
      result = limited(() => expand(obj, rel)).then(async (tree) => appendStep(await explainNode(tree, obj, path), `${rel} of ${obj}`));
      memo.set(key, result);
    }
    return result;
  };

  const explainNode = async (node: UsersetTreeNode, obj: string, onPath: ReadonlySet<string>): Promise<AccessPaths> => {
    if (node.union) return merge(await Promise.all(node.union.nodes.map((n) => explainNode(n, obj, onPath))));
    if (node.intersection) return intersect(await Promise.all(node.intersection.nodes.map((n) => explainNode(n, obj, onPath))));
    if (node.difference) {
      const [base, subtract] = await Promise.all([explainNode(node.difference.base, obj, onPath), explainNode(node.difference.subtract, obj, onPath)]);
      return new Map([...base].filter(([user]) => !subtract.has(user)));
    }
    const leaf = node.leaf ?? {};
    if (leaf.users) {
      const found: AccessPaths[] = [];
      for (const user of leaf.users.users) {
        // A userset assigned directly (group:g#member): its own members, one step further.
        if (user.includes('#')) found.push(await explainUserset(...splitUserset(user), onPath));
        else found.push(new Map([[user, [[]]]]));
      }
      return merge(found);
    }
    if (leaf.computed) return explainUserset(...splitUserset(leaf.computed.userset), onPath);
    if (leaf.tupleToUserset) {
      const tupleset = splitUserset(leaf.tupleToUserset.tupleset)[1];
      const parents = await Promise.all(
        leaf.tupleToUserset.computed.map(async ({ userset }) => {
          const [parent, rel] = splitUserset(userset);
          return appendStep(await explainUserset(parent, rel, onPath), `${tupleset} of ${obj}`);
        }),
      );
      return merge(parents);
    }
    return new Map();
  };

  const root = await explainUserset(object, relation, new Set());
  // The last step is the question itself ("can_view of member:ana"): drop it.
  const answer: AccessPaths = new Map();
  for (const [user, paths] of root) {
    const trimmed = paths.map((p) => p.slice(0, -1)).filter((p) => p.length > 0);
    answer.set(user, shortestFirst(dedupe(trimmed.length ? trimmed : paths)).slice(0, maxPaths));
  }
  return answer;
}

/** Renders a path as one line: "admin of club:c1 → club of member:ana". */
export const formatPath = (steps: string[]): string => steps.join(' → ');

function appendStep(paths: AccessPaths, step: string): AccessPaths {
  return new Map([...paths].map(([user, list]) => [user, list.map((p) => [...p, step])]));
}

function merge(parts: AccessPaths[]): AccessPaths {
  const merged: AccessPaths = new Map();
  for (const part of parts) for (const [user, paths] of part) merged.set(user, [...(merged.get(user) ?? []), ...paths]);
  return merged;
}

/** Users every branch grants; a path names one way through each branch. */
function intersect(parts: AccessPaths[]): AccessPaths {
  if (!parts.length) return new Map();
  const [first, ...rest] = parts;
  const both: AccessPaths = new Map();
  for (const [user, paths] of first) {
    if (!rest.every((p) => p.has(user))) continue;
    const joined = [paths[0], ...rest.map((p) => p.get(user)![0])].map(formatPath).join(' and ');
    both.set(user, [[`(${joined})`]]);
  }
  return both;
}

function dedupe(paths: string[][]): string[][] {
  const seen = new Map(paths.map((p) => [formatPath(p), p]));
  return [...seen.values()];
}

const shortestFirst = (paths: string[][]) => [...paths].sort((a, b) => a.length - b.length || formatPath(a).localeCompare(formatPath(b)));

/** Runs at most `max` of the given calls at a time, the rest in order of arrival. */
function limitConcurrency(max: number): <T>(call: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (call) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await call();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
