// Service-wide settings staff change on the desk (admins), stored in the database and followed by every
// replica within seconds (src/infra/db/live-setting.ts); until changed there, the files are used:
//   GET/PUT /api/v1/settings/sla        the SLA tiers as in config/sla.json (dayEndsAt, tiers, complexCategories)
//   GET/PUT /api/v1/settings/holidays   extra days off and make-up working days besides the official schedule
//   GET/PUT /api/v1/settings/duty-points  the duty ledger's points rules as in config/duty-points.json (kinds:
//                                         label, points, capPerPeriod); every ledger is recomputed from them
// A new SLA applies to deadlines set from then on; tickets keep the deadlines they have.
import type Router from "@koa/router";
import type { Context } from "koa";
import type { Logger } from "../../infra/create-logger.ts";
import { CalendarOverridesSchema, type CalendarOverrides } from "../../infra/business-calendar.ts";
import { writeSetting } from "../../infra/db/live-setting.ts";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { SlaPolicySchema, type SlaPolicy } from "../../tickets/sla-policy.ts";
import { PointsRulesSchema, type PointsRules } from "../../ledger/points-rules.ts";
import { recordDeskAudit } from "../desk-audit.ts";
import { parseOrRefuse } from "./chinese-issues.ts";
import { authenticate, checkCsrf, requireAdmin, type AuthDeps } from "./principal.ts";

export const SLA_SETTING = "sla-policy";
export const HOLIDAYS_SETTING = "calendar-overrides";
export const POINTS_SETTING = "duty-points";

interface Followed<T> {
  current(): T;
  /** Re-reads the database, so this replica applies a change at once. */
  refresh(): Promise<void>;
}

export interface SettingsApiDeps extends AuthDeps {
  log: Logger;
  settings: { sla: Followed<SlaPolicy>; holidays: Followed<CalendarOverrides>; points: Followed<PointsRules> };
}

export function mountSettingsApi(router: Router, deps: SettingsApiDeps): void {
  const mount = <T>(
    path: string,
    key: string,
    followed: Followed<T>,
    schema: Parameters<typeof parseOrRefuse<T>>[0],
    what: string,
  ) => {
    router.get(path, async (ctx: Context) => {
      requireAdmin(await authenticate(ctx, deps));
      ctx.body = followed.current();
    });
    router.put(path, async (ctx: Context) => {
      const who = await authenticate(ctx, deps);
      requireAdmin(who);
      checkCsrf(ctx, who);
      const value = parseOrRefuse(schema, parseJsonObject(await readBody(ctx, 64 * 1024), "body"), what);
      await writeSetting(deps.db, key, value);
      await followed.refresh();
      await recordDeskAudit(
        deps.db,
        deps.log,
        { actor: who.username, action: `settings.${key}`, target: key },
        deps.now(),
      );
      ctx.body = followed.current();
    });
  };
  mount("/api/v1/settings/sla", SLA_SETTING, deps.settings.sla, SlaPolicySchema, "办理时限");
  mount("/api/v1/settings/holidays", HOLIDAYS_SETTING, deps.settings.holidays, CalendarOverridesSchema, "节假日设置");
  mount("/api/v1/settings/duty-points", POINTS_SETTING, deps.settings.points, PointsRulesSchema, "积分规则");
}
