import { approvalRefusal, carryOutRefusal, ErasureApprovalState, statusAfterApproval } from './erasure-approval';

const recorded: ErasureApprovalState = { status: 'pending', recordedById: 'ana', approverIds: [] };

describe('erasure approval rules', () => {
  it('never lets the recorder approve their own request', () => {
    expect(approvalRefusal(recorded, 'ana')).toBe('own_request');
  });

  it('needs two different approvers: the same person twice does not count', () => {
    const once = { ...recorded, approverIds: ['beto'] };
    expect(approvalRefusal(once, 'beto')).toBe('already_approved_by_you');
    expect(statusAfterApproval(recorded, 'beto')).toBe('pending');
    expect(statusAfterApproval(once, 'carla')).toBe('approved');
  });

  it('refuses decisions once the request is no longer pending', () => {
    expect(approvalRefusal({ ...recorded, status: 'approved', approverIds: ['beto', 'carla'] }, 'dora')).toBe('not_pending');
    expect(approvalRefusal({ ...recorded, status: 'refused' }, 'beto')).toBe('not_pending');
  });

  it('lets nobody carry out an erasure with a single approval', () => {
    expect(carryOutRefusal({ ...recorded, approverIds: ['beto'] })).toBe('needs_two_approvals');
    expect(carryOutRefusal(recorded)).toBe('needs_two_approvals');
  });

  it('does not count the recorder among the approvers even if the data says so', () => {
    expect(carryOutRefusal({ status: 'approved', recordedById: 'ana', approverIds: ['ana', 'beto'] })).toBe('needs_two_approvals');
  });

  it('carries out an approved request once', () => {
    expect(carryOutRefusal({ ...recorded, status: 'approved', approverIds: ['beto', 'carla'] })).toBeNull();
    expect(carryOutRefusal({ ...recorded, status: 'carried_out', approverIds: ['beto', 'carla'] })).toBe('not_pending');
  });
});
