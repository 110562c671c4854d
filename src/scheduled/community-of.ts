// The community (小区 / 社区 / 村 …) a ticket's place belongs to, for the digests' per-community lines:
// "阳光小区 3号楼 / 东门" → "阳光小区". A place that names no community is counted under itself.

const COMMUNITY = /^(.{1,12}?(?:小区|社区|村|新村|花园|家园|公寓|苑|园|里|坊|城))/;

export function communityOf(place: string | null): string | null {
  if (!place) return null;
  const first = place.split(" / ")[0]!.trim();
  if (!first) return null;
  return COMMUNITY.exec(first)?.[1] ?? first;
}
