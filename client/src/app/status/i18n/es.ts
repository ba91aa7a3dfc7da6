/** Spanish texts of the system status page. `en.ts` must have exactly the same keys (its type checks it). */
export const statusEs = {
  status: {
    title: 'Estado del sistema',
    api: 'API',
    online: 'en línea',
    offline: 'sin conexión',
    overall: 'Estado general',
    database: 'Base de datos',
    up: 'disponible',
    down: 'no disponible',
    unknown: 'desconocido',
    checking: 'Consultando…',
  },
};
