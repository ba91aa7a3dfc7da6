import { labelled, OptionOf } from '../common/labelled';

/** The Law 906/2004 stages of one defendant (DOMAIN.md): the accusatory procedure, its exits and its shortcut. */
export const DEFENDANT_STAGE = labelled({
  noticia_criminal: ['Noticia criminal', 'Crime report'],
  indagacion: ['Indagación', 'Preliminary inquiry'],
  archivo: ['Archivo', 'Filed away'],
  imputacion: ['Formulación de imputación', 'Charged'],
  investigacion: ['Investigación', 'Investigation'],
  acusacion: ['Acusación', 'Indictment'],
  audiencia_preparatoria: ['Audiencia preparatoria', 'Preparatory hearing'],
  juicio_oral: ['Juicio oral', 'Trial'],
  sentido_fallo: ['Sentido del fallo', 'Verdict announced'],
  sentencia_condenatoria: ['Sentencia condenatoria', 'Conviction'],
  sentencia_absolutoria: ['Sentencia absolutoria', 'Acquittal'],
  incidente_reparacion: ['Incidente de reparación integral', 'Reparation proceedings'],
  ejecutoriada: ['Sentencia ejecutoriada', 'Final judgment'],
  preclusion: ['Preclusión', 'Dismissal (preclusión)'],
  principio_oportunidad: ['Principio de oportunidad', 'Prosecutorial discretion'],
});
export type DefendantStage = OptionOf<typeof DEFENDANT_STAGE>;

/** How a defendant reaches sentence without trial. */
export const SHORTCUT = labelled({
  preacuerdo: ['Preacuerdo', 'Plea agreement'],
  allanamiento: ['Allanamiento a cargos', 'Guilty plea'],
});
export type Shortcut = OptionOf<typeof SHORTCUT>;

/** The ordinary path, in order (the stepper on screen). */
export const DEFENDANT_MAIN_PATH: readonly DefendantStage[] = [
  'noticia_criminal',
  'indagacion',
  'imputacion',
  'investigacion',
  'acusacion',
  'audiencia_preparatoria',
  'juicio_oral',
  'sentido_fallo',
  'sentencia_condenatoria',
  'incidente_reparacion',
  'ejecutoriada',
];

/** The legal moves of the ordinary procedure (the shortcut is separate: `SHORTCUT_FROM`). */
export const DEFENDANT_TRANSITIONS: Readonly<Record<DefendantStage, readonly DefendantStage[]>> = {
  noticia_criminal: ['indagacion'],
  indagacion: ['archivo', 'imputacion', 'principio_oportunidad', 'preclusion'],
  // Archived matters can be reopened (new evidence).
  archivo: ['indagacion'],
  imputacion: ['investigacion', 'preclusion', 'principio_oportunidad'],
  investigacion: ['acusacion', 'preclusion', 'principio_oportunidad'],
  acusacion: ['audiencia_preparatoria', 'preclusion'],
  audiencia_preparatoria: ['juicio_oral'],
  juicio_oral: ['sentido_fallo'],
  sentido_fallo: ['sentencia_condenatoria', 'sentencia_absolutoria'],
  sentencia_condenatoria: ['incidente_reparacion', 'ejecutoriada'],
  sentencia_absolutoria: ['ejecutoriada'],
  incidente_reparacion: ['ejecutoriada'],
  ejecutoriada: [],
  preclusion: [],
  principio_oportunidad: [],
};

/** From where a preacuerdo or an allanamiento a cargos leads straight to a conviction: once charged, before the verdict. */
export const SHORTCUT_FROM: readonly DefendantStage[] = ['imputacion', 'investigacion', 'acusacion', 'audiencia_preparatoria', 'juicio_oral'];

/** Stages that need the sentence's terms when entered. */
export const SENTENCE_STAGES: readonly DefendantStage[] = ['sentencia_condenatoria'];

export type StageMoveRefusal = {
  ok: false;
  /** `stage_not_allowed` (not a legal next stage), `stage_final` (nothing comes next), `shortcut_*` (a misused shortcut). */
  code: 'stage_not_allowed' | 'stage_final' | 'shortcut_target' | 'shortcut_stage';
  message: string;
  params: { from: DefendantStage; to: DefendantStage; next: DefendantStage[]; shortcut?: Shortcut };
};
export type StageMovePlan = { ok: true; to: DefendantStage; shortcut: Shortcut | null } | StageMoveRefusal;

/**
 * Whether a defendant may move `from` → `to` (with a shortcut, only to a conviction), with a clear message when not:
 * an English one for the API's fallback, and a code with its parameters (the stages that may come next) for the client.
 */
export function planStageMove(from: DefendantStage, to: DefendantStage, shortcut?: Shortcut | null): StageMovePlan {
  const es = (s: DefendantStage) => DEFENDANT_STAGE.labels[s].es;
  const params = { from, to, next: [...DEFENDANT_TRANSITIONS[from]], ...(shortcut ? { shortcut } : {}) };
  if (shortcut) {
    if (to !== 'sentencia_condenatoria') return { ok: false, code: 'shortcut_target', params, message: `A ${SHORTCUT.labels[shortcut].en.toLowerCase()} leads only to a conviction (sentencia condenatoria)` };
    if (!SHORTCUT_FROM.includes(from)) return { ok: false, code: 'shortcut_stage', params, message: `A ${SHORTCUT.labels[shortcut].en.toLowerCase()} needs a charged defendant before the verdict, not one in ${es(from)}` };
    return { ok: true, to, shortcut };
  }
  if (!DEFENDANT_TRANSITIONS[from].includes(to)) {
    const next = DEFENDANT_TRANSITIONS[from].map(es);
    return {
      ok: false,
      code: next.length ? 'stage_not_allowed' : 'stage_final',
      params,
      message: `From ${es(from)} a defendant cannot go to ${es(to)}${next.length ? `; next can be: ${next.join(', ')}` : '; this stage is final'}`,
    };
  }
  return { ok: true, to, shortcut: null };
}

/** The stages a defendant may move to next (ordinary moves, then the shortcut target if open). */
export function nextStages(from: DefendantStage): DefendantStage[] {
  const next = [...DEFENDANT_TRANSITIONS[from]];
  if (SHORTCUT_FROM.includes(from) && !next.includes('sentencia_condenatoria')) next.push('sentencia_condenatoria');
  return next;
}
