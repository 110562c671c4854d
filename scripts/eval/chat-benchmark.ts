// The chat benchmark: labeled group messages ({"id","text","expect":{isMatter,urgent,level1,requestType,
// place}}) analysed exactly as the service analyses them, scored as the data's README says:
//   urgent       recall and precision over all cases
//   isMatter     accuracy over all cases
//   level1, requestType   accuracy over the cases that are matters
//   place        over matters that name one: correct when the returned place equals an accepted string or
//                contains one; a non-place is a place returned where none is named, or one that contains
//                none of the accepted strings (its rate is over all cases)
//   digit leaks  masked texts that still hold a run of 7+ digits or a licence plate
import { readFileSync } from "node:fs";
import type { Analysis } from "../../src/understanding/analyze-message.ts";

export interface ChatCase {
  id: string;
  text: string;
  expect: {
    isMatter: boolean;
    urgent: boolean;
    level1: string | null;
    requestType: string | null;
    place: string[] | null;
  };
}

export function readChatCases(file: string): ChatCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ChatCase);
}

const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•]?[A-HJ-NP-Z0-9]{5,6}/;

export interface ChatScore {
  cases: number;
  urgentRecall: number;
  urgentPrecision: number;
  isMatterAccuracy: number;
  level1Accuracy: number;
  requestTypeAccuracy: number;
  placeCorrect: number;
  nonPlaceRate: number;
  digitLeaks: number;
  /** Cases that went wrong, by what: for reading, not for matching strings. */
  misses: Array<{ id: string; what: string; got: unknown; want: unknown }>;
}

export function scoreChat(cases: ChatCase[], analyses: Analysis[]): ChatScore {
  const n = {
    tp: 0,
    fp: 0,
    fn: 0,
    matterOk: 0,
    l1Ok: 0,
    rtOk: 0,
    matters: 0,
    named: 0,
    placeOk: 0,
    nonPlace: 0,
    leaks: 0,
  };
  const misses: ChatScore["misses"] = [];
  cases.forEach((c, i) => {
    const a = analyses[i]!;
    const e = c.expect;
    if (a.urgent && e.urgent) n.tp++;
    else if (a.urgent) {
      n.fp++;
      misses.push({ id: c.id, what: "urgent", got: a.urgentReason, want: false });
    } else if (e.urgent) {
      n.fn++;
      misses.push({ id: c.id, what: "urgent", got: false, want: true });
    }
    if (a.isMatter === e.isMatter) n.matterOk++;
    else misses.push({ id: c.id, what: "isMatter", got: a.isMatter, want: e.isMatter });
    if (e.isMatter) {
      n.matters++;
      if (a.level1 === e.level1) n.l1Ok++;
      else misses.push({ id: c.id, what: "level1", got: a.level1, want: e.level1 });
      if (a.requestType === e.requestType) n.rtOk++;
    }
    const got = a.place;
    const accepted = e.place ?? [];
    const fits = got !== null && accepted.some((p) => got === p || got.includes(p));
    if (e.isMatter && accepted.length) {
      n.named++;
      if (fits) n.placeOk++;
      else misses.push({ id: c.id, what: "place", got, want: accepted[0] });
    }
    if (got !== null && !fits) {
      n.nonPlace++;
      if (!accepted.length) misses.push({ id: c.id, what: "non-place", got, want: null });
    }
    if (/\d{7,}/.test(a.masked) || PLATE.test(a.masked)) n.leaks++;
  });
  const r = (x: number, d: number) => (d === 0 ? 1 : Number((x / d).toFixed(4)));
  return {
    cases: cases.length,
    urgentRecall: r(n.tp, n.tp + n.fn),
    urgentPrecision: r(n.tp, n.tp + n.fp),
    isMatterAccuracy: r(n.matterOk, cases.length),
    level1Accuracy: r(n.l1Ok, n.matters),
    requestTypeAccuracy: r(n.rtOk, n.matters),
    placeCorrect: r(n.placeOk, n.named),
    nonPlaceRate: r(n.nonPlace, cases.length),
    digitLeaks: n.leaks,
    misses,
  };
}
