import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal, untracked } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { Language, LANGUAGES } from '@ruta/shared';
import { lastValueFrom } from 'rxjs';
import { AuthStore } from '../auth/auth.store';

export const LANGUAGE_STORAGE_KEY = 'ruta.language';
export const DEFAULT_LANGUAGE: Language = 'es';
/** Locale used by date pipes for each language (Bogotá). */
export const LOCALES: Record<Language, string> = { es: 'es-CO', en: 'en-US' };

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The interface language: Spanish by default, remembered in localStorage and, when signed in, in the profile. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly auth = inject(AuthStore);

  readonly current = signal<Language>(DEFAULT_LANGUAGE);
  /** A choice made before signing in (on the login page): it outlives the sign-in and goes into the profile. */
  private chosenSignedOut: Language | null = null;

  /** Resolves once the language's dictionary (and the Spanish fallback) is loaded: the app waits for it at start. */
  init(): Promise<unknown> {
    const fallback = lastValueFrom(this.translate.setFallbackLang(DEFAULT_LANGUAGE));
    // A dictionary that cannot be fetched must not keep the app from starting: its screens then show their keys.
    return Promise.all([fallback, this.apply(this.stored() ?? DEFAULT_LANGUAGE)]).catch(() => undefined);
  }

  /**
   * Switches the interface language (e.g. the profile's language after sign-in); resolves once its dictionary is
   * loaded (the texts on screen change then).
   */
  apply(language: Language): Promise<unknown> {
    const loaded = lastValueFrom(this.translate.use(language));
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
    return loaded;
  }

  /** The user's own choice: applied at once and, when signed in, saved to the profile. */
  choose(language: Language): void {
    void this.apply(language);
    if (!this.auth.isAuthenticated()) {
      this.chosenSignedOut = language;
      return;
    }
    if (this.auth.me()?.language !== language) {
      this.auth.updateLanguage(language).subscribe({ error: () => undefined });
    }
  }

  /**
   * The profile's language, as the API describes the user: it wins, unless the user chose a language on the way in
   * (the login page), which is kept and, once signed in, saved to the profile instead.
   */
  followProfile(profile: Language): void {
    untracked(() => {
      const choice = this.chosenSignedOut;
      if (!choice) {
        if (profile !== this.current()) void this.apply(profile);
        return;
      }
      if (!this.auth.isAuthenticated()) return;
      this.chosenSignedOut = null;
      if (choice !== profile) this.auth.updateLanguage(choice).subscribe({ error: () => undefined });
    });
  }

  other(): Language {
    return this.current() === 'es' ? 'en' : 'es';
  }

  private stored(): Language | null {
    try {
      const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(value) ? value : null;
    } catch {
      return null;
    }
  }
}
