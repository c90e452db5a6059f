import { expect } from 'chai';
import { DecisionBuffer, GroupCommitDecisionWriter, type DecisionLog, type RecordedDecision } from '../../src/authz/decision-recorder.js';

/** A log whose writes wait until released, so tests decide what is in flight. */
function controllableLog() {
  const writes: Array<{ decisions: RecordedDecision[]; finish(error?: Error): void }> = [];
  const log: DecisionLog = {
    records: (object) => object.startsWith('member:'),
    write: (decisions) => new Promise<void>((resolve, reject) => writes.push({ decisions, finish: (e) => (e ? reject(e) : resolve()) })),
  };
  return { log, writes };
}
const tick = () => new Promise((r) => setImmediate(r));
const decision = (object: string) => ({ userId: 'u', relation: 'can_view', object, allowed: true });

describe('decision log: group commit', () => {
  it('writes the first decision at once and those arriving meanwhile together in the next statement', async () => {
    const { log, writes } = controllableLog();
    const writer = new GroupCommitDecisionWriter(log);
    const requests = ['r1', 'r2', 'r3'].map((requestId) => new DecisionBuffer(writer, { route: 'GET /v1/members/:memberId', requestId }));
    requests[0].add(decision('member:1'));
    await tick();
    expect(writes).to.have.length(1);
    requests[1].add(decision('member:2'));
    requests[2].add(decision('member:3'));
    requests[2].add(decision('group:9')); // not a child's record: not logged
    await tick();
    expect(writes).to.have.length(1); // the others wait for the write in flight
    writes[0].finish();
    await requests[0].flush();
    await tick();
    expect(writes).to.have.length(2);
    expect(writes[1].decisions.map((d) => [d.object, d.requestId])).to.deep.equal([['member:2', 'r2'], ['member:3', 'r3']]);
    writes[1].finish();
    await Promise.all([requests[1].flush(), requests[2].flush()]);
  });

  it('fails every request whose decisions were in a failed statement, and goes on with the next', async () => {
    const { log, writes } = controllableLog();
    const writer = new GroupCommitDecisionWriter(log);
    const a = new DecisionBuffer(writer, { requestId: 'a' });
    const b = new DecisionBuffer(writer, { requestId: 'b' });
    a.add(decision('member:1'));
    await tick();
    writes[0].finish(new Error('database down'));
    let failure: unknown;
    await a.flush().catch((e: unknown) => (failure = e));
    expect(String(failure)).to.include('database down');
    b.add(decision('member:2'));
    await tick();
    expect(writes).to.have.length(2);
    writes[1].finish();
    await b.flush();
  });
});
