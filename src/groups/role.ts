// The roles a person has in a group. Deputies and staff are listed per group in the groups file;
// everyone else is a resident.
export const ROLES = ["resident", "deputy", "staff"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = { resident: "居民", deputy: "人大代表", staff: "工作人员" };

export interface Actor {
  id: string;
  name: string | null;
  role: Role;
}
