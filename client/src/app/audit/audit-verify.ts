import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditVerifyResponse } from '@ruta/shared';
import { AuditApi } from './audit.api';

/** Recomputes the audit chain's seals on the server and tells whether it is intact. */
@Component({
  selector: 'ruta-audit-verify',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <button mat-stroked-button type="button" (click)="verify()" [disabled]="busy()" data-testid="audit-verify">
      <mat-icon>verified</mat-icon>{{ 'audit.verify' | translate }}
    </button>
    <div role="status">
      @if (result(); as r) {
        <p class="verify-result" [class.ok]="r.ok" [class.bad]="!r.ok">
          <mat-icon>{{ r.ok ? 'check_circle' : 'error' }}</mat-icon>
          <span data-testid="audit-verify-result" [attr.data-ok]="r.ok">@if (r.ok || !r.brokenAt) {
            {{ 'audit.verifyOk' | translate: { checked: r.checked, unsealed: r.unsealed } }}
          } @else {
            {{ 'audit.verifyBroken' | translate: { eventId: r.brokenAt.eventId, reason: ('brokenReasons.' + r.brokenAt.reason | translate) } }}
          }</span>
        </p>
      }
    </div>
  `,
})
export class AuditVerify {
  private readonly api = inject(AuditApi);
  protected readonly result = signal<AuditVerifyResponse | null>(null);
  protected readonly busy = signal(false);

  protected verify(): void {
    this.busy.set(true);
    this.result.set(null);
    this.api.verify().subscribe({
      next: (result) => {
        this.result.set(result);
        this.busy.set(false);
      },
      error: () => this.busy.set(false),
    });
  }
}
