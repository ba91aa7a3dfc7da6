import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { AuthStore } from '../auth/auth.store';
import { newMe } from '../auth/auth.testing';
import { provideTestI18n } from './i18n.testing';
import { LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';

describe('LanguageService', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts in Spanish', () => {
    const language = TestBed.inject(LanguageService);
    language.init();
    expect(language.current()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(TestBed.inject(TranslateService).instant('nav.home')).toBe('Inicio');
  });

  it('switches to English, remembers it, and sets <html lang>', () => {
    const language = TestBed.inject(LanguageService);
    language.choose('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(TestBed.inject(TranslateService).instant('nav.home')).toBe('Home');
  });

  it('saves the choice to the profile when signed in', () => {
    TestBed.inject(AuthStore).setMe(newMe({ language: 'es' }));
    TestBed.inject(LanguageService).choose('en');
    const request = http.expectOne('/api/auth/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ language: 'en' });
    request.flush(newMe({ language: 'en' }));
  });

  it('keeps the language chosen on the login page after sign-in and saves it to the profile', () => {
    const language = TestBed.inject(LanguageService);
    const auth = TestBed.inject(AuthStore);
    language.init();
    language.choose('en');
    // The second step of the login (TOTP) knows the profile already: the choice still stands.
    auth.setMe(newMe({ language: 'es', stage: 'totp' }));
    language.followProfile('es');
    expect(language.current()).toBe('en');
    http.expectNone('/api/auth/me');
    auth.setMe(newMe({ language: 'es' }));
    language.followProfile('es');
    expect(language.current()).toBe('en');
    const request = http.expectOne('/api/auth/me');
    expect(request.request.body).toEqual({ language: 'en' });
    request.flush(newMe({ language: 'en' }));
    language.followProfile('en');
    expect(language.current()).toBe('en');
  });

  it('follows the profile when nothing was chosen before signing in', () => {
    const language = TestBed.inject(LanguageService);
    language.init();
    TestBed.inject(AuthStore).setMe(newMe({ language: 'en' }));
    language.followProfile('en');
    expect(language.current()).toBe('en');
  });
});
