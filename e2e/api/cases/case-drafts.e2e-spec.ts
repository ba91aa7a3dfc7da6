import { INestApplication } from '@nestjs/common';
import { asAppRole, openSessionFor } from '../../support/app-role';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { newUser } from '../../support/user-factory';

describe('case drafts: one sealed intake draft per user, visible to its owner only', () => {
  let app: INestApplication;
  let owner: ApiSession;
  let colleague: ApiSession;
  let ownerId: string;
  let colleagueId: string;
  const value = { ...newCaseRequest({ victim: { givenNames: 'Rosalba', familyNames: 'Quintero Ibargüen' } }) } as unknown as Record<string, unknown>;

  const storedRows = (userId: string) => ownerQuery<{ payload: string; step: number }>(`SELECT payload, step FROM case_drafts WHERE "userId" = $1`, [userId]);

  beforeAll(async () => {
    app = await createTestApp();
    const admin = await loginAs(app, 'admin@mininterior.demo');
    // Fresh users: the role matrix deletes the demo accounts' drafts while it runs.
    const first = await newUser(app, admin, { role: 'caseworker', institution: 'oim' });
    const second = await newUser(app, admin, { role: 'caseworker', institution: 'oim' });
    [ownerId, colleagueId] = [first.id, second.id];
    [owner, colleague] = await Promise.all([loginAs(app, first.email, first.password), loginAs(app, second.email, second.password)]);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 404 when the user has no draft', async () => {
    const response = await owner.get('/api/case-drafts/mine').expect(404);
    expect(response.body.code).toBe('not_found');
  });

  it('saves a draft and reads back the same value and step', async () => {
    const saved = await owner.put('/api/case-drafts/mine', { step: 2, value }).expect(200);
    expect(saved.body).toEqual({ step: 2, updatedAt: expect.any(String) });
    const read = await owner.get('/api/case-drafts/mine').expect(200);
    expect(read.body).toEqual({ step: 2, value, updatedAt: saved.body.updatedAt });
    await owner.put('/api/case-drafts/mine', { step: 3, value }).expect(200);
    expect((await owner.get('/api/case-drafts/mine').expect(200)).body.step).toBe(3);
  });

  it('stores the payload sealed, never the victim name in clear', async () => {
    const [row] = await storedRows(ownerId);
    expect(row.payload.startsWith('v1.')).toBe(true);
    expect(row.payload).not.toContain('Rosalba');
    expect(row.payload).not.toContain('Quintero');
  });

  it('audits create, update and read without the payload', async () => {
    const events = await ownerQuery<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_events WHERE "entityType" = 'case_draft' AND "actorUserId" = $1 ORDER BY "occurredAt", id`,
      [ownerId],
    );
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'read']));
    expect(JSON.stringify(events)).not.toContain('Rosalba');
  });

  it('hides the draft from another user of the same institution', async () => {
    await colleague.get('/api/case-drafts/mine').expect(404);
    await colleague.delete('/api/case-drafts/mine').expect(204);
    expect(await storedRows(ownerId)).toHaveLength(1);
  });

  it('shows no row to the application role acting as another user, and refuses writing one for them', async () => {
    await asAppRole(await openSessionFor(colleagueId), async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM case_drafts`)).rows[0].n).toBe(0);
      expect((await client.query(`DELETE FROM case_drafts WHERE "userId" = $1`, [ownerId])).rowCount).toBe(0);
      await expect(client.query(`INSERT INTO case_drafts ("userId", payload, step) VALUES ($1, 'x', 0)`, [ownerId])).rejects.toThrow(/row-level security/);
    });
    await asAppRole(await openSessionFor(ownerId), async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM case_drafts`)).rows[0].n).toBe(1);
    });
  });

  it('refuses a bad step or value with 400 and keeps the stored draft', async () => {
    for (const body of [{ step: 5, value }, { step: -1, value }, { step: 1.5, value }, { step: '1', value }, { step: 1, value: [] }, { step: 1 }, { step: 1, value, extra: true }]) {
      const response = await owner.put('/api/case-drafts/mine', body);
      expect({ body: Object.keys(body), status: response.status }).toEqual({ body: Object.keys(body), status: 400 });
    }
    expect((await storedRows(ownerId))[0].step).toBe(3);
  });

  it('refuses a draft over 200 kB and stores nothing', async () => {
    const huge = { notes: 'x'.repeat(210 * 1024) };
    const response = await colleague.put('/api/case-drafts/mine', { step: 0, value: huge });
    expect([400, 413]).toContain(response.status);
    expect(response.body.code).toBe('payload_too_large');
    expect(await storedRows(colleagueId)).toEqual([]);
  });

  it('deletes an expired draft (older than 7 days) when it is read', async () => {
    await colleague.put('/api/case-drafts/mine', { step: 1, value: { note: 'old' } }).expect(200);
    await ownerQuery(`UPDATE case_drafts SET "updatedAt" = now() - interval '8 days' WHERE "userId" = $1`, [colleagueId]);
    await colleague.get('/api/case-drafts/mine').expect(404);
    expect(await storedRows(colleagueId)).toEqual([]);
  });

  it('deletes a draft that no longer opens (altered or sealed with another key) when it is read', async () => {
    await colleague.put('/api/case-drafts/mine', { step: 1, value: { note: 'tampered' } }).expect(200);
    await ownerQuery(`UPDATE case_drafts SET payload = 'v1.AAAA.BBBB.CCCC' WHERE "userId" = $1`, [colleagueId]);
    await colleague.get('/api/case-drafts/mine').expect(404);
    expect(await storedRows(colleagueId)).toEqual([]);
  });

  it('deletes the draft: gone afterwards, and deleting again is still 204', async () => {
    await owner.delete('/api/case-drafts/mine').expect(204);
    await owner.get('/api/case-drafts/mine').expect(404);
    expect(await storedRows(ownerId)).toEqual([]);
    await owner.delete('/api/case-drafts/mine').expect(204);
  });

  it('denies a role without cases:create (partner institution staff)', async () => {
    const admin = await loginAs(app, 'admin@mininterior.demo');
    const partner = await newUser(app, admin, { role: 'partner', institution: 'icbf' });
    const session = await loginAs(app, partner.email, partner.password);
    await session.get('/api/case-drafts/mine').expect(403);
    await session.put('/api/case-drafts/mine', { step: 0, value: {} }).expect(403);
    await session.delete('/api/case-drafts/mine').expect(403);
  });
});
