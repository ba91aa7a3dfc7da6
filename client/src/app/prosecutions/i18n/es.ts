/** Textos en español de judicialización. */
export const prosecutionsEs = {
  prosecutions: {
    title: 'Judicialización',
  },
};
