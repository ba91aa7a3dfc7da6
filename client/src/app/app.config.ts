import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import localeEsCo from '@angular/common/locales/es-CO';
import {
  ApplicationConfig,
  ErrorHandler,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { XSRF_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { routes } from './app.routes';
import { AuthStore } from './core/auth/auth.store';
import { provideRutaIcons } from './core/icons/provide-icons';
import { apiErrorInterceptor } from './core/http/api-error.interceptor';
import { provideTouchedErrorState } from './core/http/touched-error-state';
import { RutaErrorHandler } from './core/http/global-error-handler';
import { provideCalendarDates } from './core/i18n/calendar-date-adapter';
import { DictionaryLoader } from './core/i18n/dictionary.loader';
import { DEFAULT_LANGUAGE, LanguageService } from './core/i18n/language.service';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';

registerLocaleData(localeEsCo);

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    provideHttpClient(
      withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER }),
      withInterceptors([apiErrorInterceptor]),
    ),
    provideTranslateService({
      loader: provideTranslateLoader(DictionaryLoader),
      fallbackLang: DEFAULT_LANGUAGE,
      lang: DEFAULT_LANGUAGE,
    }),
    { provide: ErrorHandler, useClass: RutaErrorHandler },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } },
    provideTouchedErrorState(),
    provideRutaIcons(),
    provideCalendarDates(),
    provideAppInitializer(() => Promise.all([inject(LanguageService).init(), inject(AuthStore).load()])),
  ],
};
