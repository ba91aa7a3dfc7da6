/** Injection token of the validated RutaConfig. */
export const RUTA_CONFIG = Symbol('RUTA_CONFIG');
