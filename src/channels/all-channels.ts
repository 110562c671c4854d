// The table of channels the service is assembled from (src/main.ts). One row per platform.
import type { Channel } from "./channel.ts";
import { dingtalkChannel } from "./dingtalk/dingtalk-channel.ts";
import { wecomChannel } from "./wecom/wecom-channel.ts";

export const CHANNELS: readonly Channel[] = [wecomChannel, dingtalkChannel];
