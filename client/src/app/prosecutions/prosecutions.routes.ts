import { Routes } from '@angular/router';

/** `/judicializacion`: the prosecutions area's screens. */
export const PROSECUTIONS_ROUTES: Routes = [];
