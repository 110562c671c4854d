// WeCom errcodes that change what the outbox does (webhook doc 99110, message/send doc 90236, long
// connection doc 101463 as reported in shared/docs/platforms.md §1.4).
import type { ErrcodeTable } from "../../outbox/errcode-meaning.ts";

export const WECOM_ERRCODES: ErrcodeTable = {
  [-1]: { permanent: false, hint: "WeCom: system busy" },
  45009: { permanent: false, throttleMs: 60_000, hint: "WeCom: frequency limit (20 messages a minute per robot)" },
  40058: { permanent: true, hint: "WeCom: content over the length limit (markdown ≤ 4096 bytes)" },
  846605: { permanent: true, hint: "WeCom long connection: invalid req_id (the message can no longer be answered)" },
  846608: { permanent: true, hint: "WeCom long connection: stream expired (not updated for 6 minutes)" },
  93000: { permanent: true, hint: "WeCom: invalid webhook URL (robot removed from the group?)" },
};
