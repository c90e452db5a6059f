import type { core } from 'zod';

export type InputLocation = 'body' | 'query' | 'params';

type RawIssue = core.$ZodRawIssue;
type PathKey = PropertyKey;

/** ['guardians', 0, 'name'] → "guardians[0].name" */
export function formatPath(path: readonly PathKey[] | undefined): string {
  return (path ?? []).reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function subject(location: InputLocation, path: string): string {
  if (location === 'query') return path ? `Query parameter '${path}'` : 'Query string';
  if (location === 'params') return path ? `Path parameter '${path}'` : 'Path';
  return path ? `Field '${path}'` : 'Request body';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  null: 'null',
  record: 'an object',
  map: 'an object',
  set: 'a list',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  guid: 'a UUID',
  ulid: 'a ULID',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date-time (ISO 8601, e.g. 2025-01-31T18:00:00Z)',
  time: 'a time (HH:MM or HH:MM:SS)',
  duration: 'an ISO 8601 duration (e.g. PT1H)',
  e164: 'a phone number in international format (e.g. +4915112345678)',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

const quote = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));
const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) === 1 ? '' : 's'}`;

function sizeLimit(issue: { origin?: string; inclusive?: boolean }, bound: number | bigint | Date, lower: boolean): string {
  const atLeast = lower ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'string':
      return lower && Number(bound) === 1 ? 'must not be empty' : `must be ${atLeast} ${plural(bound as number, 'character')} long`;
    case 'array':
    case 'set':
      return lower && Number(bound) === 1 ? 'must not be empty' : `must have ${atLeast} ${plural(bound as number, 'item')}`;
    case 'date':
      return `must be ${lower ? 'on or after' : 'on or before'} ${bound instanceof Date ? bound.toISOString() : String(bound)}`;
    default:
      if (issue.inclusive === false) return `must be ${lower ? 'greater' : 'less'} than ${String(bound)}`;
      return `must be ${atLeast} ${String(bound)}`;
  }
}

/** A message a person can act on, for any zod issue: "Field 'dateOfBirth' must be a date (YYYY-MM-DD)". */
export function describeIssue(issue: RawIssue, location: InputLocation): string {
  const path = formatPath(issue.path);
  const who = subject(location, path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return location === 'body' && !path ? 'Request body is required (send JSON with Content-Type: application/json)' : `${who} is required`;
      }
      return `${who} must be ${TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`}`;
    case 'too_small':
      return `${who} ${sizeLimit(issue, issue.minimum, true)}`;
    case 'too_big':
      return `${who} ${sizeLimit(issue, issue.maximum, false)}`;
    case 'invalid_format': {
      const f = issue as core.$ZodIssueInvalidStringFormat & { prefix?: string; suffix?: string; includes?: string };
      if (f.format === 'starts_with') return `${who} must start with '${f.prefix}'`;
      if (f.format === 'ends_with') return `${who} must end with '${f.suffix}'`;
      if (f.format === 'includes') return `${who} must contain '${f.includes}'`;
      if (f.format === 'regex') return `${who} has an invalid format`;
      return `${who} must be ${FORMAT_NAMES[f.format] ?? `a valid ${f.format}`}`;
    }
    case 'not_multiple_of':
      return `${who} must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys': {
      const noun = location === 'query' ? 'query parameter' : 'field';
      const names = issue.keys.map((k) => `'${path ? `${path}.` : ''}${k}'`).join(', ');
      return `Unknown ${noun}${issue.keys.length === 1 ? '' : 's'} ${names}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `${who} must be ${quote(issue.values[0])}` : `${who} must be one of: ${issue.values.map(quote).join(', ')}`;
    case 'invalid_union':
      return `${who} does not match any of the accepted forms`;
    case 'invalid_key':
      return `${who} has an invalid key`;
    case 'invalid_element':
      return `${who} has an invalid entry`;
    default:
      return `${who} is invalid`;
  }
}
