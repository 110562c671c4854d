// This deployment's corrections as training examples. A label no longer in the (admin-edited)
// taxonomy is skipped rather than breaking the model.
import type { Db } from "../../infra/db/create-database.ts";
import type { LabeledExample } from "./labeled-examples.ts";
import type { Taxonomy } from "./taxonomy.ts";

export async function loadCorrections(db: Db, taxonomy: Taxonomy): Promise<LabeledExample[]> {
  const rows = await db.trainingExample.findMany({ orderBy: { id: "asc" }, select: { text: true, label: true } });
  return rows.filter((r) => taxonomy.parentOf.has(r.label) || r.label === taxonomy.nonIssueLabel);
}
