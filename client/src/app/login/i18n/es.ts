/** Spanish texts of sign-in. `en.ts` must have exactly the same keys (its type checks it). */
export const loginEs = {
  login: {
    title: 'Ingresar a Ruta',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Ingresar',
    loggedOut: 'Cerró la sesión.',
    sessionExpired: 'Su sesión terminó. Ingrese de nuevo.',
  },
  totp: {
    title: 'Verificación en dos pasos',
    intro: 'Escriba el código de 6 dígitos de su aplicación de autenticación, o uno de sus códigos de recuperación.',
    code: 'Código de verificación',
    hint: '6 dígitos o un código de recuperación',
    submit: 'Verificar',
    restart: 'Ingresar con otra cuenta',
  },
};
