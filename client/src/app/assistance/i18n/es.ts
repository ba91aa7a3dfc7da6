/** Textos en español de asistencia. */
export const assistanceEs = {
  assistance: {
    title: 'Asistencia',
  },
};
