/** Textos en español de indicadores. */
export const indicatorsEs = {
  indicators: {
    title: 'Indicadores',
    year: 'Año',
    cards: 'Cifras del año',
    none: 'Sin datos en el periodo',
    unknown: 'Sin información',
    annual: {
      title: 'Informe anual {{year}}',
      caption: 'Según el informe TIP (EE. UU.) y el cuestionario GLOTIP de UNODC',
      indicator: 'Indicador',
      value: 'Valor',
      xlsx: 'Descargar Excel',
      pdf: 'Descargar PDF',
    },
    behind: {
      heading: 'Casos identificados en {{year}}',
      minors: 'Solo víctimas menores de edad',
      back: 'Volver a los indicadores',
    },
    home: {
      title: 'Indicadores {{year}}',
      open: 'Abrir el tablero',
    },
  },
};
