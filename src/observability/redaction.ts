// What must never reach a log line: credentials, and the personal data of children and their families
// (medical notes, dates of birth, emails, emergency contacts). Keys are matched at any depth of plain
// objects, ignoring case and separators, so `dateOfBirth`, `date_of_birth` and `DOB` all go.

export const REDACTED = '[REDACTED]';

const SENSITIVE_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'dpop',
  'token',
  'accesstoken',
  'idtoken',
  'refreshtoken',
  'apitoken',
  'bearertoken',
  'jwt',
  'password',
  'secret',
  'clientsecret',
  'privatekey',
  'privatejwk',
  'medicalnotes',
  'dateofbirth',
  'dob',
  'email',
  'emailaddress',
  'emergencycontacts',
  'emergencycontact',
]);

// Deeper than any log payload we write; stops runaway walks over cyclic or huge structures.
const MAX_DEPTH = 32;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, ''));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns `value` with every sensitive key censored at any depth of plain objects and arrays.
 * Copy-on-write: untouched branches keep their identity, and the caller's object is never mutated.
 * Class instances (requests, errors, entities) are left to their serializers.
 */
export function scrubValue<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const scrubbed = scrubValue(item, depth + 1);
      if (scrubbed !== item) (copy ??= [...value])[index] = scrubbed;
    });
    return (copy ?? value) as T;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const scrubbed = isSensitiveKey(key) ? (item === undefined || item === null ? item : REDACTED) : scrubValue(item, depth + 1);
    if (scrubbed !== item) (copy ??= { ...value })[key] = scrubbed;
  }
  return (copy ?? value) as T;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Database errors quote the failing statement with its values inlined (MikroORM does this): any of them
// may be a child's medical note or date of birth, so every literal in SQL-looking text is masked.
const SQL_HINT = /\b(insert\s+into|update\s+\S+\s+set|delete\s+from|select\s[\s\S]*?\sfrom)\b/i;
const SQL_STRING_LITERAL = /'(?:[^']|'')*'/g;
const KEY_VALUE_DETAIL = /(Key \([^)]*\)=)\([^)]*\)/g; // PostgreSQL's "Key (email)=(x@y.z) already exists."

// Cheap pre-check on a finished JSON line: only lines with a key that might be sensitive are re-parsed.
const MAYBE_SENSITIVE_KEY = /"[^"]*(?:authori|cookie|dpop|token|jwt|password|secret|private|medical|birth|dob|mail|emergency)[^"]*"\s*:/i;

/**
 * The last line of defence, applied to every finished log line: censors sensitive keys at any depth
 * (including child-logger bindings and serializer output) and masks email addresses anywhere, messages too.
 */
export function scrubLogLine(line: string): string {
  let out = line;
  if (MAYBE_SENSITIVE_KEY.test(out)) {
    try {
      const parsed: unknown = JSON.parse(out);
      const scrubbed = scrubValue(parsed);
      if (scrubbed !== parsed) out = `${JSON.stringify(scrubbed)}\n`;
    } catch {
      // Not one JSON document (a custom destination's format): the email mask below still applies.
    }
  }
  return out.replace(EMAIL, '[email]');
}

/** Masks emails, and the values inside SQL statements or constraint details quoted in error text. */
export function scrubText(text: string): string {
  let out = text.replace(KEY_VALUE_DETAIL, '$1(?)');
  if (SQL_HINT.test(out)) out = out.replace(SQL_STRING_LITERAL, "'?'");
  return out.replace(EMAIL, '[email]');
}

/** A URL with sensitive query parameters (`?access_token=…`, `?email=…`) masked. */
/** Path segments that are secrets themselves (invitation tokens in accept links). */
const SECRET_PATH_SEGMENTS = /(\/invitations\/)[^/?]+(\/accept)/;

export function scrubUrl(rawUrl: string): string {
  const url = rawUrl.replace(SECRET_PATH_SEGMENTS, `$1${REDACTED}$2`);
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  let changed = false;
  for (const key of new Set(params.keys())) {
    // `key`: calendar-feed keys; `sig`: signed unsubscribe links.
    if (isSensitiveKey(key) || /token|secret|password|code|^key$|^sig/i.test(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, queryStart)}?${params.toString()}` : url;
}
