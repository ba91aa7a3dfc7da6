import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import { NavigationEnd, Router } from '@angular/router';
import { CaseDraftSavedView, HotlineCasePrefill, HotlineContactView, SaveCaseDraftRequest } from '@ruta/shared';
import { filter, Observable, switchMap, tap } from 'rxjs';
import { DRAFT_API } from '../../cases/intake/intake-draft';
import { buildIntakeForm, IntakeValue } from '../../cases/intake/intake-form';
import { Notifier } from '../../core/http/notifier';
import { HotlineApi } from '../hotline.api';

const CASE_URL = /^\/casos\/(RT-\d{4}-\d{6})$/;

/** The intake wizard's value with what the call tells: place, date, the indicators checklist, the purposes. */
export function prefilledIntake(fb: NonNullableFormBuilder, prefill: HotlineCasePrefill): IntakeValue {
  const value = buildIntakeForm(fb, prefill.case.identifiedOn).getRawValue();
  return {
    ...value,
    case: { ...value.case, source: prefill.case.source, scope: prefill.case.scope, direction: prefill.case.direction ?? '', identifiedOn: prefill.case.identifiedOn, departmentCode: prefill.case.departmentCode ?? prefill.case.municipalityCode?.slice(0, 2) ?? '', municipalityCode: prefill.case.municipalityCode ?? '' },
    screening: { ...value.screening, screenedOn: prefill.screening.screenedOn, acts: prefill.screening.acts, means: prefill.screening.means, purposes: prefill.screening.purposes, result: prefill.screening.result },
    situation: { ...value.situation, purposes: prefill.situation.purposes },
  };
}

/**
 * A call becomes a case without any of its data in a URL: the call's fields become the user's intake draft (kept on
 * the server, sealed, visible to its author only), the intake wizard opens and offers it; once the case is recorded
 * (the wizard navigates to `/casos/<code>`), the call is linked to it as its outcome. Leaving elsewhere drops the link.
 */
@Injectable({ providedIn: 'root' })
export class CallToCase {
  private readonly http = inject(HttpClient);
  private readonly api = inject(HotlineApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);
  private pending: { id: string; code: string } | null = null;

  constructor() {
    this.router.events.pipe(filter((e): e is NavigationEnd => e instanceof NavigationEnd)).subscribe((e) => this.navigated(e.urlAfterRedirects));
  }

  /** Saves the prefilled draft and opens the intake wizard. */
  start(contact: HotlineContactView): Observable<CaseDraftSavedView> {
    return this.api.casePrefill(contact.id).pipe(
      switchMap((prefill) => {
        const body: SaveCaseDraftRequest = { step: 0, value: prefilledIntake(this.fb, prefill) as unknown as Record<string, unknown> };
        return this.http.put<CaseDraftSavedView>(DRAFT_API, body);
      }),
      tap(() => {
        this.pending = { id: contact.id, code: contact.code };
        void this.router.navigate(['/casos/nuevo']);
      }),
    );
  }

  private navigated(url: string): void {
    const pending = this.pending;
    if (!pending || url === '/casos/nuevo') return;
    this.pending = null;
    const match = CASE_URL.exec(url);
    if (!match) return;
    const caseCode = match[1];
    // The latest version: the operator may have taken or assessed it meanwhile.
    this.api
      .get(pending.id)
      .pipe(switchMap((contact) => this.api.outcome(contact.id, { version: contact.version, outcome: 'new_case', caseCode })))
      .subscribe({ next: () => this.notifier.info('hotline.outcomePanel.linkedToCase', { contact: pending.code, code: caseCode }), error: () => undefined });
  }
}
