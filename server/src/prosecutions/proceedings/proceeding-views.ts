import { AppealView, DefendantSex, DefendantView, HearingView, nextStages, ProceedingView, ProceedingVictimView, StageEventView } from '@ruta/shared';
import { DefendantRow, ProceedingRow } from './proceedings.repository';

/** One defendant as the API shows it; pseudonymised readers (coordinators) get no person, only "defendant n". */
export function toDefendantView(d: DefendantRow, history: StageEventView[], pseudonymised: boolean): DefendantView {
  return {
    id: d.id,
    trafficker: pseudonymised || !d.traffickerName ? null : { id: d.traffickerId, name: d.traffickerName },
    label: `#${d.ordinal}`,
    sex: d.sex as DefendantSex,
    nationality: d.nationality,
    stage: d.stage,
    stageSince: d.stageSince,
    detention: d.detention,
    sentence: d.prisonMonths === null ? null : { prisonMonths: d.prisonMonths, fineSmlmv: Number(d.fineSmlmv ?? 0), accessoryPenalties: d.accessoryPenalties ?? undefined, reparationOrdered: d.reparationOrdered ?? undefined },
    history,
    moves: nextStages(d.stage),
    version: d.version,
  };
}

export function toProceedingView(
  p: ProceedingRow,
  parts: { victims: ProceedingVictimView[]; defendants: DefendantRow[]; history: (StageEventView & { defendantId: string })[]; hearings: HearingView[]; appeals: AppealView[] },
  pseudonymised: boolean,
): ProceedingView {
  return {
    ...p,
    prosecutorName: pseudonymised ? '' : p.prosecutorName,
    victims: parts.victims.map(({ caseCode, role, protectionMeasures }) => ({ caseCode, role, protectionMeasures })),
    defendants: parts.defendants.map((d) =>
      toDefendantView(
        d,
        parts.history.filter((h) => h.defendantId === d.id).map(({ defendantId: _d, ...h }) => h),
        pseudonymised,
      ),
    ),
    hearings: parts.hearings,
    appeals: parts.appeals,
    pseudonymised,
  };
}
