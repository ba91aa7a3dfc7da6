import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { newCaseRequest, ownerQuery } from '../../support/case-factory';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';
import { newUser } from '../../support/user-factory';

const MIB = 1024 * 1024;
const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes - 16, 0x20), Buffer.from('\n%%EOF\n')]);

/**
 * Issue 8, item 9 (uploads): one user could store 30 documents of 1 MiB in 0.6 s, and a case had no size limit.
 * Now each user may upload 20 documents in ten minutes (429) and a case's documents total at most 100 MiB (413).
 */
describe('documents: upload rate per user and total size per case', () => {
  let app: INestApplication;
  let admin: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await loginAs(app, 'admin@mininterior.demo');
  });
  afterAll(async () => {
    await app.close();
  });

  async function investigatorWithCase(): Promise<{ session: ApiSession; code: string; userId: string }> {
    const user = await newUser(app, admin, { role: 'investigator', institution: 'policia' });
    const session = await loginAs(app, user.email, user.password);
    const created = await session.post('/api/cases', newCaseRequest()).expect(201);
    return { session, code: created.body.case.code, userId: user.id };
  }

  const upload = (session: ApiSession, code: string, content: Buffer) =>
    session.post(`/api/cases/${code}/documents`).unset('Content-Type').field('kind', 'other').attach('file', content, { filename: 'a.pdf', contentType: 'application/pdf' });

  it('lets one user upload 20 documents in ten minutes, then answers 429 problem+json', async () => {
    const { session, code } = await investigatorWithCase();
    const file = pdf(MIB);
    const statuses: number[] = [];
    let refused: { headers: Record<string, string>; body: Record<string, unknown> } | undefined;
    for (let i = 0; i < 30; i++) {
      const response = await upload(session, code, file);
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    expect(statuses).toEqual([...Array(20).fill(201), ...Array(10).fill(429)]);
    expect(refused!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused!.body).toMatchObject({ status: 429, code: 'upload_rate_exceeded' });
    expect(refused!.body.retryAfterSeconds).toBeGreaterThan(0);
    expect((await session.get(`/api/cases/${code}/documents`).expect(200)).body).toHaveLength(20);
  }, 120_000); // 30 MiB through multipart parsing and encryption: seconds alone, more on a machine that is busy

  it('refuses a file that would take a case past 100 MiB of documents with 413 problem+json, and takes one that fits', async () => {
    const { session, code, userId } = await investigatorWithCase();
    // 99.5 MiB already stored: one row whose recorded size stands for earlier uploads (its bytes are not needed).
    const [found] = await ownerQuery<{ id: string; institutionId: string }>(
      `SELECT c.id, u."institutionId" FROM cases c JOIN users u ON u.id = $2 WHERE c.code = $1`,
      [code, userId],
    );
    await ownerQuery(
      `INSERT INTO case_documents (id, "caseId", kind, "contentType", "sizeBytes", sha256, content, "uploadedById", "uploadedByInstitutionId")
       VALUES ($1, $2, 'other', 'application/pdf', $3, repeat('0', 64), '\\x00', $4, $5)`,
      [randomUUID(), found.id, 99.5 * MIB, userId, found.institutionId],
    );
    const refused = await upload(session, code, pdf(MIB)).expect(413);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 413, code: 'case_storage_exceeded', maxMb: 100 });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'case_storage_exceeded' })]);
    await upload(session, code, pdf(256 * 1024)).expect(201);
  });
});
