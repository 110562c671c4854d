// What the closed loop needs beyond the database: the category tree (for 改类), the deadline policy and
// the working-day calendar, how far back a new report is compared with open tickets, and a hook that
// tells the classifier a correction was stored.
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import type { SlaPolicy } from "../tickets/sla-policy.ts";
import type { Taxonomy } from "../understanding/classify/taxonomy.ts";

export interface ClosedLoopSettings {
  taxonomy: Taxonomy;
  sla: SlaPolicy;
  calendar: BusinessCalendar;
  /** A new report is compared with open tickets of its group opened within this many days. */
  relatedWindowDays: number;
  /** How long a "需要登记吗？" question waits for the sender's answer, in milliseconds. */
  confirmWindowMs: number;
  /** Called after a transaction that stored a staff correction (改类) committed. */
  onCorrection?: () => void;
}
