import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { AssistanceOverview, ParticipantView, Problem } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTouchedErrorState } from '../../core/http/touched-error-state';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { ParticipantPanel } from './participant-panel';

const PATH = '/api/cases/RT-2026-000001/assistance/participants';

function overviewWith(participants: ParticipantView[]): AssistanceOverview {
  return {
    caseCode: 'RT-2026-000001',
    caseStatus: 'immediate_assistance',
    caseVersion: 2,
    departmentCode: '11',
    plan: null,
    participants,
    services: [],
    timers: [],
    risks: [],
    followUps: [],
    closure: null,
    suggestProtectionReferral: false,
  };
}

const MOTHER: ParticipantView = { id: 'p-1', fullName: 'Rosa Díaz', relation: 'parent', sex: 'female', ageBand: '39-47', version: 1 };

describe('ParticipantPanel', () => {
  let http: HttpTestingController;

  async function render(participants: ParticipantView[] = [], permissions: ('assistance:read' | 'assistance:manage')[] = ['assistance:read', 'assistance:manage']) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en'), provideTouchedErrorState()] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(newMe({}, permissions));
    const fixture = TestBed.createComponent(ParticipantPanel);
    const changed: AssistanceOverview[] = [];
    fixture.componentInstance.changed.subscribe((o) => changed.push(o));
    fixture.componentRef.setInput('overview', overviewWith(participants));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const find = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const choose = async (testId: string, text: string) => (await loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }))).clickOptions({ text });
    const typeName = (value: string) => {
      const input = find<HTMLInputElement>('assistance-participant-name')!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      find<HTMLButtonElement>('assistance-participant-save')!.click();
      await fixture.whenStable();
    };
    return { fixture, el, find, choose, typeName, submit, changed };
  }

  afterEach(() => http.verify());

  it('lists the relatives with their relation, sex and age band as labels, never as codes', async () => {
    const { el } = await render([MOTHER]);
    const row = el.querySelector('[data-testid="assistance-participant"]')!.textContent!;
    expect(row).toContain('Rosa Díaz');
    expect(row).toContain('Parent');
    expect(row).toContain('Female');
    expect(row).toContain('39–47 years');
    expect(row).not.toMatch(/parent|female|39-47/);
  });

  it('offers only first-degree relatives, spouse and partner as relations (never the victim)', async () => {
    const { fixture } = await render();
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[data-testid="assistance-participant-relation"]' }));
    await select.open();
    const labels = await Promise.all((await select.getOptions()).map((o) => o.getText()));
    expect(labels).toEqual(['Parent', 'Child', 'Sibling', 'Spouse', 'Permanent partner']);
  });

  it('sends nothing without a name, a relation and a sex', async () => {
    const { typeName, submit } = await render();
    await submit();
    typeName('   ');
    await submit();
    http.expectNone({ method: 'POST', url: PATH });
  });

  it('adds a relative, passes the new overview on and empties the form', async () => {
    const { typeName, choose, submit, find, fixture, changed } = await render();
    typeName('  Rosa Díaz ');
    await choose('assistance-participant-relation', 'Parent');
    await choose('assistance-participant-sex', 'Female');
    await choose('assistance-participant-age', '39–47 years');
    await submit();
    const request = http.expectOne({ method: 'POST', url: PATH });
    expect(request.request.body).toEqual({ fullName: 'Rosa Díaz', relation: 'parent', sex: 'female', ageBand: '39-47' });
    request.flush(overviewWith([MOTHER]));
    await fixture.whenStable();
    expect(changed.map((o) => o.participants.map((p) => p.fullName))).toEqual([['Rosa Díaz']]);
    expect(find<HTMLInputElement>('assistance-participant-name')!.value).toBe('');
  });

  it('shows the server\u2019s field error under its field', async () => {
    const { typeName, choose, submit, el, fixture } = await render();
    typeName('Rosa');
    await choose('assistance-participant-relation', 'Sibling');
    await choose('assistance-participant-sex', 'Female');
    await submit();
    const problem: Problem = { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation_failed', requestId: 'r-1', errors: [{ field: 'fullName', code: 'maxLength', message: 'too long' }] };
    http.expectOne({ method: 'POST', url: PATH }).flush(problem, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent).toContain('The value is too long.');
  });

  it('hides the form from a role that cannot manage assistance', async () => {
    const { find } = await render([MOTHER], ['assistance:read']);
    expect(find('assistance-participant-form')).toBeNull();
    expect(find('assistance-participants')).not.toBeNull();
  });
});
