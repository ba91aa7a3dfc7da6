import { INestApplication } from '@nestjs/common';
import { DuplicateHint } from '@ruta/shared';
import { ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { newUser } from '../../support/user-factory';

interface SeededVictim {
  code: string;
  givenNames: string;
  familyNames: string;
  documentNumber: string;
  birthDate: string;
}

/**
 * Issue 8, item 2: `POST /api/cases/duplicates` told a hotline operator, who gets 404 for a DAS case, that DAS holds a
 * given document number, and with names it answered only for the true birth date, so the date fell out by trying
 * dates. The check keeps its purpose (the same victim across institutions at intake) without being an oracle.
 */
describe('duplicate check: no oracle about cases outside the scope', () => {
  let app: INestApplication;
  let operator: ApiSession;
  let das: SeededVictim;
  const names = () => ({ givenNames: das.givenNames, familyNames: das.familyNames });
  const check = (session: ApiSession, body: object) => session.post('/api/cases/duplicates', body);
  const atDas = (hints: DuplicateHint[]) => hints.filter((h) => h.institution.code === 'das');

  beforeAll(async () => {
    app = await createTestApp();
    operator = await loginAs(app, 'operator@oim.demo');
    // The identity is encrypted in the database: the seeded DAS victim as DAS's own investigator reads it.
    const [seeded] = await ownerQuery<{ code: string }>(
      `SELECT c.code FROM victims v JOIN cases c ON c.id = v."caseId" JOIN institutions i ON i.id = c."ownerInstitutionId"
       WHERE i.code = 'das' AND v."birthDate" IS NOT NULL AND v."documentNumber" IS NOT NULL ORDER BY c.code LIMIT 1`,
    );
    const dasInvestigator = await loginAs(app, 'investigator@das.demo');
    const { victim } = (await dasInvestigator.get(`/api/cases/${seeded.code}`).expect(200)).body;
    das = { code: seeded.code, givenNames: victim.givenNames, familyNames: victim.familyNames, documentNumber: victim.documentNumber, birthDate: victim.birthDate };
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses a bare document number or bare names with field errors', async () => {
    await operator.get(`/api/cases/${das.code}`).expect(404);
    const bareDocument = await check(operator, { documentNumber: das.documentNumber }).expect(400);
    expect(bareDocument.body.code).toBe('validation_failed');
    expect(bareDocument.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['givenNames', 'familyNames']));
    const bareNames = await check(operator, { ...names(), sex: 'female' }).expect(400);
    expect(bareNames.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['documentNumber', 'birthDate']));
    for (const error of bareNames.body.errors) expect(error.code).toBe('criteria_required');
  });

  it('does not confirm a document number for a made-up name, and still finds the same person', async () => {
    const madeUp = await check(operator, { givenNames: 'Nombre Inventado', familyNames: 'Apellido Falso', documentNumber: das.documentNumber }).expect(200);
    expect(madeUp.body).toEqual([]);
    const samePerson = await check(operator, { ...names(), documentNumber: das.documentNumber }).expect(200);
    expect(atDas(samePerson.body)).toEqual([{ institution: expect.objectContaining({ code: 'das' }), matchedOn: 'document', code: null }]);
  });

  it('answers the same for every birth date of a year, so trying dates reveals none', async () => {
    const year = das.birthDate.slice(0, 4);
    const answers: DuplicateHint[][] = [];
    for (const birthDate of [das.birthDate, `${year}-01-01`, `${year}-06-15`, `${year}-12-31`]) {
      answers.push((await check(operator, { ...names(), birthDate }).expect(200)).body);
    }
    expect(atDas(answers[0])).toEqual(expect.arrayContaining([{ institution: expect.objectContaining({ code: 'das' }), matchedOn: 'name_birth_date', code: null }]));
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(JSON.stringify(answers)).not.toContain(das.code);
  });

  it('allows each user 30 checks an hour (429 problem+json after), audits each without personal data, and alerts the auditor of a burst', async () => {
    const admin = await loginAs(app, 'admin@mininterior.demo');
    const user = await newUser(app, admin, { role: 'operator', institution: 'oim' });
    const prober = await loginAs(app, user.email, user.password);
    const identity = { givenNames: 'Nadie', familyNames: 'Inexistente Ficticio', birthDate: '1980-02-29' };
    for (let i = 0; i < 30; i++) await check(prober, identity).expect(200);
    const refused = await check(prober, identity).expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'duplicate_check_quota' });
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(0);

    const events = await ownerQuery<{ outcome: string; details: Record<string, unknown> }>(
      `SELECT outcome, details FROM audit_events WHERE "actorUserId" = $1 AND action = 'search' AND details->>'kind' = 'duplicates' ORDER BY id`,
      [user.id],
    );
    expect(events.map((e) => e.outcome)).toEqual([...Array(30).fill('success'), 'denied']);
    expect(events[0].details).toEqual({ kind: 'duplicates', fields: ['givenNames', 'familyNames', 'birthDate'], hints: 0 });
    const text = JSON.stringify(events);
    for (const secret of ['Nadie', 'Inexistente', '1980']) expect(text).not.toContain(secret);

    const auditor = await loginAs(app, 'auditor@procuraduria.demo');
    const alerts = await auditor.get(`/api/audit/events?action=duplicate_check_burst&userId=${user.id}`).expect(200);
    expect(alerts.body.items).toHaveLength(1);
    expect(alerts.body.items[0]).toMatchObject({ action: 'duplicate_check_burst', actorUserId: user.id, outcome: 'failure', details: { checks: 11, minutes: 5 } });
  });
});
