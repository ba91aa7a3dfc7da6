/** Spanish texts of the "not found" and "no access" pages. `en.ts` must have exactly the same keys (its type checks it). */
export const errorPagesEs = {
  notFound: {
    title: 'Página no encontrada',
    text: 'La dirección no corresponde a ninguna página de Ruta.',
    home: 'Volver al inicio',
  },
  forbidden: {
    title: 'Acceso no permitido',
    text: 'Su rol no incluye el permiso para ver esta página.',
  },
};
