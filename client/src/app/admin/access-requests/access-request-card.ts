import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ACCESS_CHANGE_REASON_MAX_LENGTH, AccessChangeDecision, AccessChangeRequestView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { RoleNamePipe } from '../../core/i18n/role-name.pipe';
import { AccessRequestsApi } from './access-requests.api';

/** One four-eyes request in readable labels: what it grants, to whom, who asked; approve, refuse with a reason, or withdraw. */
@Component({
  selector: 'ruta-access-request-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError, RoleNamePipe],
  styles: `
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
    dt { font-weight: 500; }
    dd { margin: 0; }
    ul { margin: 0; padding-left: 20px; }
    .actions { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 16px; }
    .actions mat-form-field { min-width: 280px; flex: 1; }
  `,
  template: `
    @let r = request();
    @let role = r.summary.role;
    <mat-card appearance="outlined" data-testid="access-request" [attr.data-status]="r.status" [attr.data-kind]="r.kind" [attr.data-email]="r.summary.user?.email">
      <mat-card-header>
        <mat-card-title>{{ 'accessChangeKinds.' + r.kind | translate }}: {{ r.summary.user ? r.summary.user.name : (role | roleName) }}</mat-card-title>
        <mat-card-subtitle>{{ 'accessRequests.requestedBy' | translate: { name: r.requestedBy.name } }} · {{ r.requestedAt | date: 'medium' : undefined : locale() }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <dl>
          @if (r.summary.user; as user) {
            <dt>{{ 'users.email' | translate }}</dt>
            <dd>{{ user.email }}</dd>
            <dt>{{ 'users.institution' | translate }}</dt>
            <dd>{{ user.institution.name }}</dd>
          }
          <dt>{{ 'users.role' | translate }}</dt>
          <dd>{{ role | roleName }} <span class="muted">({{ role.code }})</span></dd>
          <dt>{{ 'roles.scope' | translate }}</dt>
          <dd>
            {{ 'recordScopes.' + role.scope | translate }}
            @if (r.summary.previous && r.summary.previous.scope !== role.scope) {
              <span class="muted">({{ 'accessRequests.before' | translate: { value: ('recordScopes.' + r.summary.previous.scope | translate) } }})</span>
            }
          </dd>
          <dt>{{ 'roles.requiresMfa' | translate }}</dt>
          <dd>{{ (role.requiresMfa ? 'common.yes' : 'common.no') | translate }}</dd>
          <dt>{{ 'roles.permissions' | translate }}</dt>
          <dd>
            <ul data-testid="access-request-permissions">
              @for (permission of role.permissions; track permission) {
                <li>
                  {{ 'permissions.' + permission | translate }}
                  @if (added().has(permission)) { <strong>({{ 'accessRequests.added' | translate }})</strong> }
                </li>
              }
            </ul>
          </dd>
          @if (removed().length) {
            <dt>{{ 'accessRequests.removed' | translate }}</dt>
            <dd>
              <ul>
                @for (permission of removed(); track permission) { <li>{{ 'permissions.' + permission | translate }}</li> }
              </ul>
            </dd>
          }
          <dt>{{ 'accessRequests.status' | translate }}</dt>
          <dd>
            <strong data-testid="access-request-status">{{ 'accessChangeStatuses.' + r.status | translate }}</strong>
            @if (r.decidedBy) { · {{ 'accessRequests.decidedBy' | translate: { name: r.decidedBy.name } }} }
            @if (r.reason) { · {{ r.reason }} }
          </dd>
        </dl>
        @if (r.canDecide) {
          <form class="actions" [formGroup]="refusal" (ngSubmit)="refuse()" novalidate>
            <button mat-flat-button type="button" [disabled]="busy()" (click)="approve()" data-testid="access-request-approve">
              {{ 'accessRequests.approve' | translate }}
            </button>
            <mat-form-field>
              <mat-label>{{ 'accessRequests.reason' | translate }}</mat-label>
              <input matInput formControlName="reason" data-testid="access-request-reason" />
              <mat-error>{{ refusal.controls.reason.errors | rutaError }}</mat-error>
            </mat-form-field>
            <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="access-request-refuse">{{ 'accessRequests.refuse' | translate }}</button>
          </form>
        } @else if (r.canCancel) {
          <div class="actions">
            <p class="muted">{{ 'accessRequests.waiting' | translate }}</p>
            <button mat-button type="button" [disabled]="busy()" (click)="cancel()" data-testid="access-request-cancel">{{ 'accessRequests.cancel' | translate }}</button>
          </div>
        } @else if (r.status === 'pending') {
          <p class="muted">{{ 'accessRequests.notForYou' | translate }}</p>
        }
        <ruta-form-error [message]="decision.error() ?? refusalSubmission.error()" />
      </mat-card-content>
    </mat-card>
  `,
})
export class AccessRequestCard {
  private readonly api = inject(AccessRequestsApi);
  private readonly language = inject(LanguageService);
  readonly request = input.required<AccessChangeRequestView>();
  /** The decision (approved, refused, withdrawn), or null when the request changed meanwhile and the list must reload. */
  readonly decided = output<AccessChangeDecision | null>();

  protected readonly refusal = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(ACCESS_CHANGE_REASON_MAX_LENGTH)]],
  });
  protected readonly decision = new FormSubmission(new FormGroup({}));
  protected readonly refusalSubmission = new FormSubmission(this.refusal);
  protected readonly busy = computed(() => this.decision.busy() || this.refusalSubmission.busy());
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  private readonly previous = computed(() => this.request().summary.previous?.permissions ?? null);
  protected readonly added = computed(() => new Set(this.previous() ? this.request().summary.role.permissions.filter((p) => !this.previous()!.includes(p)) : []));
  protected readonly removed = computed(() => (this.previous() ?? []).filter((p) => !this.request().summary.role.permissions.includes(p)));

  protected approve(): void {
    const r = this.request();
    this.decision.submit(() => this.api.approve(r.id, { version: r.version }), { done: (d) => this.decided.emit(d), stale: () => this.decided.emit(null) });
  }

  protected refuse(): void {
    const r = this.request();
    const reason = this.refusal.getRawValue().reason.trim();
    this.refusalSubmission.submit(() => this.api.refuse(r.id, { version: r.version, reason }), { done: (d) => this.decided.emit(d), stale: () => this.decided.emit(null) });
  }

  protected cancel(): void {
    const r = this.request();
    this.decision.submit(() => this.api.cancel(r.id, { version: r.version }), { done: (request) => this.decided.emit({ request }), stale: () => this.decided.emit(null) });
  }
}
