// What a platform's errcode means for delivery. Both platforms answer HTTP 200 when they refuse, so the
// errcode is the only signal. Three outcomes: retry this message later (transient), stop sending to the
// whole destination for a while (throttled: the robot is over its rate limit), or park the message with
// a reason an admin can act on (permanent). Each channel keeps its platform's table
// (src/channels/<platform>/<platform>-errcodes.ts); a code no table knows is treated as permanent.

export interface ErrcodeMeaning {
  permanent: boolean;
  /** Sending to this destination must pause this long (the platform is rate-limiting the robot). */
  throttleMs?: number;
  /** For the admin reading a parked message. */
  hint: string;
}

export type ErrcodeTable = Readonly<Record<number, ErrcodeMeaning>>;

export function errcodeMeaning(table: ErrcodeTable, errcode: number): ErrcodeMeaning {
  return table[errcode] ?? { permanent: true, hint: "not a known transient code" };
}
