/** Spanish texts of the user's own profile. `en.ts` must have exactly the same keys (its type checks it). */
export const profileEs = {
  profile: {
    title: 'Mi perfil',
    name: 'Nombre',
    email: 'Correo electrónico',
    institution: 'Institución',
    role: 'Rol',
    scope: 'Alcance de registros',
    mfaTitle: 'Verificación en dos pasos',
    mfaOn: 'Activada',
    mfaOff: 'Desactivada',
    mfaRequired: 'Su rol exige la verificación en dos pasos; no se puede desactivar.',
    mfaEnable: 'Activar',
    mfaDisable: 'Desactivar',
    mfaDisablePassword: 'Contraseña para confirmar',
    mfaDisabled: 'La verificación en dos pasos quedó desactivada.',
    languageSaved: 'Idioma guardado.',
  },
};
