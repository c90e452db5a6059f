// The CEL library's own value classes (duration, uint) are not exported, so they are taken from values
// the library itself produces; parameters converted with them compare natively inside expressions.
import { Environment } from '@marcbachmann/cel-js';
import { IPAddress, ipInCidr, parseIPAddress } from './ip-address.js';

const probe = new Environment();

type DurationCtor = new (seconds: bigint, nanos?: number) => object;
type UnsignedIntCtor = new (value: bigint) => object;

const CelDuration = (probe.evaluate('duration("1s")', {}) as object).constructor as DurationCtor;
const CelUnsignedInt = (probe.evaluate('1u', {}) as object).constructor as UnsignedIntCtor;

export function celDuration(nanoseconds: bigint): object {
  const seconds = nanoseconds / 1_000_000_000n;
  return new CelDuration(seconds, Number(nanoseconds % 1_000_000_000n));
}

export function celUint(value: bigint): object {
  return new CelUnsignedInt(value);
}

export const IPADDRESS_CEL_TYPE = 'IPAddress';

// Built once; each condition gets a cheap clone it can declare its parameters on.
const base = buildBaseEnvironment();

/** A fresh environment with OpenFGA's extensions (the `ipaddress` type, `ipaddress()` and `in_cidr`). */
export function newConditionEnvironment(): Environment {
  return base.clone();
}

function buildBaseEnvironment(): Environment {
  return new Environment()
    .registerType(IPADDRESS_CEL_TYPE, { ctor: IPAddress, fields: {} } as never)
    .registerFunction(`ipaddress(string): ${IPADDRESS_CEL_TYPE}`, (text: string) => {
      const ip = parseIPAddress(text);
      if (!ip) throw new Error(`ParseAddr(${JSON.stringify(text)}): unable to parse IP`);
      return ip;
    })
    .registerFunction(`${IPADDRESS_CEL_TYPE}.in_cidr(string): bool`, (ip: IPAddress, cidr: string) => ipInCidr(ip, cidr))
    // `!=` is derived by the library from `==`.
    .registerOperator(`${IPADDRESS_CEL_TYPE} == ${IPADDRESS_CEL_TYPE}`, (a: IPAddress, b: IPAddress) => a.equals(b));
}
