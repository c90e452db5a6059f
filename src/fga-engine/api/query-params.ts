// Query-string parameters of the GET endpoints, decoded as grpc-gateway does (a malformed number
// is a 400 validation_error naming the parameter).
import { fgaErrors } from '../errors.js';

type Query = Record<string, unknown>;

export function stringParam(query: Query, name: string): string | undefined {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

export function int32Param(query: Query, name: string): number | undefined {
  const raw = stringParam(query, name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^[+-]?\d+$/.test(raw)) {
    throw fgaErrors.validation(`type mismatch, parameter: ${name}, error: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  const value = Number(raw);
  if (value > 2147483647 || value < -2147483648) {
    throw fgaErrors.validation(`type mismatch, parameter: ${name}, error: strconv.ParseInt: parsing ${JSON.stringify(raw)}: value out of range`);
  }
  return value;
}
