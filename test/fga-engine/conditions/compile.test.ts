// Conditions: compiled once with typed parameters, evaluated with the tuple's context overriding the
// request's, OpenFGA's errors for missing parameters and failed conversions.
import { expect } from 'chai';
import { compileCondition } from '../../../src/fga-engine/conditions/index.js';
import type { Condition, ConditionParamTypeRef } from '../../../src/fga-engine/types.js';
import { FgaError } from '../../../src/fga-engine/errors.js';

const t = (type_name: ConditionParamTypeRef['type_name'], ...generic_types: ConditionParamTypeRef[]): ConditionParamTypeRef =>
  (generic_types.length ? { type_name, generic_types } : { type_name });

function condition(expression: string, parameters: Condition['parameters']): Condition {
  return { name: 'cond', expression, parameters };
}

function evaluate(c: Condition, request?: Record<string, unknown>, tuple?: Record<string, unknown>): boolean {
  return compileCondition(c).evaluate(request, tuple, 'document:1#viewer@user:jon');
}

function failure(run: () => unknown): FgaError {
  try {
    run();
  } catch (e) {
    if (e instanceof FgaError) return e;
    throw e;
  }
  throw new Error('expected an FgaError');
}

describe('compileCondition', () => {
  it('rejects expressions that do not type-check or are not bool', () => {
    expect(failure(() => compileCondition(condition('x < "a"', { x: t('TYPE_NAME_INT') }))).code).to.equal('invalid_authorization_model');
    expect(failure(() => compileCondition(condition('x', { x: t('TYPE_NAME_INT') }))).message)
      .to.equal("failed to compile expression on condition 'cond': expected a bool condition expression output, but got 'int'");
    expect(failure(() => compileCondition(condition('y < 1', { x: t('TYPE_NAME_INT') }))).message).to.contain('failed to compile expression');
  });
});

