// Who may do what. Triage decisions (re-categorise, merge, reopen) are the committee staff's; handling
// (claim, progress, answer, close) is shared by deputies and staff; anyone may look. Rating and
// withdrawing belong to the resident who reported the matter and are checked against the ticket.
import type { Role } from "../roles/role.ts";
import type { Verb } from "./command.ts";

const STAFF: readonly Role[] = ["staff"];
const HANDLERS: readonly Role[] = ["deputy", "staff"];
const EVERYONE: readonly Role[] = ["resident", "deputy", "staff"];

export const ALLOWED_ROLES: Record<Verb, readonly Role[]> = {
  claim: HANDLERS,
  progress: HANDLERS,
  reply: HANDLERS,
  close: HANDLERS,
  recategorize: STAFF,
  merge: STAFF,
  reopen: STAFF,
  query: EVERYONE,
  rate: EVERYONE,
  withdraw: EVERYONE,
  mine: EVERYONE,
  stats: EVERYONE,
  "contact-book": HANDLERS,
  "reception-log": STAFF,
  "reception-issue": HANDLERS,
  help: EVERYONE,
};

export function mayRun(role: Role, verb: Verb): boolean {
  return ALLOWED_ROLES[verb].includes(role);
}
