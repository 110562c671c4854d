// What the closed loop needs beyond the database: the category tree (for 改类), the deadline policy and
// the working-day calendar, how far back a new report is compared with open tickets, and a hook that
// tells the classifier a correction was stored.
import type { BusinessCalendar } from "../calendar/business-calendar.ts";
import { createBusinessCalendar } from "../calendar/business-calendar.ts";
import { DEFAULT_SLA_FILE, readSlaPolicy, type SlaPolicy } from "../sla/sla-policy.ts";
import { DEFAULT_TAXONOMY_FILE } from "../understanding/offline-classifier.ts";
import { readTaxonomy, type Taxonomy } from "../understanding/taxonomy.ts";

export interface ClosedLoopSettings {
  taxonomy: Taxonomy;
  sla: SlaPolicy;
  calendar: BusinessCalendar;
  /** A new report is compared with open tickets of its group opened within this many days. */
  relatedWindowDays: number;
  /** Called after a transaction that stored a staff correction (改类) committed. */
  onCorrection?: () => void;
}

/** The shipped defaults (assets/taxonomy.json, config/sla.json, the official holiday schedule). */
export function defaultClosedLoopSettings(): ClosedLoopSettings {
  return {
    taxonomy: readTaxonomy(DEFAULT_TAXONOMY_FILE),
    sla: readSlaPolicy(DEFAULT_SLA_FILE),
    calendar: createBusinessCalendar(),
    relatedWindowDays: 30,
  };
}
