// Invitations to join by email: single-use hashed tokens, accepted only by the verified address they were
// sent to, granting through the same path as a direct add (access on the very next request).
import { expect } from 'chai';
import { buildClubScenario, type ClubScenario } from '../../support/club-scenario.js';
import type { TestApp } from '../../support/test-app.js';
import { startEmailTestApp, type EmailTestApp } from '../../email/support/email-test-app.js';
import { emailJobs, signInVerified, uniqueEmail } from '../events/event-fixtures.js';

describe('join invitations', function () {
  this.timeout(60_000);
  let t: EmailTestApp;
  let app: TestApp;
  let s: ClubScenario;

  before(async () => {
    // A BullMQ prefix of its own, removed afterwards; no worker: the tests read what commands enqueued.
    t = await startEmailTestApp({}, { startWorkers: false });
    app = t.app;
    s = await buildClubScenario(app);
  });
  after(async () => t?.close());

  /** Invites `email` and returns the invitation and the token its email carries. */
  async function invite(kind: 'coach' | 'guardian', email: string, body: Record<string, unknown> = {}, by = s.actors.admin) {
    const res = kind === 'coach'
      ? await by.api.post(`/v1/groups/${s.groupId}/coach-invitations`, { email, role: 'assistant', ...body })
      : await by.api.post(`/v1/members/${s.childId}/guardian-invitations`, { email, relationship: 'grandmother', ...body });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const [job] = await emailJobs(app, `invitation:${res.body.id}:email`);
    const token = new URL(job.data!.vars.acceptUrl).pathname.split('/').pop()!;
    return { invitation: res.body, token, job };
  }

  it('emails a single-use link and keeps only the hash of its token', async () => {
    const email = uniqueEmail('Coach.Carla');
    const { invitation, token, job } = await invite('coach', email.toUpperCase());
    expect(invitation).to.include({ kind: 'coach', groupId: s.groupId, email: email.toLowerCase(), role: 'assistant', status: 'pending', invitedBy: s.actors.admin.userId });
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).to.be.closeTo(7 * 86_400_000, 5000);
    expect(job.data).to.deep.include({ template: 'join-invitation', essential: true, to: { email: email.toLowerCase() } });
    expect(job.data!.vars).to.include({ kind: 'coach', clubName: 'FC Riverside', groupName: 'U10', role: 'assistant', inviterName: 'admin' });
    expect(token).to.match(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await app.orm.em.fork().getConnection().execute('select * from join_invitations where id = ?', [invitation.id]);
    expect(JSON.stringify(row)).not.to.contain(token);
    expect(row.token_hash).to.match(/^[0-9a-f]{64}$/);
  });

  it('accepting with the verified address makes the caller a coach on the very next request; the link then stops working', async () => {
    const email = uniqueEmail('coach');
    const { invitation, token } = await invite('coach', email);
    const invitee = await signInVerified(app, email);
    expect((await invitee.api.get(`/v1/groups/${s.groupId}`)).status).to.equal(404);
    const accepted = await invitee.api.post(`/v1/invitations/${token}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body).to.deep.equal({ invitationId: invitation.id, kind: 'coach', clubId: s.clubId, groupId: s.groupId, memberId: null, role: 'assistant', relationship: null });
    expect((await invitee.api.get(`/v1/groups/${s.groupId}`)).status).to.equal(200);
    expect((await invitee.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);
    expect((await invitee.api.get('/v1/me/groups')).body.items).to.deep.equal([{ ...(await s.actors.admin.api.get(`/v1/groups/${s.groupId}`)).body, role: 'assistant' }]);

    const again = await invitee.api.post(`/v1/invitations/${token}/accept`);
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('invitation_already_used');
    const listed = await s.actors.admin.api.get(`/v1/groups/${s.groupId}/coach-invitations`);
    expect(listed.body.items.find((i: { id: string }) => i.id === invitation.id)).to.include({ status: 'accepted' });
  });

  it('a guardian invitation grants the child', async () => {
    const email = uniqueEmail('grandma');
    const { token } = await invite('guardian', email);
    const grandma = await signInVerified(app, email);
    expect((await grandma.api.post(`/v1/invitations/${token}/accept`)).status).to.equal(200);
    expect((await grandma.api.get(`/v1/members/${s.childId}`)).status).to.equal(200);
    const guardians = await s.actors.admin.api.get(`/v1/members/${s.childId}/guardians`);
    expect(guardians.body.items.find((g: { userId: string }) => g.userId === grandma.userId)).to.include({ relationship: 'grandmother' });
  });

  it('refuses another address (403) and an unverified one (403), and the link still works for the right person', async () => {
    const email = uniqueEmail('invitee');
    const { token } = await invite('coach', email);
    const other = await signInVerified(app, uniqueEmail('someone-else'));
    const wrong = await other.api.post(`/v1/invitations/${token}/accept`);
    expect(wrong.status).to.equal(403);
    expect(wrong.body.error.code).to.equal('invitation_email_mismatch');
    expect((await other.api.get(`/v1/groups/${s.groupId}`)).status).to.equal(404);
    const unverified = await signInVerified(app, email, false);
    const notVerified = await unverified.api.post(`/v1/invitations/${token}/accept`);
    expect(notVerified.status).to.equal(403);
    expect(notVerified.body.error.code).to.equal('email_not_verified');
    expect((await (await signInVerified(app, email)).api.post(`/v1/invitations/${token}/accept`)).status).to.equal(200);
  });

  it('an expired link gets 409 invitation_expired; an unknown one 404', async () => {
    const email = uniqueEmail('late');
    const { invitation, token } = await invite('guardian', email, { expiresInDays: 1 });
    await app.orm.em.fork().getConnection().execute(`update join_invitations set expires_at = now() - interval '1 minute' where id = ?`, [invitation.id]);
    const invitee = await signInVerified(app, email);
    const res = await invitee.api.post(`/v1/invitations/${token}/accept`);
    expect(res.status).to.equal(409);
    expect(res.body.error).to.deep.equal({ code: 'invitation_expired', message: 'This invitation has expired; ask for a new one' });
    const unknown = await invitee.api.post('/v1/invitations/not-a-real-token/accept');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('invitation_not_found');
    expect((await invitee.api.get(`/v1/members/${s.childId}`)).status).to.equal(404);
  });

  it('a revoked link gets 409 invitation_revoked; who may revoke follows who may appoint', async () => {
    const { invitation, token } = await invite('coach', uniqueEmail('head'), { role: 'head' });
    const byHeadCoach = await s.actors.headCoach.api.delete(`/v1/invitations/${invitation.id}`);
    expect(byHeadCoach.status).to.equal(403); // sees coach invitations, may not appoint head coaches
    expect((await s.actors.assistantCoach.api.delete(`/v1/invitations/${invitation.id}`)).status).to.equal(404);
    expect((await s.actors.stranger.api.delete(`/v1/invitations/${invitation.id}`)).status).to.equal(404);
    expect((await s.actors.admin.api.delete(`/v1/invitations/${invitation.id}`)).status).to.equal(204);
    expect((await s.actors.admin.api.delete(`/v1/invitations/${invitation.id}`)).status).to.equal(204);
    const invitee = await signInVerified(app, invitation.email);
    const res = await invitee.api.post(`/v1/invitations/${token}/accept`);
    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('invitation_revoked');
    expect(await emailJobs(app, `invitation:${invitation.id}:email`)).to.have.length(2); // the add, then its removal
  });

  it('an invitation from someone who has since lost the right to appoint grants nothing', async () => {
    const { token, invitation } = await invite('coach', uniqueEmail('assistant'), {}, s.actors.headCoach);
    expect((await s.actors.admin.api.delete(`/v1/groups/${s.groupId}/coaches/${s.actors.headCoach.userId}`)).status).to.equal(204);
    const invitee = await signInVerified(app, invitation.email);
    const res = await invitee.api.post(`/v1/invitations/${token}/accept`);
    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('invitation_no_longer_valid');
    expect((await invitee.api.get(`/v1/groups/${s.groupId}`)).status).to.equal(404);
    // restore the scenario's head coach for the other tests
    expect((await s.actors.admin.api.post(`/v1/groups/${s.groupId}/coaches`, { userId: s.actors.headCoach.userId, role: 'head' })).status).to.equal(201);
  });

  it('one pending invitation per address and group; lists are for those who may manage them', async () => {
    const email = uniqueEmail('twice');
    await invite('coach', email);
    const dup = await s.actors.admin.api.post(`/v1/groups/${s.groupId}/coach-invitations`, { email, role: 'assistant' });
    expect(dup.status).to.equal(409);
    expect(dup.body.error.code).to.equal('already_invited');
    expect((await s.actors.headCoach.api.get(`/v1/groups/${s.groupId}/coach-invitations`)).status).to.equal(200);
    expect((await s.actors.guardian.api.get(`/v1/groups/${s.groupId}/coach-invitations`)).status).to.equal(403);
    expect((await s.actors.guardian.api.get(`/v1/members/${s.childId}/guardian-invitations`)).status).to.equal(403);
    expect((await s.actors.otherCoach.api.get(`/v1/members/${s.childId}/guardian-invitations`)).status).to.equal(404);
  });
});
