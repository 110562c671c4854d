// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json for the district's systems.
import { DESK_ACTIONS } from "./run-desk-action.ts";

const filters = [
  ["status", "received,assigned,in_progress,replied,closed,reopened（可逗号分隔多个）"],
  ["group", "群 id（GET /api/v1/groups）"],
  ["community", "社区 / 小区"],
  ["level1", "一级分类"],
  ["level2", "二级分类"],
  ["urgency", "immediate | priority | normal"],
  ["overdue", "true：只看超期未答复的"],
  ["assignee", "办理人（用户 id 或姓名）"],
  ["from", "受理日期起（YYYY-MM-DD，北京时间）"],
  ["to", "受理日期止（YYYY-MM-DD，含当天）"],
  ["q", "编号、反映内容或地点中的文字"],
].map(([name, description]) => ({ name, in: "query", required: false, description, schema: { type: "string" } }));

const periodParams = [
  ["from", "起始日期 YYYY-MM-DD（默认本月 1 日）"],
  ["to", "截止日期 YYYY-MM-DD，含当天（默认今天）"],
  ["group", "群 id"],
].map(([name, description]) => ({ name, in: "query", required: false, description, schema: { type: "string" } }));

const error = {
  description: "refused, with the reason",
  content: {
    "application/json": {
      schema: { type: "object", properties: { error: { type: "string" }, message: { type: "string" } } },
    },
  },
};
const refusals = { "400": error, "401": error, "403": error, "404": error };
const json = (description: string) => ({
  description,
  content: { "application/json": { schema: { type: "object" } } },
});
const numberParam = { name: "number", in: "path", required: true, schema: { type: "string", example: "2026-0007" } };

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "民意 Minyi API",
    version: "1",
    description:
      "Tickets, their stories and actions for people's-congress deputies' work groups. Authenticate with `Authorization: Bearer <token>` (an API token made on the desk, limited to its scopes tickets:read, tickets:write, figures:read, stuck; or the bootstrap MINYI_ADMIN_TOKEN), or with the desk's session cookie plus `X-CSRF-Token` on changes.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer" },
      session: { type: "apiKey", in: "cookie", name: "minyi_session" },
    },
  },
  security: [{ bearer: [] }, { session: [] }],
  paths: {
    "/api/v1/session": {
      post: {
        summary: "Sign in (sets the session cookie)",
        security: [],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["username", "password"],
                properties: { username: { type: "string" }, password: { type: "string" } },
              },
            },
          },
        },
        responses: { "200": json("the account and its CSRF token"), "401": error, "429": error },
      },
      get: { summary: "The signed-in account and its CSRF token", responses: { "200": json("account"), ...refusals } },
      delete: { summary: "Sign out", responses: { "204": { description: "signed out" }, ...refusals } },
    },
    "/api/v1/tickets": {
      get: {
        summary: "Tickets, newest first, keyset-paged",
        parameters: [
          ...filters,
          {
            name: "cursor",
            in: "query",
            required: false,
            schema: { type: "integer" },
            description: "nextCursor of the previous page",
          },
          {
            name: "limit",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, maximum: 200, default: 50 },
          },
        ],
        responses: { "200": json("{items, nextCursor}"), ...refusals },
      },
    },
    "/api/v1/tickets.csv": {
      get: {
        summary: "The filtered list as CSV (UTF-8 with BOM, opens in Excel)",
        parameters: filters,
        responses: {
          "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
          ...refusals,
        },
      },
    },
    "/api/v1/tickets.xlsx": {
      get: {
        summary: "The filtered list as an Excel workbook",
        parameters: filters,
        responses: { "200": { description: "XLSX" }, ...refusals },
      },
    },
    "/api/v1/tickets/{number}": {
      get: {
        summary: "One ticket's whole story: events, posts, residents and ratings",
        parameters: [numberParam],
        responses: { "200": json("ticket"), ...refusals },
      },
    },
    "/api/v1/tickets/{number}/actions": {
      post: {
        summary: "An action, run as the chat command it stands for",
        parameters: [
          numberParam,
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            schema: { type: "string" },
            description: "the same key acts once",
          },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["action"],
                properties: {
                  action: { type: "string", enum: DESK_ACTIONS },
                  note: { type: "string" },
                  outcome: { type: "string", enum: ["fixed", "not_fixed", "not_ours", "duplicate"] },
                  category: { type: "string" },
                  into: { type: "string" },
                  to: { type: "string" },
                },
              },
            },
          },
        },
        responses: {
          "200": json("{applied, message, ticket}"),
          "409": json("not applied: the reason in message"),
          ...refusals,
        },
      },
    },
    "/api/v1/figures": {
      get: {
        summary: "办结率, 解决率, 满意率, overdue, weekly new/closed, categories, hotspots, handlers for a period",
        parameters: periodParams,
        responses: { "200": json("{from, to, figures}"), ...refusals },
      },
    },
    "/api/v1/figures.csv": {
      get: {
        summary: "The figures as CSV (UTF-8 with BOM)",
        parameters: periodParams,
        responses: {
          "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
          ...refusals,
        },
      },
    },
    "/api/v1/figures.xlsx": {
      get: {
        summary: "The figures as an Excel workbook",
        parameters: periodParams,
        responses: { "200": { description: "XLSX" } },
      },
    },
    "/api/v1/figures/weekly.svg": {
      get: {
        summary: "New vs. closed per week (SVG)",
        parameters: periodParams,
        responses: { "200": { description: "SVG" } },
      },
    },
    "/api/v1/figures/categories.svg": {
      get: {
        summary: "Tickets by category (SVG)",
        parameters: periodParams,
        responses: { "200": { description: "SVG" } },
      },
    },
    "/api/v1/stuck": {
      get: {
        summary: "Parked outbound messages, failed inbound ones, blocked destinations (admin, staff)",
        responses: { "200": json("{parked, failed, blocked}"), ...refusals },
      },
    },
    "/api/v1/stuck/outbox/{id}/retry": {
      post: {
        summary: "Queue a parked message again",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": json("{id, status}"), "409": error, ...refusals },
      },
    },
    "/api/v1/stuck/inbox/{id}/retry": {
      post: {
        summary: "Process a failed inbound message again",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": json("{id, status}"), "409": error, ...refusals },
      },
    },
    "/api/v1/audit": {
      get: {
        summary: "The desk's audit trail: changes outside tickets, newest first (admin)",
        responses: { "200": json("{items}"), ...refusals },
      },
    },
    "/api/v1/tokens": {
      get: {
        summary: "API tokens (admin; never the token itself)",
        responses: { "200": json("{items}"), ...refusals },
      },
      post: {
        summary: "Make a token {name, scopes[]}: shown once",
        responses: { "201": json("{id, token, scopes}"), ...refusals },
      },
    },
    "/api/v1/tokens/{id}": {
      delete: {
        summary: "Revoke a token",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "204": { description: "revoked" }, ...refusals },
      },
    },
    "/api/v1/webhooks": {
      get: {
        summary: "Webhook subscriptions with their latest deliveries (admin)",
        responses: { "200": json("{items}"), ...refusals },
      },
      post: {
        summary:
          "Subscribe {url, secret?} to ticket events: POST JSON with X-Minyi-Event, X-Minyi-Timestamp and X-Minyi-Signature = sha256=HMAC-SHA256(secret, timestamp + '.' + body)",
        responses: { "201": json("{id, url, secret}"), ...refusals },
      },
    },
    "/api/v1/webhooks/{id}": {
      delete: {
        summary: "Stop a subscription",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "204": { description: "stopped" }, ...refusals },
      },
    },
    "/api/v1/webhooks/deliveries/{id}/replay": {
      post: {
        summary: "Send a delivery again",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "201": json("{id, status}"), ...refusals },
      },
    },
    "/api/v1/deputies/points": {
      get: {
        summary:
          "Every deputy's duty points for a period (2026-12, 2026-Q4, 2026): total, rank, rank within each deputy group, breakdown, months without an opinion",
        parameters: [{ name: "period", in: "query", required: true, schema: { type: "string", example: "2026-12" } }],
        responses: { "200": json("{period, deputies}"), ...refusals },
      },
    },
    "/api/v1/deputies/activities": {
      get: {
        summary: "Activities staff logged in a period",
        parameters: [{ name: "period", in: "query", required: true, schema: { type: "string" } }],
        responses: { "200": json("{kinds, items}"), ...refusals },
      },
      post: {
        summary: "Log an activity {deputyId, kind, date, note?, evidence?} (admin, staff)",
        responses: { "201": json("activity"), ...refusals },
      },
    },
    "/api/v1/hotspots": {
      get: {
        summary:
          "Hotspots: matters recurring in a period (same level2 at the same place, or close wording), with evidence: tickets, residents, groups, places, dates, closed and time to close, satisfaction, masked quotes",
        parameters: [
          { name: "from", in: "query", required: true, schema: { type: "string", format: "date" } },
          { name: "to", in: "query", required: true, schema: { type: "string", format: "date" } },
          { name: "group", in: "query", schema: { type: "integer" } },
          { name: "min", in: "query", schema: { type: "integer", minimum: 2 } },
        ],
        responses: { "200": json("{from, to, items}"), ...refusals },
      },
    },
    "/api/v1/proposals": {
      get: {
        summary: "Proposals (代表建议) with their tracking figures: submitted, answered, 办结率, 满意率",
        responses: { "200": json("{figures, items}"), ...refusals },
      },
      post: {
        summary:
          "Draft a proposal from a hotspot {hotspot: key, from, to} (offline; reworded by the LLM when configured)",
        responses: { "201": json("proposal"), ...refusals },
      },
    },
    "/api/v1/proposals/{id}": {
      get: {
        summary: "One proposal: title, sections, status, related tickets",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": json("proposal"), ...refusals },
      },
      patch: {
        summary:
          "Edit the draft {title, cause, situation, analysis, suggestions} or track it {status, handlingUnit, reply, satisfaction}",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": json("proposal"), ...refusals },
      },
    },
    "/api/v1/proposals/{id}.docx": {
      get: {
        summary: "The proposal as a Word document (also .md for Markdown)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "DOCX" }, ...refusals },
      },
    },
    "/api/v1/deputies/activities/{id}": {
      delete: {
        summary: "Void a logged activity",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "204": { description: "voided" }, ...refusals },
      },
    },
    "/api/v1/groups": { get: { summary: "Groups", responses: { "200": json("{items}"), ...refusals } } },
  },
} as const;
