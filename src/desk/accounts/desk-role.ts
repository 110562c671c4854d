// The desk's roles. admin: everything, accounts too; staff: every group's tickets and their actions;
// deputy: the tickets of the groups they are a deputy of, and the handling actions there; viewer: reads only.
// An action is taken in a chat role (src/groups/role.ts), so the command code checks it as it would in a chat.
import type { Role } from "../../groups/role.ts";

export const DESK_ROLES = ["admin", "staff", "deputy", "viewer"] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

export const DESK_ROLE_LABEL: Record<DeskRole, string> = {
  admin: "管理员",
  staff: "工作人员",
  deputy: "代表",
  viewer: "只读",
};

/** The chat role a desk role acts in; null: it may not act. */
export function chatRoleOf(role: DeskRole): Exclude<Role, "resident"> | null {
  if (role === "admin" || role === "staff") return "staff";
  if (role === "deputy") return "deputy";
  return null;
}

export function isDeskRole(value: string): value is DeskRole {
  return (DESK_ROLES as readonly string[]).includes(value);
}
