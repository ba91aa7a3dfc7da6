/** Textos en español de línea nacional. */
export const hotlineEs = {
  hotline: {
    title: 'Línea nacional',
  },
};
