import { Routes } from '@angular/router';

/** `/linea`: the hotline area's screens. */
export const HOTLINE_ROUTES: Routes = [];
