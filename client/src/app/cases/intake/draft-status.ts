import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { IntakeDraft } from './intake-draft';

const MINUTE_MS = 60_000;

/** "Saved 3 minutes ago", "Saving…" or "Not saved": where the server draft stands, refreshed every 15 seconds. */
@Component({
  selector: 'ruta-draft-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<span class="muted" role="status" data-testid="intake-draft-status">
    @switch (draft.status()) {
      @case ('saving') { {{ 'intake.draftSaving' | translate }} }
      @case ('failed') { {{ 'intake.draftSaveFailed' | translate }} }
      @default {
        @if (saved(); as saved) { {{ saved.key | translate: { ago: saved.ago } }} }
      }
    }
  </span>`,
})
export class DraftStatus {
  protected readonly draft = inject(IntakeDraft);
  private readonly language = inject(LanguageService);
  private readonly now = signal(Date.now());

  protected readonly saved = computed(() => {
    const at = this.draft.savedAt();
    if (!at) return null;
    const minutes = Math.floor(Math.max(0, this.now() - at.getTime()) / MINUTE_MS);
    if (minutes < 1) return { key: 'intake.draftSavedJustNow', ago: '' };
    const format = new Intl.RelativeTimeFormat(LOCALES[this.language.current()], { numeric: 'always' });
    return { key: 'intake.draftSaved', ago: minutes < 60 ? format.format(-minutes, 'minute') : format.format(-Math.floor(minutes / 60), 'hour') };
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 15_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
