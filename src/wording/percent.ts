// The one way a rate is written in every post: to one decimal as committees publish them ("93.5%"), without
// a trailing ".0" ("20%", "100%"), and "—" when there is nothing to divide by.
export function percent(ratio: number | null): string {
  if (ratio === null) return "—";
  return `${Math.round(ratio * 1000) / 10}%`;
}
