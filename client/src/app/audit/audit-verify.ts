import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditVerifyResponse } from '@ruta/shared';
import { AuditApi } from './audit.api';

/** Recomputes the audit chain's seals on the server, holds them against the anchors, and tells whether it is intact. */
@Component({
  selector: 'ruta-audit-verify',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <button mat-stroked-button type="button" (click)="verify()" [disabled]="busy()" data-testid="audit-verify">
      <mat-icon svgIcon="verified" />{{ 'audit.verify' | translate }}
    </button>
    <div role="status">
      @if (result(); as r) {
        <p class="verify-result" [class.ok]="r.ok" [class.bad]="!r.ok">
          <mat-icon [svgIcon]="r.ok ? 'check_circle' : 'error'" />
          <span data-testid="audit-verify-result" [attr.data-ok]="r.ok">@if (r.brokenAt) {
            {{ 'audit.verifyBroken' | translate: { eventId: r.brokenAt.eventId, reason: ('brokenReasons.' + r.brokenAt.reason | translate) } }}
          } @else {
            {{ 'audit.verifyOk' | translate: { checked: r.checked, unsealed: r.unsealed } }}
          }
          @if (r.anchors.brokenAt; as broken) {
            @if (broken.seq) {
              {{ 'audit.verifyAnchorBroken' | translate: { seq: broken.seq, reason: ('brokenReasons.' + broken.reason | translate) } }}
            } @else {
              {{ 'audit.verifyAnchorInvalid' | translate: { line: broken.line, reason: ('brokenReasons.' + broken.reason | translate) } }}
            }
          } @else if (r.anchors.checked > 0) {
            {{ 'audit.verifyAnchors' | translate: { checked: r.anchors.checked } }}
          } @else {
            {{ 'audit.verifyNoAnchors' | translate }}
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
  /** After each verification (which also seals pending events and anchors the head). */
  readonly verified = output<AuditVerifyResponse>();

  protected verify(): void {
    this.busy.set(true);
    this.result.set(null);
    this.api.verify().subscribe({
      next: (result) => {
        this.result.set(result);
        this.busy.set(false);
        this.verified.emit(result);
      },
      error: () => this.busy.set(false),
    });
  }
}
