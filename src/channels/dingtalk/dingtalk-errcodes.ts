// DingTalk errcodes that change what the outbox does (custom robot and sessionWebhook answers).
import type { ErrcodeTable } from "../../outbox/errcode-meaning.ts";

export const DINGTALK_ERRCODES: ErrcodeTable = {
  130101: {
    permanent: false,
    throttleMs: 10 * 60_000,
    hint: "DingTalk: more than 20 messages a minute; the robot is blocked for 10 minutes",
  },
  310000: {
    permanent: true,
    hint: "DingTalk: the robot's security check failed (加签 secret, keyword or IP allow-list)",
  },
  300001: { permanent: true, hint: "DingTalk: the session or robot token does not exist (expired sessionWebhook?)" },
};
