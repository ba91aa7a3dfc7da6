import { HttpErrorResponse } from '@angular/common/http';
import { Injector, runInInjectionContext, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { of, throwError } from 'rxjs';
import { CaseDetailView } from '@ruta/shared';
import { Notifier } from '../../core/http/notifier';
import { CaseDetailStore } from './case-detail.store';
import { CaseEdit } from './case-edit';

describe('CaseEdit', () => {
  const view = { code: 'RT-2026-000001', version: 3 } as CaseDetailView;
  function setup() {
    const store = { detail: signal<CaseDetailView | null>(view), set: jest.fn(), reload: jest.fn(() => of({ ...view, version: 4 })) };
    const notifier = { info: jest.fn() };
    const injector = Injector.create({ providers: [{ provide: CaseDetailStore, useValue: store }, { provide: Notifier, useValue: notifier }] });
    const edit = runInInjectionContext(injector, () => new CaseEdit());
    return { edit, store, notifier, form: new FormGroup({ phone: new FormControl('') }) };
  }

  it('sends the changed fields with the edited version and stores the answer', () => {
    const { edit, store, form } = setup();
    const send = jest.fn((_code: string, version: number) => of({ ...view, version: version + 1 }));
    const saved = jest.fn();
    edit.save(form, { phone: '123' }, send, saved);
    expect(send).toHaveBeenCalledWith('RT-2026-000001', 3);
    expect(store.set).toHaveBeenCalledWith(expect.objectContaining({ version: 4 }));
    expect(saved).toHaveBeenCalled();
  });

  it('sends nothing when nothing changed', () => {
    const { edit, form } = setup();
    const send = jest.fn();
    const saved = jest.fn();
    edit.save(form, {}, send, saved);
    expect(send).not.toHaveBeenCalled();
    expect(saved).toHaveBeenCalled();
  });

  it('shows a stale-version conflict and keeps the form open', () => {
    const { edit, form } = setup();
    const saved = jest.fn();
    const conflict = new HttpErrorResponse({ status: 409, error: { code: 'stale_version', currentVersion: 4, changedFields: ['phone'] } });
    edit.save(form, { phone: '123' }, () => throwError(() => conflict), saved);
    expect(edit.conflict()).toMatchObject({ currentVersion: 4, fields: ['phone'] });
    expect(saved).not.toHaveBeenCalled();
    expect(edit.busy()).toBe(false);
  });

  it('reloads on reapply and clears the conflict', () => {
    const { edit, store, notifier, form } = setup();
    edit.save(form, { phone: '1' }, () => throwError(() => new HttpErrorResponse({ status: 409, error: { code: 'stale_version' } })), jest.fn());
    edit.reapply();
    expect(store.reload).toHaveBeenCalled();
    expect(edit.conflict()).toBeNull();
    expect(notifier.info).toHaveBeenCalledWith('conflict.reloaded');
  });
});
