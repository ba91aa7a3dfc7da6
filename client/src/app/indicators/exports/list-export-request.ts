import { CaseSearchFilters, CreateExportRequest } from '@ruta/shared';

/**
 * The case list's filters as the body of an export request: codes only. A name or a document number cannot travel in
 * an export request, so a list filtered by one cannot be exported as shown (`null`: the panel says so).
 */
export function listExportFilters(criteria: CaseSearchFilters): Partial<CreateExportRequest> | null {
  if (criteria.name || criteria.documentNumber) return null;
  const request: Partial<CreateExportRequest> = {};
  if (criteria.status?.length) request.statuses = [...criteria.status];
  if (criteria.institutionId?.length) request.institutionIds = [...criteria.institutionId];
  if (criteria.purpose?.length) request.purposes = [...criteria.purpose];
  if (criteria.departmentCode) request.departmentCode = criteria.departmentCode;
  if (criteria.minor !== undefined) request.minor = criteria.minor;
  if (criteria.assignedToMe) request.assignedToMe = true;
  if (criteria.code) request.code = criteria.code;
  if (criteria.identifiedFrom) request.from = criteria.identifiedFrom;
  if (criteria.identifiedTo) request.to = criteria.identifiedTo;
  if (criteria.createdFrom) request.createdFrom = criteria.createdFrom;
  if (criteria.createdTo) request.createdTo = criteria.createdTo;
  return request;
}
