import { expect } from 'chai';
import { readCsvRecords } from '../../src/tools/fga-cli/store-file/csv-records.js';
import { parseCsvTuples } from '../../src/tools/fga-cli/store-file/csv-tuples.js';
import { parseTupleFile } from '../../src/tools/fga-cli/store-file/tuple-file.js';

describe('fga CLI tuple files', () => {
  it('reads quoted CSV fields with escaped quotes, commas and newlines, skipping blank lines', () => {
    const records = readCsvRecords('a,b\r\n\r\n"x, ""y""","multi\nline"\n');
    expect(records.map((r) => r.fields)).to.deep.equal([['a', 'b'], ['x, "y"', 'multi\nline']]);
    expect(records[1].line).to.equal(3);
  });

  it('rejects a record with a different number of fields than the header', () => {
    expect(() => readCsvRecords('a,b\n1,2,3\n')).to.throw(/line 2: wrong number of fields/);
  });

  it('maps the OpenFGA CLI columns (any order) to tuples, usersets and conditions included', () => {
    const csv = [
      'object_type,object_id,relation,user_type,user_id,user_relation,condition_name,condition_context',
      'folder,plans,viewer,team,eng,member,,',
      'document,roadmap,editor,user,dana,,before_deadline,"{""deadline"": ""2030-01-01T00:00:00Z""}"',
      'document,roadmap,editor,user,erin,,before_deadline,',
    ].join('\n');
    expect(parseCsvTuples(csv)).to.deep.equal([
      { user: 'team:eng#member', relation: 'viewer', object: 'folder:plans' },
      { user: 'user:dana', relation: 'editor', object: 'document:roadmap', condition: { name: 'before_deadline', context: { deadline: '2030-01-01T00:00:00Z' } } },
      { user: 'user:erin', relation: 'editor', object: 'document:roadmap', condition: { name: 'before_deadline', context: {} } },
    ]);
  });

  it('names a missing required column and an unknown one like the OpenFGA CLI', () => {
    expect(() => parseCsvTuples('user_type,user_id,relation,object_type\nuser,a,viewer,doc\n')).to.throw(/"object_id" is required/);
    expect(() => parseCsvTuples('user_type,user_id,relation,object_type,object_id,colour\n')).to.throw(/invalid header "colour"/);
    expect(() => parseCsvTuples('user_type,user_id,relation,object_type,object_id,condition_context\n')).to.throw(/condition_name/);
  });

  it('picks the format by extension: JSON, YAML and JSON lines', () => {
    const tuple = { user: 'user:anne', relation: 'viewer', object: 'doc:1' };
    expect(parseTupleFile('t.json', JSON.stringify([tuple]))).to.deep.equal([tuple]);
    expect(parseTupleFile('t.yml', '- user: user:anne\n  relation: viewer\n  object: doc:1\n')).to.deep.equal([tuple]);
    expect(parseTupleFile('t.jsonl', `${JSON.stringify(tuple)}\n\n${JSON.stringify(tuple)}\n`)).to.have.length(2);
    expect(() => parseTupleFile('t.json', '[]')).to.throw(/empty/);
    expect(() => parseTupleFile('t.txt', '')).to.throw(/unsupported tuple file format/);
  });
});