describe('condition evaluation', () => {
  const intCond = condition('x < 100', { x: t('TYPE_NAME_INT') });

  it('compares ints given as numbers or numeric strings', () => {
    expect(evaluate(intCond, { x: 10 })).to.equal(true);
    expect(evaluate(intCond, { x: '99' })).to.equal(true);
    expect(evaluate(intCond, { x: 101 })).to.equal(false);
    expect(failure(() => evaluate(intCond, { x: 1.5 })).message).to.contain("expected an int value, but found numeric value '1.5'");
    expect(failure(() => evaluate(intCond, { x: true })).code).to.equal('validation_error');
  });

  it('reports every missing declared parameter, even when CEL could short-circuit', () => {
    const both = condition('x < 100 || y < 50', { x: t('TYPE_NAME_INT'), y: t('TYPE_NAME_INT') });
    const error = failure(() => evaluate(both, { x: 1 }));
    expect(error.code).to.equal('validation_error');
    expect(error.message).to.equal("failed to evaluate relationship condition 'cond': tuple 'document:1#viewer@user:jon' is missing context parameters '[y]'");
    expect(failure(() => evaluate(both)).message).to.contain("'[x y]'");
  });

  it('lets the tuple context override the request context and ignores undeclared keys', () => {
    expect(evaluate(intCond, { x: 500, extra: 'ignored' }, { x: 5 })).to.equal(true);
    expect(evaluate(intCond, { x: 5 }, { x: 500 })).to.equal(false);
  });

  it('handles uint, double, bool and string', () => {
    expect(evaluate(condition('u > 1u', { u: t('TYPE_NAME_UINT') }), { u: 2 })).to.equal(true);
    expect(failure(() => evaluate(condition('u > 1u', { u: t('TYPE_NAME_UINT') }), { u: -2 })).message).to.contain('expected a uint value');
    const double = condition('d > 0.0', { d: t('TYPE_NAME_DOUBLE') });
    expect(evaluate(double, { d: 1.797693134862315708145274237317 })).to.equal(true);
    expect(failure(() => evaluate(double, { d: '1.8e309' })).code).to.equal('validation_error');
    expect(failure(() => evaluate(double, { d: Infinity })).code).to.equal('validation_error');
    expect(evaluate(condition('b && s == "x"', { b: t('TYPE_NAME_BOOL'), s: t('TYPE_NAME_STRING') }), { b: true, s: 'x' })).to.equal(true);
    expect(failure(() => evaluate(condition('s == "x"', { s: t('TYPE_NAME_STRING') }), { s: 1 })).code).to.equal('validation_error');
  });

  it('handles timestamps and durations', () => {
    const ts = condition('ts < timestamp("2023-10-11T10:00:00.000Z")', { ts: t('TYPE_NAME_TIMESTAMP') });
    expect(evaluate(ts, { ts: '2023-10-11T09:00:00Z' })).to.equal(true);
    expect(evaluate(ts, { ts: '2023-10-11T12:00:00+02:00' })).to.equal(false);
    expect(failure(() => evaluate(ts, { ts: 'yesterday' })).message).to.contain('RFC 3339');
    const grace = condition('start + grace > now', {
      start: t('TYPE_NAME_TIMESTAMP'), grace: t('TYPE_NAME_DURATION'), now: t('TYPE_NAME_TIMESTAMP'),
    });
    expect(evaluate(grace, { start: '2024-01-01T00:00:00Z', grace: '1h30m', now: '2024-01-01T01:00:00Z' })).to.equal(true);
    expect(evaluate(grace, { start: '2024-01-01T00:00:00Z', grace: '10m', now: '2024-01-01T01:00:00Z' })).to.equal(false);
    expect(failure(() => evaluate(grace, { start: '2024-01-01T00:00:00Z', grace: '10 minutes', now: '2024-01-01T01:00:00Z' })).message)
      .to.contain('expected a valid duration string');
  });

  it('handles ipaddress with in_cidr, and a malformed CIDR is an evaluation error', () => {
    const ip = condition('user_ip.in_cidr(cidr)', { user_ip: t('TYPE_NAME_IPADDRESS'), cidr: t('TYPE_NAME_STRING') });
    expect(evaluate(ip, { user_ip: '192.168.0.1', cidr: '192.168.0.0/24' })).to.equal(true);
    expect(evaluate(ip, { user_ip: '192.168.1.0', cidr: '192.168.0.0/24' })).to.equal(false);
    expect(evaluate(ip, { user_ip: '::ffff:10.1.2.3', cidr: '10.0.0.0/8' })).to.equal(true);
    expect(evaluate(ip, { user_ip: '2001:db8::1', cidr: '2001:db8::/32' })).to.equal(true);
    expect(failure(() => evaluate(ip, { user_ip: '192.168.0.1', cidr: '192.168.0.0/99' })).message).to.contain('malformed CIDR');
    expect(failure(() => evaluate(ip, { user_ip: '999.1.1.1', cidr: '10.0.0.0/8' })).message).to.contain('well-formed IP address');
  });

  it('handles list, map and any', () => {
    const inList = condition('"admin" in roles', { roles: t('TYPE_NAME_LIST', t('TYPE_NAME_STRING')) });
    expect(evaluate(inList, { roles: ['user', 'admin'] })).to.equal(true);
    expect(failure(() => evaluate(inList, { roles: ['user', 3] })).code).to.equal('validation_error');
    const map = condition('limits["daily"] > 10', { limits: t('TYPE_NAME_MAP', t('TYPE_NAME_INT')) });
    expect(evaluate(map, { limits: { daily: 20 } })).to.equal(true);
    const anyCond = condition('attrs.level == 3.0', { attrs: t('TYPE_NAME_MAP', t('TYPE_NAME_ANY')) });
    expect(evaluate(anyCond, { attrs: { level: 3 } })).to.equal(true);
  });

  it('turns CEL runtime errors into validation errors', () => {
    const map = condition('limits["weekly"] > 10', { limits: t('TYPE_NAME_MAP', t('TYPE_NAME_INT')) });
    const error = failure(() => evaluate(map, { limits: { daily: 20 } }));
    expect(error.code).to.equal('validation_error');
    expect(error.message).to.contain("failed to evaluate relationship condition 'cond': failed to evaluate condition expression");
  });
});
