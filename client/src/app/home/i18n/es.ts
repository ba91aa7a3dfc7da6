/** Spanish texts of the home page. `en.ts` must have exactly the same keys (its type checks it). */
export const homeEs = {
  home: {
    title: 'Hola, {{name}}',
    role: 'Rol',
    institution: 'Institución',
    statsTitle: 'Casos a su alcance',
    statsLoading: 'Cargando cifras…',
    statsError: 'No se pudieron cargar las cifras de casos.',
    retry: 'Reintentar',
    total: 'Casos en total',
    byStatus: 'Por estado',
    minors: 'Menores de edad al identificarse',
    recent: 'Identificados en los últimos 30 días',
    recentSince: 'Desde el {{date}}',
    assignedToMe: 'Asignados a mí y activos',
    viewCases: 'Ver casos',
    actionsTitle: 'Acciones rápidas',
    newCase: 'Nuevo caso',
    searchCases: 'Buscar casos',
    areasTitle: 'Sus áreas de trabajo',
    areasHint: 'Su rol no incluye el acceso a casos. Estas son las secciones disponibles para usted:',
    coming: {
      title: 'Lo que su rol hará aquí',
    },
  },
};
