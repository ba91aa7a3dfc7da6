// The indicators area's shared types, options and pure rules.
export * from './indicator-keys';
export * from './indicators-api';
export * from './exports-api';
export * from './anonymous-statistics-api';
export * from './spreadsheet-cell';
export * from './role-dashboards-api';
