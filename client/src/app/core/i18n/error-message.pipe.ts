import { inject, Pipe, PipeTransform } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { TranslateService } from '@ngx-translate/core';
import { controlErrorMessage, ErrorMessage } from '../http/problem';
import { LanguageService } from './language.service';

/**
 * Translates an error: a control's `errors`, or an `ErrorMessage` from a problem.
 * Unknown codes fall back to the API's message, then to a generic text.
 * `{{ form.controls.email.errors | rutaError }}`
 */
@Pipe({ name: 'rutaError', pure: false })
export class ErrorMessagePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  transform(value: ValidationErrors | ErrorMessage | null | undefined): string {
    this.language.current(); // re-render on language change
    if (!value) return '';
    const message = isErrorMessage(value) ? value : controlErrorMessage(value);
    if (!message) return '';
    const text = this.translate.instant(message.key, message.params) as string;
    if (text !== message.key) return text;
    return message.fallback ?? (this.translate.instant('errors.generic') as string);
  }
}

function isErrorMessage(value: object): value is ErrorMessage {
  return typeof (value as ErrorMessage).key === 'string';
}
