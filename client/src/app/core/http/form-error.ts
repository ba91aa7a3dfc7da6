import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { ErrorMessagePipe } from '../i18n/error-message.pipe';
import { ErrorMessage } from './problem';

/** A form-level error (the problem's own message), announced to screen readers. */
@Component({
  selector: 'ruta-form-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, ErrorMessagePipe],
  template: `
    <div role="alert">
      @if (message(); as m) {
        <p class="form-error" data-testid="form-error"><mat-icon svgIcon="error" />{{ m | rutaError }}</p>
      }
    </div>
  `,
})
export class FormError {
  readonly message = input<ErrorMessage | null>(null);
}
