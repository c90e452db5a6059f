// The route matcher keeps Express's default routing semantics for the paths the route table declares.
import { expect } from 'chai';
import { AppError } from '../../src/http/app-error.js';
import { RouteMatcher } from '../../src/http/route-matcher.js';

describe('route matcher (Express routing semantics, one lookup)', () => {
  const routes = new RouteMatcher<string>();
  routes.add('get', '/v1/groups/:groupId', 'get group');
  routes.add('patch', '/v1/groups/:groupId', 'patch group');
  routes.add('get', '/v1/groups/:groupId/members', 'roster');
  routes.add('delete', '/v1/groups/:groupId/members/:memberId', 'unassign');
  routes.add('get', '/v1/me/members', 'my children');

  it('finds the route of a method and path, with its parameters', () => {
    expect(routes.match('GET', '/v1/groups/g1/members')).to.deep.equal({ handler: 'roster', path: '/v1/groups/:groupId/members', params: { groupId: 'g1' } });
    expect(routes.match('DELETE', '/v1/groups/g1/members/m2')?.params).to.deep.equal({ groupId: 'g1', memberId: 'm2' });
    expect(routes.match('PATCH', '/v1/groups/g1')?.handler).to.equal('patch group');
    // A literal segment is not taken for a parameter, nor a parameter's route for a literal one.
    expect(routes.match('GET', '/v1/me/members')?.handler).to.equal('my children');
    expect(routes.match('GET', '/v1/groups/g1/guardians')).to.equal(undefined);
  });

  it('compares literals case-insensitively and ignores one trailing slash, like Express', () => {
    expect(routes.match('GET', '/V1/Groups/g1/MEMBERS')?.params).to.deep.equal({ groupId: 'g1' });
    expect(routes.match('GET', '/v1/groups/g1/members/')?.handler).to.equal('roster');
    expect(routes.match('GET', '/v1/groups/g1/members//')).to.equal(undefined);
  });

  it('needs a non-empty segment for a parameter and keeps the case of parameters', () => {
    expect(routes.match('GET', '/v1/groups//members')).to.equal(undefined);
    expect(routes.match('GET', '/v1/groups/')).to.equal(undefined);
    expect(routes.match('GET', '/v1/groups/AbC')?.params).to.deep.equal({ groupId: 'AbC' });
  });

  it('percent-decodes parameters and answers a malformed encoding with a 400', () => {
    expect(routes.match('GET', '/v1/groups/a%20b%2Fc')?.params).to.deep.equal({ groupId: 'a b/c' });
    let thrown: unknown;
    try {
      routes.match('GET', '/v1/groups/%E0%A4%A');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(AppError);
    expect((thrown as AppError).status).to.equal(400);
  });

  it('answers HEAD with the GET route and lists the methods of a path', () => {
    expect(routes.match('HEAD', '/v1/groups/g1')?.handler).to.equal('get group');
    expect(routes.match('POST', '/v1/groups/g1')).to.equal(undefined);
    expect(routes.methodsAt('/v1/groups/g1')).to.deep.equal(['GET', 'HEAD', 'PATCH']);
    expect(routes.methodsAt('/v1/nothing')).to.deep.equal([]);
  });

  it('refuses path syntax it does not implement', () => {
    expect(() => routes.add('get', '/v1/files/*path', 'x')).to.throw(/only literal segments/);
    expect(() => routes.add('get', '/v1/items/:id?', 'x')).to.throw(/only literal segments/);
  });
});
