import { INestApplication } from '@nestjs/common';
import { AuditEventView, CaseSearchPage, Page } from '@ruta/shared';
import { ApiSession, loginAs } from '../../support/sessions';
import { createTestApp } from '../../support/test-app';

/** The case list as staff use it: a total, sortable columns walked by keyset pages, a page size. */
describe('cases: the list sorts, pages and counts', () => {
  let app: INestApplication;
  let police: ApiSession;
  let coordinator: ApiSession;

  beforeAll(async () => {
    app = await createTestApp();
    [police, coordinator] = await Promise.all([loginAs(app, 'investigator@policia.demo'), loginAs(app, 'coordinator@mininterior.demo')]);
  });
  afterAll(async () => {
    await app.close();
  });

  async function everyPage(session: ApiSession, body: Record<string, unknown>): Promise<{ pages: CaseSearchPage[]; codes: string[] }> {
    const pages: CaseSearchPage[] = [];
    let cursor: string | undefined;
    do {
      const response = await session.post('/api/cases/search', { ...body, ...(cursor ? { cursor } : {}) }).expect(200);
      pages.push(response.body);
      cursor = response.body.nextCursor;
    } while (cursor && pages.length < 50);
    return { pages, codes: pages.flatMap((p) => p.items.map((i) => i.code)) };
  }

  it('counts the matching cases on the first page only, and the count is the number of cases the pages hold', async () => {
    const { pages, codes } = await everyPage(coordinator, { limit: 50 });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0].total).toEqual({ count: codes.length, more: false });
    expect(pages.slice(1).every((p) => p.total === undefined)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);

    const filtered = await police.post('/api/cases/search', { status: ['received'], limit: 5 }).expect(200);
    const { codes: received } = await everyPage(police, { status: ['received'], limit: 100 });
    expect(filtered.body.total).toEqual({ count: received.length, more: false });
    expect(filtered.body.items.length).toBe(Math.min(5, received.length));
  });

  it('sorts by code both ways across keyset pages, with no case twice and none left out', async () => {
    const { codes: ascending } = await everyPage(coordinator, { sort: 'code_asc', limit: 30 });
    expect(ascending).toEqual([...ascending].sort());
    const { codes: descending } = await everyPage(coordinator, { sort: 'code_desc', limit: 30 });
    expect(descending).toEqual([...ascending].reverse());
    const { codes: newest } = await everyPage(coordinator, { sort: 'created_desc', limit: 100 });
    expect([...newest].sort()).toEqual(ascending);
  });

  it('sorts by last change both ways', async () => {
    const { pages } = await everyPage(police, { sort: 'updated_asc', limit: 20 });
    const times = pages.flatMap((p) => p.items.map((i) => Date.parse(i.updatedAt)));
    expect(times.length).toBeGreaterThan(20);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const { pages: latest } = await everyPage(police, { sort: 'updated_desc', limit: 20 });
    const back = latest.flatMap((p) => p.items.map((i) => Date.parse(i.updatedAt)));
    expect(back).toEqual([...times].sort((a, b) => b - a));
  });

  it('takes the page size chosen (up to 100) and refuses a cursor of another sort or a sort it does not know, field by field', async () => {
    const ten = await police.post('/api/cases/search', { limit: 10, sort: 'code_asc' }).expect(200);
    expect(ten.body.items).toHaveLength(10);
    expect(ten.body.limit).toBe(10);
    const wrongCursor = await police.post('/api/cases/search', { sort: 'created_desc', cursor: ten.body.nextCursor }).expect(400);
    expect(wrongCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' })]);
    const unknown = await police.post('/api/cases/search', { sort: 'victim_asc' }).expect(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['sort']);
    const tooMany = await police.post('/api/cases/search', { limit: 500 }).expect(400);
    expect(tooMany.body.errors.map((e: { field: string }) => e.field)).toEqual(['limit']);
  });

  it('shows the auditor the case code of each case event, not only its id (auditors hold no case scope)', async () => {
    const { body: page } = await police.post('/api/cases/search', { limit: 1 }).expect(200);
    const code = (page as CaseSearchPage).items[0].code;
    await police.get(`/api/cases/${code}`).expect(200);
    const auditor = await loginAs(app, 'auditor@procuraduria.demo');
    // The sealer runs apart from requests; the events are readable at once.
    const { body: events } = await auditor.get('/api/audit/events?entityType=case&action=read&limit=20').expect(200);
    const items = (events as Page<AuditEventView>).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => /^RT-\d{4}-\d{6}$/.test(e.entityCode ?? ''))).toBe(true);
    expect(items.map((e) => e.entityCode)).toContain(code);
    const { body: users } = await auditor.get('/api/audit/events?entityType=user&limit=5').expect(200);
    expect((users as Page<AuditEventView>).items.every((e) => e.entityCode === null)).toBe(true);
  });
});
