import { Routes } from '@angular/router';

/** `/indicadores`: the indicators area's screens. */
export const INDICATORS_ROUTES: Routes = [];
