// The shipped closed-loop settings (assets/taxonomy.json, config/sla.json, the official holiday schedule),
// for tests that run the conversation without the whole service.
import type { ClosedLoopSettings } from "../../src/conversation/closed-loop-settings.ts";
import { createBusinessCalendar } from "../../src/infra/business-calendar.ts";
import { DEFAULT_SLA_FILE, readSlaPolicy } from "../../src/tickets/sla-policy.ts";
import { DEFAULT_TAXONOMY_FILE } from "../../src/understanding/classify/offline-classifier.ts";
import { readTaxonomy } from "../../src/understanding/classify/taxonomy.ts";

export function closedLoopSettings(): ClosedLoopSettings {
  return {
    taxonomy: readTaxonomy(DEFAULT_TAXONOMY_FILE),
    sla: readSlaPolicy(DEFAULT_SLA_FILE),
    calendar: createBusinessCalendar(),
    relatedWindowDays: 30,
    confirmWindowMs: 30 * 60_000,
  };
}
