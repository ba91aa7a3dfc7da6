import { Routes } from '@angular/router';

/** `/asistencia`: the assistance area's screens. */
export const ASSISTANCE_ROUTES: Routes = [];
