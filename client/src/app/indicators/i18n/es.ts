/** Textos en español de indicadores. */
export const indicatorsEs = {
  indicators: {
    title: 'Indicadores',
  },
};
