import { DatePipe, SlicePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditHeadView } from '@ruta/shared';
import { LanguageService, LOCALES } from '../core/i18n/language.service';
import { AuditApi } from './audit.api';

/** The chain's head (newest seal, its hash, how many events are sealed) and when it was last anchored outside the database. */
@Component({
  selector: 'ruta-audit-head',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, SlicePipe, MatIconModule, TranslatePipe],
  template: `
    @if (view(); as v) {
      <div class="audit-head muted" data-testid="audit-head">
        <mat-icon aria-hidden="true" svgIcon="link" />
        <div>
          @if (v.head; as head) {
            <p data-testid="audit-head-seal" [attr.data-seq]="head.seq">
              {{ 'audit.head' | translate: { seq: head.seq, sealed: v.sealed } }}
              <code [title]="head.hash">{{ head.hash | slice: 0 : 16 }}…</code>
            </p>
          } @else {
            <p>{{ 'audit.headNone' | translate }}</p>
          }
          @if (v.lastAnchor; as anchor) {
            <p data-testid="audit-head-anchor" [attr.data-seq]="anchor.seq">
              {{ 'audit.lastAnchor' | translate: { at: (anchor.at | date: 'medium' : undefined : locales[language.current()]), seq: anchor.seq } }}
            </p>
          } @else {
            <p>{{ 'audit.noAnchor' | translate }}</p>
          }
        </div>
      </div>
    }
  `,
  styles: `
    .audit-head {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    p {
      margin: 0;
    }
  `,
})
export class AuditHead implements OnInit {
  private readonly api = inject(AuditApi);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly view = signal<AuditHeadView | null>(null);

  ngOnInit(): void {
    this.reload();
  }

  /** Reads the head again (after a verification, which seals and anchors). */
  reload(): void {
    this.api.head().subscribe({ next: (view) => this.view.set(view), error: () => undefined });
  }
}
