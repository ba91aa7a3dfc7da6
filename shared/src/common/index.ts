export * from './calendar-date';
export * from './labelled';
export * from './paging';
export * from './places';
export * from './place-search';
export * from './refs';
