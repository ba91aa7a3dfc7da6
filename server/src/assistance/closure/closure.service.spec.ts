import { PERMISSIONS, Permission } from '@ruta/shared';
import { Actor, AuditService, TransactionRunner } from '@ruta/platform';
import { CaseAccessService, CaseEntity, CaseStatusService, CaseTransitionHook, CaseTransitionHooks, PlannedTransition } from '@ruta/cases';
import { Clock } from '@ruta/platform';
import { AssistanceRepository } from '../assistance.repository';
import { ClosureService } from './closure.service';

function actorWith(permissions: Permission[]): Actor {
  return { userId: 'u-1', sessionId: 's-1', institutionId: 'i-1', institutionCode: 'oim', roleId: 'r-1', roleCode: 'x', scope: 'institution', permissions: new Set(permissions) };
}

const closing: PlannedTransition = { from: 'immediate_assistance', status: 'closed', statusBeforeSuspension: null, closeReason: 'other', reason: 'other' };
const found = { id: 'c-1', code: 'RT-2026-000001', status: 'immediate_assistance', version: 3 } as CaseEntity;

describe('the closure gate on the case status machine', () => {
  let gate: CaseTransitionHook;
  let hasPlan: boolean;
  let caseStatus: { transition: jest.Mock };

  beforeEach(() => {
    hasPlan = false;
    const hooks = { register: (hook: CaseTransitionHook) => (gate = hook) } as unknown as CaseTransitionHooks;
    const transactions = { asSystem: (work: (m: { query: () => Promise<unknown[]> }) => Promise<boolean>) => work({ query: async () => (hasPlan ? [{}] : []) }) } as unknown as TransactionRunner;
    caseStatus = { transition: jest.fn(async () => gate.before!(actorWith([PERMISSIONS.assistanceApprove, PERMISSIONS.assistanceManage]), found, closing)) };
    const repo = {
      findClosure: jest.fn(async () => ({ id: 'q-1', caseId: 'c-1', caseCode: found.code, institutionId: 'i-1', requestedById: 'u-2', status: 'pending', version: 1, reason: 'reintegrated', createdAt: new Date() })),
      decideClosure: jest.fn(async () => true),
      alert: jest.fn(async () => 1),
    };
    const access = { requireCase: jest.fn(async () => found) } as unknown as CaseAccessService;
    const audit = { record: jest.fn(async () => undefined) } as unknown as AuditService;
    const service = new ClosureService(access, repo as unknown as AssistanceRepository, caseStatus as unknown as CaseStatusService, hooks, transactions, audit, new Clock());
    service.onModuleInit();
    gateService = service;
  });
  let gateService: ClosureService;

  it('refuses a direct close to assistance staff without self-approval', async () => {
    await expect(gate.before!(actorWith([PERMISSIONS.assistanceManage, PERMISSIONS.casesTransition]), found, closing)).rejects.toMatchObject({ code: 'closure_approval_required', status: 409 });
  });

  it('lets self-approval close directly', async () => {
    await expect(gate.before!(actorWith([PERMISSIONS.assistanceManage, PERMISSIONS.assistanceSelfApprove]), found, closing)).resolves.toBeUndefined();
  });

  it('lets other roles close a case without a plan, and refuses them one with a plan', async () => {
    await expect(gate.before!(actorWith([PERMISSIONS.casesTransition]), found, closing)).resolves.toBeUndefined();
    hasPlan = true;
    await expect(gate.before!(actorWith([PERMISSIONS.casesTransition]), found, closing)).rejects.toMatchObject({ code: 'closure_approval_required' });
  });

  it('never stands in the way of other moves', async () => {
    await expect(gate.before!(actorWith([PERMISSIONS.assistanceManage]), found, { ...closing, status: 'follow_up', closeReason: null, reason: null })).resolves.toBeUndefined();
  });

  it('lets the close of an approved request through, for that case only', async () => {
    await gateService.decide(actorWith([PERMISSIONS.assistanceApprove, PERMISSIONS.assistanceManage]), 'q-1', { version: 1, decision: 'approve' });
    expect(caseStatus.transition).toHaveBeenCalledWith(expect.anything(), found.code, { version: 3, to: 'closed', closeReason: 'assistance_completed' });
    await expect(caseStatus.transition.mock.results[0].value).resolves.toBeUndefined();
  });
});
