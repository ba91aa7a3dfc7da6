/** Textos en español de indicadores. */
export const indicatorsEs = {
  indicators: {
    title: 'Indicadores',
    year: 'Año',
    cards: 'Cifras del año',
    asOf: 'Cifras de todo el centro al {{when}}; se actualizan cada pocos minutos.',
    none: 'Sin datos en el periodo',
    unknown: 'Sin información',
    annual: {
      title: 'Informe anual {{year}}',
      caption: 'Según el informe TIP (EE. UU.) y el cuestionario GLOTIP de UNODC',
      indicator: 'Indicador',
      value: 'Valor',
      xlsx: 'Descargar Excel',
      pdf: 'Descargar PDF',
      sections: {
        protection: 'Protección: víctimas identificadas',
        referrals: 'Remisiones entre instituciones',
        assistance: 'Asistencia a víctimas (Ley 985)',
        justice: 'Judicialización (Ley 906)',
        hotline: 'Línea nacional contra la trata',
      },
    },
    behind: {
      heading: 'Casos identificados en {{year}}',
      minors: 'Solo víctimas menores de edad',
      back: 'Volver a los indicadores',
      period: 'Casos identificados del {{from}} al {{to}}',
    },
    exports: {
      title: 'Exportaciones',
      hint: 'Los casos que usted puede ver, identificados en el año. Las exportaciones grandes se preparan en segundo plano; el enlace dura 24 horas.',
      format: 'Formato',
      identified: 'Con nombres de las víctimas',
      reason: 'Motivo de la exportación',
      submit: 'Exportar',
      mine: 'Sus exportaciones recientes',
      progress: '{{processed}} de {{total}} casos',
      download: 'Descargar ({{total}} casos)',
      statistics: 'Estadísticas anónimas (CSV)',
      listHint: 'Se exportan los casos de la lista con los filtros que tiene ahora.',
      listByName: 'Una lista filtrada por nombre o documento no se puede exportar: quite esos filtros.',
    },
    summary: {
      download: 'Resumen en PDF',
    },
    home: {
      title: 'Indicadores {{year}}',
      open: 'Abrir el tablero',
    },
  },
};
