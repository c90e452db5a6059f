import { z } from 'zod';

// Builders for one environment variable each. Every message starts with the variable's name, so the
// error that stops start-up says exactly what to fix. An empty value counts as unset (compose files and
// shells often export `FOO=`).

const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A string variable; `check` returns an error message (without the name) or undefined when fine. */
export function stringVar(name: string, check?: (value: string) => string | undefined) {
  return z.preprocess(
    unsetIfEmpty,
    z.string({ error: `${name} must be a string` }).superRefine((value, ctx) => {
      const problem = check?.(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${name} ${problem}` });
    }).optional(),
  );
}

export function enumVar<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.preprocess(
    unsetIfEmpty,
    z.enum(values, { error: `${name} must be one of ${values.join(', ')}` }).optional(),
  );
}

export function intVar(name: string, min: number, max: number) {
  const message = `${name} must be an integer between ${min} and ${max}`;
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\s*-?\d+\s*$/, { error: message })
      .transform(Number)
      .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))
      .optional(),
  );
}

/** A URL whose scheme is one of `protocols` (e.g. ['postgres:', 'postgresql:']). */
export function urlVar(name: string, protocols: string[]) {
  return stringVar(name, (value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return `must be a URL (${protocols.join(' or ')}//…)`;
    }
    return protocols.includes(url.protocol) ? undefined : `must use ${protocols.map((p) => `${p}//`).join(' or ')}`;
  });
}

/** OpenFGA store and model ids are ULIDs. */
export function ulidVar(name: string) {
  return stringVar(name, (value) => (/^[0-9A-HJKMNP-TV-Z]{26}$/i.test(value) ? undefined : 'must be a ULID (26 characters, e.g. 01HVMMBCMGZNT3SED4Z17ECXCA)'));
}

/** Comma-separated browser origins such as `https://app.example.com,http://localhost:5173`. */
export function originListVar(name: string) {
  return stringVar(name, (value) => {
    for (const entry of splitList(value)) {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
        return `must be a comma-separated list of origins like https://app.example.com ('${entry}' is not one)`;
      }
    }
    return undefined;
  });
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
