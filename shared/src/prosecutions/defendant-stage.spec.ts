import { DEFENDANT_MAIN_PATH, DEFENDANT_STAGE, DEFENDANT_TRANSITIONS, nextStages, planStageMove, SHORTCUT_FROM } from './defendant-stage';
import { parseNunc } from './nunc';

describe('Law 906 defendant stages', () => {
  it('walks the ordinary path one legal move at a time', () => {
    for (let i = 1; i < DEFENDANT_MAIN_PATH.length; i++) {
      expect(planStageMove(DEFENDANT_MAIN_PATH[i - 1], DEFENDANT_MAIN_PATH[i])).toEqual({ ok: true, to: DEFENDANT_MAIN_PATH[i], shortcut: null });
    }
  });

  it('refuses a jump from noticia criminal to juicio oral, naming what may come next', () => {
    const plan = planStageMove('noticia_criminal', 'juicio_oral');
    expect(plan).toEqual({
      ok: false,
      code: 'stage_not_allowed',
      params: { from: 'noticia_criminal', to: 'juicio_oral', next: ['indagacion'] },
      message: 'From Noticia criminal a defendant cannot go to Juicio oral; next can be: Indagación',
    });
  });

  it('lets a preacuerdo or an allanamiento lead only to a conviction, only once charged and before the verdict', () => {
    expect(planStageMove('investigacion', 'sentencia_condenatoria', 'preacuerdo')).toEqual({ ok: true, to: 'sentencia_condenatoria', shortcut: 'preacuerdo' });
    expect(planStageMove('juicio_oral', 'sentencia_condenatoria', 'allanamiento')).toMatchObject({ ok: true });
    expect(planStageMove('indagacion', 'sentencia_condenatoria', 'preacuerdo')).toMatchObject({ ok: false, code: 'shortcut_stage', params: { from: 'indagacion', shortcut: 'preacuerdo' } });
    expect(planStageMove('imputacion', 'ejecutoriada', 'preacuerdo')).toMatchObject({ ok: false, code: 'shortcut_target' });
    expect(planStageMove('imputacion', 'sentencia_condenatoria')).toMatchObject({ ok: false });
  });

  it('reopens an archived matter and keeps the final stages final', () => {
    expect(planStageMove('archivo', 'indagacion')).toMatchObject({ ok: true });
    for (const stage of ['ejecutoriada', 'preclusion', 'principio_oportunidad'] as const) {
      expect(DEFENDANT_TRANSITIONS[stage]).toEqual([]);
      expect(planStageMove(stage, 'indagacion')).toMatchObject({ ok: false, code: 'stage_final', params: { next: [] }, message: expect.stringContaining('final') });
    }
  });

  it('names only known stages in its table, and offers the shortcut among the next stages where it applies', () => {
    for (const [from, to] of Object.entries(DEFENDANT_TRANSITIONS)) {
      expect(DEFENDANT_STAGE.values).toContain(from);
      for (const next of to) expect(DEFENDANT_STAGE.values).toContain(next);
    }
    for (const from of SHORTCUT_FROM) expect(nextStages(from)).toContain('sentencia_condenatoria');
    expect(nextStages('noticia_criminal')).toEqual(['indagacion']);
  });
});

describe('noticia criminal number (NUNC)', () => {
  it('splits a valid number into municipality, entity, unit, year and consecutive', () => {
    expect(parseNunc('110016000050201812345', 2026)).toEqual({ ok: true, parts: { municipalityCode: '11001', entity: '60', unit: '00050', year: 2018, consecutive: '12345' } });
    expect(parseNunc(' 11001 6000050 2018 12345 ', 2026)).toMatchObject({ ok: true });
  });

  it('refuses a wrong length or letters, and a year before the Fiscalía or in the future', () => {
    expect(parseNunc('11001600005020181234', 2026)).toMatchObject({ ok: false, code: 'nunc_format' });
    expect(parseNunc('11001600005020181234A', 2026)).toMatchObject({ ok: false, code: 'nunc_format' });
    expect(parseNunc('110016000050198812345', 2026)).toMatchObject({ ok: false, code: 'nunc_year' });
    expect(parseNunc('110016000050202712345', 2026)).toMatchObject({ ok: false, code: 'nunc_year', message: expect.stringContaining('2027'), params: { year: 2027, currentYear: 2026 } });
  });
});
