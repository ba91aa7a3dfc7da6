/** How an API response names an institution it points at. */
export interface InstitutionRef {
  id: string;
  code: string;
  name: string;
}

/** How an API response names a user it points at (an author, an assignee, an interviewer). */
export interface UserRef {
  id: string;
  name: string;
}
