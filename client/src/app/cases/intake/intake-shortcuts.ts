import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The intake's keyboard shortcuts, listed on screen: Alt+N goes to the next step (through the step's own "Next", so
 * its checks run), Alt+P back to the previous one, Ctrl+S saves the draft now. The same letters in both languages.
 */
@Component({
  selector: 'ruta-intake-shortcuts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  host: { '(document:keydown)': 'key($event)' },
  template: `
    <p class="muted shortcuts" data-testid="intake-shortcuts">
      {{ 'intake.shortcuts' | translate }}
      <kbd>Alt</kbd>+<kbd>N</kbd> {{ 'intake.shortcutNext' | translate }} · <kbd>Alt</kbd>+<kbd>P</kbd> {{ 'intake.shortcutBack' | translate }} ·
      <kbd>Ctrl</kbd>+<kbd>S</kbd> {{ 'intake.shortcutSave' | translate }}
    </p>
  `,
})
export class IntakeShortcuts {
  private readonly document = inject(DOCUMENT);
  readonly back = output<void>();
  readonly save = output<void>();

  protected key(event: KeyboardEvent): void {
    const key = event.key.toLowerCase();
    if (event.altKey && !event.ctrlKey && !event.metaKey && key === 'n') {
      event.preventDefault();
      this.visible('[data-testid^="intake-next-"]')?.click();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && key === 'p') {
      event.preventDefault();
      this.back.emit();
    } else if ((event.ctrlKey || event.metaKey) && !event.altKey && key === 's') {
      event.preventDefault();
      this.save.emit();
    }
  }

  /** The button of the step on screen (the other steps' buttons are in the page but hidden). */
  private visible(selector: string): HTMLElement | undefined {
    return [...this.document.querySelectorAll<HTMLElement>(selector)].find((el) => el.offsetParent !== null && !el.closest('[aria-hidden="true"], .mat-horizontal-stepper-content-inactive'));
  }
}
