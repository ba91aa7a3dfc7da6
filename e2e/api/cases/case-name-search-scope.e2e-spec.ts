import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@ruta/platform';
import { ENTITIES } from '@ruta/server/entities';
import { MIGRATIONS } from '@ruta/migrations';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

/** Victims whose institution-keyed tokens are not what their tokens and case's institution give (the trigger's job). */
const STALE = `SELECT count(*)::int AS n FROM victims v JOIN cases c ON c.id = v."caseId"
  WHERE v."nameTokens" IS NOT NULL AND v."scopedNameTokens" IS DISTINCT FROM ruta_scoped_name_tokens(v."nameTokens", c."ownerInstitutionId")`;

async function codesFound(session: ApiSession, name: string): Promise<string[]> {
  const response = await session.post('/api/cases/search', { name, limit: 50 }).expect(200);
  return response.body.items.map((c: { code: string }) => c.code);
}

describe('name search within an institution: tokens keyed by the case institution, kept by a trigger', () => {
  let app: INestApplication;
  let police: ApiSession;
  let das: ApiSession;
  let code: string;

  beforeAll(async () => {
    app = await createTestApp();
    [police, das] = await Promise.all([loginAs(app, 'investigator@policia.demo'), loginAs(app, 'investigator@das.demo')]);
    const created = await das.post('/api/cases', newCaseRequest({ victim: { givenNames: 'Anacleta Brígida', familyNames: 'Quiñónez Arboleda' } })).expect(201);
    code = created.body.case.code;
  });
  afterAll(async () => {
    await app.close();
  });

  it('keys every victim’s tokens by its case’s institution, the seeded ones and a new intake alike', async () => {
    const [{ keyed }] = await ownerQuery<{ keyed: number }>(`SELECT count(*)::int AS keyed FROM victims WHERE "scopedNameTokens" IS NOT NULL`);
    expect(keyed).toBeGreaterThan(10);
    expect((await ownerQuery<{ n: number }>(STALE))[0].n).toBe(0);
    const [victim] = await ownerQuery<{ same: boolean }>(
      `SELECT v."scopedNameTokens" && v."nameTokens" AS same FROM victims v JOIN cases c ON c.id = v."caseId" WHERE c.code = $1`,
      [code],
    );
    // Keyed again: no token of the institution-free index reappears as is.
    expect(victim.same).toBe(false);
  });

  it('finds the case by the words of its institution only, and follows it when it moves to another one', async () => {
    expect(await codesFound(das, 'anacleta quinonez')).toContain(code);
    expect(await codesFound(das, 'anacleta quinones')).toContain(code);
    expect(await codesFound(police, 'anacleta quinonez')).not.toContain(code);

    await ownerQuery(`UPDATE cases SET "ownerInstitutionId" = (SELECT id FROM institutions WHERE code = 'policia') WHERE code = $1`, [code]);
    expect((await ownerQuery<{ n: number }>(STALE))[0].n).toBe(0);
    expect(await codesFound(police, 'anacleta quinonez')).toContain(code);
    expect(await codesFound(police, 'brigida arboleda')).toContain(code);
    expect(await codesFound(das, 'anacleta quinonez')).not.toContain(code);
  });

  it('keeps the keyed tokens when the victim’s name changes', async () => {
    const caseId = (await ownerQuery<{ id: string }>(`SELECT id FROM cases WHERE code = $1`, [code]))[0].id;
    // A re-tokenised name (as the start-up step or a name edit writes it): the keyed copy follows.
    const [{ tokens }] = await ownerQuery<{ tokens: string[] }>(`SELECT "nameTokens" AS tokens FROM victims WHERE "caseId" = $1`, [caseId]);
    await ownerQuery(`UPDATE victims SET "nameTokens" = "nameTokens"[1:2] WHERE "caseId" = $1`, [caseId]);
    expect((await ownerQuery<{ n: number }>(STALE))[0].n).toBe(0);
    expect(await codesFound(police, 'brigida arboleda')).not.toContain(code);
    await ownerQuery(`UPDATE victims SET "nameTokens" = $2 WHERE "caseId" = $1`, [caseId, tokens]);
    expect(await codesFound(police, 'brigida arboleda')).toContain(code);
    // A direct write of the keyed copy cannot put it out of step either.
    await ownerQuery(`UPDATE victims SET "scopedNameTokens" = '{1,2,3}' WHERE "caseId" = $1`, [caseId]);
    expect((await ownerQuery<{ n: number }>(STALE))[0].n).toBe(0);
  });

  it('goes back to the institution-and-tokens search on the way down (migration 1764406500000) and forward again', async () => {
    const source = new DataSource(dataSourceOptions(process.env.RUTA_TEST_OWNER_URL!, { poolSize: 1, applicationName: 'ruta-name-tokens', entities: ENTITIES }));
    await source.initialize();
    const runner = source.createQueryRunner();
    const inTransaction = async (step: (r: typeof runner) => Promise<void>) => {
      await runner.startTransaction();
      await step(runner);
      await runner.commitTransaction();
    };
    try {
      const migration = new (MIGRATIONS.find((m) => m.name === 'InstitutionNameTokens1764406500000')!)();
      const [{ keyed }] = await ownerQuery<{ keyed: number }>(`SELECT count(*)::int AS keyed FROM victims WHERE "scopedNameTokens" IS NOT NULL`);
      await inTransaction((r) => migration.down(r));
      const [column] = await ownerQuery(`SELECT 1 FROM information_schema.columns WHERE table_name = 'victims' AND column_name = 'scopedNameTokens'`);
      expect(column).toBeUndefined();
      const [{ sql }] = await ownerQuery<{ sql: string }>(`SELECT ruta_search_victim_names_sql(2, true) AS sql`);
      expect(sql).not.toContain('scopedNameTokens');
      expect(await codesFound(police, 'brigida arboleda')).toContain(code);
      expect(await codesFound(das, 'brigida arboleda')).not.toContain(code);

      await inTransaction((r) => migration.up(r));
      expect((await ownerQuery<{ n: number }>(STALE))[0].n).toBe(0);
      expect((await ownerQuery<{ keyed: number }>(`SELECT count(*)::int AS keyed FROM victims WHERE "scopedNameTokens" IS NOT NULL`))[0].keyed).toBe(keyed);
      expect(await codesFound(police, 'brigida arboleda')).toContain(code);
      expect(await codesFound(das, 'brigida arboleda')).not.toContain(code);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
      await source.destroy();
    }
  });
});
