/** Languages offered for a victim (ISO 639): Spanish, neighbours' and migrants' languages, and main Indigenous languages. */
export const LANGUAGE_CODES = ['es', 'en', 'pt', 'fr', 'ht', 'zh', 'ar', 'guc', 'pbb', 'cbv', 'kog', 'arh', 'inb'] as const;
