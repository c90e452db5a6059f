// Condition parameter types (internal/condition/types): each declared type maps to a CEL type for
// compilation and to a converter that turns a JSON context value into the typed CEL value, failing
// exactly where OpenFGA's converters fail.
import type { ConditionParamTypeRef } from '../types.js';
import { celDuration, celUint, IPADDRESS_CEL_TYPE } from './cel-runtime.js';
import { parseGoDuration, parseRfc3339 } from './go-time.js';
import { parseIPAddress } from './ip-address.js';

export interface ParameterType {
  /** How OpenFGA prints the type, e.g. `map<int>`. */
  readonly label: string;
  /** The type as declared to the CEL environment. */
  readonly celType: string;
  /** JSON value → CEL value; throws Error with OpenFGA's conversion message. */
  convert(value: unknown): unknown;
}

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

export function decodeParameterType(ref: ConditionParamTypeRef): ParameterType {
  const generics = ref.generic_types ?? [];
  switch (ref.type_name) {
    case 'TYPE_NAME_ANY': return simple('any', 'dyn', toDynamic);
    case 'TYPE_NAME_BOOL': return simple('bool', 'bool', (v) => primitive(v, 'boolean', 'bool'));
    case 'TYPE_NAME_STRING': return simple('string', 'string', (v) => primitive(v, 'string', 'string'));
    case 'TYPE_NAME_INT': return simple('int', 'int', (v) => integral(v, 'int64'));
    case 'TYPE_NAME_UINT': return simple('uint', 'uint', (v) => celUint(integral(v, 'uint64')));
    case 'TYPE_NAME_DOUBLE': return simple('double', 'double', toDouble);
    case 'TYPE_NAME_DURATION': return simple('duration', 'google.protobuf.Duration', toDuration);
    case 'TYPE_NAME_TIMESTAMP': return simple('timestamp', 'google.protobuf.Timestamp', toTimestamp);
    case 'TYPE_NAME_IPADDRESS': return simple('ipaddress', IPADDRESS_CEL_TYPE, toIPAddress);
    case 'TYPE_NAME_LIST': {
      const element = decodeParameterType(onlyGeneric('TYPE_NAME_LIST', generics));
      return simple(`list<${element.label}>`, `list<${element.celType}>`, (v) => toList(v, element));
    }
    case 'TYPE_NAME_MAP': {
      const element = decodeParameterType(onlyGeneric('TYPE_NAME_MAP', generics));
      return simple(`map<${element.label}>`, `map<string, ${element.celType}>`, (v) => toMap(v, element));
    }
    default:
      throw new Error(`unknown condition parameter type '${String(ref.type_name)}'`);
  }
}

function simple(label: string, celType: string, convert: (v: unknown) => unknown): ParameterType {
  return { label, celType, convert };
}

function onlyGeneric(name: string, generics: ConditionParamTypeRef[]): ConditionParamTypeRef {
  if (generics.length !== 1) throw new Error(`type \`${name}\` requires 1 generic types; found ${generics.length}`);
  return generics[0];
}

/** Go's reflect type names, used in OpenFGA's messages. */
function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

function primitive(v: unknown, jsType: 'boolean' | 'string', goType: string): unknown {
  if (typeof v !== jsType) throw new Error(`expected type value '${goType}', but found '${goTypeName(v)}'`);
  return v;
}

function parseNumeric(v: unknown, goType: string): number | bigint {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return v;
  if (typeof v !== 'string') throw new Error(`expected type value '${goType}', but found '${goTypeName(v)}'`);
  const text = v.trim() === v ? v : '';
  if (/^[+-]?\d+$/.test(text)) return BigInt(text);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?(inf|infinity)$/i.test(text)) {
    throw new Error(`expected a ${goType} value, but found invalid string value '${v}'`);
  }
  return Number(text.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
}

function integral(v: unknown, goType: 'int64' | 'uint64'): bigint {
  const n = parseNumeric(v, goType);
  const kind = goType === 'int64' ? 'an int' : 'a uint';
  let value: bigint;
  if (typeof n === 'bigint') value = n;
  else {
    if (!Number.isFinite(n) || !Number.isInteger(n)) throw new Error(`expected ${kind} value, but found numeric value '${formatGoFloat(n)}'`);
    value = BigInt(n);
  }
  // Go's big.Float.Int64 saturates at the int64 bounds.
  if (value > MAX_INT64) value = MAX_INT64;
  if (value < MIN_INT64) value = MIN_INT64;
  if (goType === 'uint64' && value < 0n) throw new Error(`expected a uint value, but found int64 value '${value}'`);
  return value;
}

function toDouble(v: unknown): number {
  const n = parseNumeric(v, 'float64');
  const value = typeof n === 'bigint' ? Number(n) : n;
  // JSON cannot carry ±1.8e309; a value beyond float64 (as a string, or Infinity in-process) is rejected.
  if (!Number.isFinite(value)) throw new Error(`expected a float64 value, but found numeric value '${typeof v === 'string' ? v : String(v)}'`);
  return value;
}

function formatGoFloat(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n);
}

function toDuration(v: unknown): unknown {
  if (typeof v !== 'string') throw new Error(`expected a duration string, but found: ${goTypeName(v)} '${String(v)}'`);
  const nanos = parseGoDuration(v);
  if (nanos === undefined) throw new Error(`expected a valid duration string, but found: '${v}'`);
  return celDuration(nanos);
}

function toTimestamp(v: unknown): Date {
  if (typeof v !== 'string') throw new Error(`expected RFC 3339 formatted timestamp string, but found: ${goTypeName(v)} '${String(v)}'`);
  const date = parseRfc3339(v);
  if (!date) throw new Error(`expected RFC 3339 formatted timestamp string, but found '${v}'`);
  return date;
}

function toIPAddress(v: unknown): unknown {
  if (typeof v !== 'string') throw new Error(`expected an ipaddress string, but found: ${goTypeName(v)} '${String(v)}'`);
  const ip = parseIPAddress(v);
  if (!ip) throw new Error(`expected a well-formed IP address, but found: '${v}'`);
  return ip;
}

function toList(v: unknown, element: ParameterType): unknown[] {
  if (!Array.isArray(v)) throw new Error(`list requires a list, found: ${goTypeName(v)}`);
  return v.map((item) => {
    try {
      return element.convert(item);
    } catch (e) {
      throw new Error(`failed to convert list item: ${(e as Error).message}`);
    }
  });
}

function toMap(v: unknown, element: ParameterType): Map<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`map requires a map, found: ${goTypeName(v)}`);
  const out = new Map<string, unknown>();
  for (const [key, item] of Object.entries(v)) {
    try {
      out.set(key, element.convert(item));
    } catch (e) {
      throw new Error(`failed to convert map item '${key}': ${(e as Error).message}`);
    }
  }
  return out;
}

// `any` keeps JSON's shape; nested objects become CEL maps so field access and `in` work.
function toDynamic(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toDynamic);
  if (v !== null && typeof v === 'object' && !(v instanceof Map)) {
    return new Map(Object.entries(v).map(([k, item]) => [k, toDynamic(item)]));
  }
  return v;
}
