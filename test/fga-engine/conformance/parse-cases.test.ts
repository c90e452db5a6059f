// The runner's reading of OpenFGA's YAML conformance format: defaults, both places contextual
// tuples may sit, conditions on tuples, and clear errors for malformed files.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ConformanceFormatError, parseConformanceYaml } from '../../../src/fga-engine/conformance/parse-cases.js';

const SAMPLE = `
tests:
  - name: direct_with_condition
    stages:
      - model: |
          model
            schema 1.1
          type user
          type document
            relations
              define viewer: [user with in_range]
          condition in_range(x: int) {
            x < 100
          }
        tuples:
          - object: document:1
            relation: viewer
            user: user:jon
            condition:
              name: in_range
              context:
                x: 10
          - object: document:2
            relation: viewer
            user: user:jon
        checkAssertions:
          - tuple:
              object: document:1
              relation: viewer
              user: user:jon
            context:
              x: 9
            expectation: true
          - tuple:
              object: document:1
              relation: viewer
              user: user:jon
            errorCode: 2000
          - tuple:
              object: document:3
              relation: viewer
              user: user:jon
            contextualTuples:
              - object: document:3
                relation: viewer
                user: user:jon
        listObjectsAssertions:
          - request:
              user: user:jon
              type: document
              relation: viewer
            context:
              x: 1
            expectation:
              - document:1
          - request:
              user: user:jon
              type: document
              relation: viewer
              contextualTuples:
                - object: document:9
                  relation: viewer
                  user: user:jon
            expectation:
        listUsersAssertions:
          - request:
              filters:
                - user
                - group#member
              object: document:1 # a comment
              relation: viewer
            expectation:
              - user:jon
              - user:*
      - model: |
          model
            schema 1.1
          type user
`;

describe('conformance runner: parsing the YAML format', () => {
  const [spec] = parseConformanceYaml(SAMPLE, 'sample.yaml');
  const [first, second] = spec.stages;

  it('reads cases, stages and the model DSL verbatim', () => {
    expect(spec.name).to.equal('direct_with_condition');
    expect(spec.file).to.equal('sample.yaml');
    expect(spec.stages).to.have.length(2);
    expect(first.model).to.contain('define viewer: [user with in_range]');
    expect(first.model).to.contain('condition in_range(x: int) {');
  });

  it('keeps tuple conditions with their context, and no condition key when there is none', () => {
    expect(first.tuples).to.deep.equal([
      { object: 'document:1', relation: 'viewer', user: 'user:jon', condition: { name: 'in_range', context: { x: 10 } } },
      { object: 'document:2', relation: 'viewer', user: 'user:jon' },
    ]);
  });

  it('fills check defaults: no expectation means false, no error code, no contextual tuples', () => {
    const [withContext, withError, withContextual] = first.checkAssertions;
    expect(withContext).to.deep.include({ expectation: true, context: { x: 9 }, contextualTuples: [] });
    expect(withContext.errorCode).to.equal(undefined);
    expect(withError).to.deep.include({ expectation: false, errorCode: 2000 });
    expect(withContextual.expectation).to.equal(false);
    expect(withContextual.contextualTuples).to.deep.equal([{ object: 'document:3', relation: 'viewer', user: 'user:jon' }]);
  });

  it('reads list-objects requests; an empty expectation is an empty list; contextual tuples inside the request count', () => {
    const [listed, empty] = first.listObjectsAssertions;
    expect(listed.request).to.deep.equal({ user: 'user:jon', type: 'document', relation: 'viewer' });
    expect(listed.context).to.deep.equal({ x: 1 });
    expect(listed.expectation).to.deep.equal(['document:1']);
    expect(empty.expectation).to.deep.equal([]);
    expect(empty.contextualTuples).to.deep.equal([{ object: 'document:9', relation: 'viewer', user: 'user:jon' }]);
  });

  it('reads list-users filters as written (types and usersets) and expectations with wildcards', () => {
    const [a] = first.listUsersAssertions;
    expect(a.request).to.deep.equal({ object: 'document:1', relation: 'viewer', filters: ['user', 'group#member'] });
    expect(a.expectation).to.deep.equal(['user:jon', 'user:*']);
  });

  it('gives a stage without tuples or assertions empty lists', () => {
    expect(second).to.deep.include({ tuples: [], checkAssertions: [], listObjectsAssertions: [], listUsersAssertions: [] });
  });

  it('reports a malformed file with the path of the offending field', () => {
    expect(() => parseConformanceYaml('tests:\n  - name: x\n    stages:\n      - tuples: []\n', 'bad.yaml'))
      .to.throw(ConformanceFormatError, /bad\.yaml: .*tests\.0\.stages\.0\.model/);
    expect(() => parseConformanceYaml('tests: [1', 'broken.yaml')).to.throw(ConformanceFormatError, /broken\.yaml/);
    expect(() => parseConformanceYaml('nothing: here', 'empty.yaml')).to.throw(ConformanceFormatError, /tests/);
  });

  it('parses the shared sample files completely', () => {
    const dir = new URL('../../../../shared/openfga-conformance/', import.meta.url);
    for (const file of ['abac.yaml', 'consolidated.yaml']) {
      let text: string;
      try {
        text = readFileSync(new URL(file, dir), 'utf8');
      } catch {
        continue; // the shared directory lives beside the repository, not in it
      }
      const cases = parseConformanceYaml(text, file);
      expect(cases.length).to.be.greaterThan(10);
      for (const c of cases) expect(c.stages.length).to.be.greaterThan(0);
    }
  });
});
