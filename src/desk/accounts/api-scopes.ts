// What an API token may do. A signed-in account may do what its role allows (all scopes); a token only what
// its scopes name, and acts as staff where it may act at all.
export const API_SCOPES = ["tickets:read", "tickets:write", "figures:read", "stuck"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABEL: Record<ApiScope, string> = {
  "tickets:read": "查看工单",
  "tickets:write": "办理工单",
  "figures:read": "查看统计",
  stuck: "查看和重试异常消息",
};

export function parseScopes(value: string): ApiScope[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}
