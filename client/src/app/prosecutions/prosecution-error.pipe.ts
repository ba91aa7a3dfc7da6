import { inject, Pipe, PipeTransform } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { DEFENDANT_STAGE, FieldError, isProsecutionErrorCode, Language, ProsecutionErrorParams, SHORTCUT } from '@ruta/shared';
import { ErrorMessage } from '../core/http/problem';
import { LanguageService, LOCALES } from '../core/i18n/language.service';

type ErrorValue = ValidationErrors | ErrorMessage | null | undefined;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A parameter as the user reads it: a stage or shortcut by its label, a date in the interface language. */
function readable(params: ProsecutionErrorParams | undefined, language: Language): Record<string, string | number> {
  const stage = (s: keyof typeof DEFENDANT_STAGE.labels) => DEFENDANT_STAGE.labels[s]?.[language] ?? s;
  const out: Record<string, string | number> = {};
  if (!params) return out;
  if (params.year !== undefined) out['year'] = params.year;
  if (params.currentYear !== undefined) out['currentYear'] = params.currentYear;
  if (params.municipality) out['municipality'] = params.municipality;
  if (params.from) out['from'] = stage(params.from);
  if (params.to) out['to'] = stage(params.to);
  if (params.next) out['next'] = params.next.map(stage).join(', ');
  if (params.shortcut) out['shortcut'] = (SHORTCUT.labels[params.shortcut]?.[language] ?? params.shortcut).toLowerCase();
  if (params.since && CALENDAR_DATE.test(params.since)) {
    out['since'] = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${params.since}T00:00:00Z`));
  }
  return out;
}

/**
 * A prosecutions error (the NUNC checks, a refused stage move, an appeal's dates …) as a message of this area's
 * dictionary, `prosecutions.errors.<code>`, with its parameters in the user's language; any other error unchanged.
 * Takes a control's `errors` (a server field error under `server`) or a form-level `ErrorMessage`.
 */
export function prosecutionErrorMessage(value: ErrorMessage | null, language: Language): ErrorMessage | null;
export function prosecutionErrorMessage(value: ErrorValue, language: Language): ErrorValue;
export function prosecutionErrorMessage(value: ErrorValue, language: Language): ErrorValue {
  if (!value) return value;
  if (typeof (value as ErrorMessage).key === 'string') {
    const message = value as ErrorMessage;
    const code = message.key.startsWith('errors.') ? message.key.slice('errors.'.length) : null;
    return isProsecutionErrorCode(code) ? { ...message, key: `prosecutions.errors.${code}` } : message;
  }
  const server = (value as ValidationErrors)['server'] as (FieldError & { params?: ProsecutionErrorParams }) | undefined;
  if (!server || !isProsecutionErrorCode(server.code)) return value;
  return { key: `prosecutions.errors.${server.code}`, params: readable(server.params, language), fallback: server.message };
}

/** `{{ form.controls.nunc.errors | rutaProsecutionError | rutaError }}`: the area's own wording before the generic one. */
@Pipe({ name: 'rutaProsecutionError', pure: false })
export class ProsecutionErrorPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: ErrorMessage | null): ErrorMessage | null;
  transform(value: ErrorValue): ErrorValue;
  transform(value: ErrorValue): ErrorValue {
    return prosecutionErrorMessage(value, this.language.current());
  }
}
