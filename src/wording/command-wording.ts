// What people read about each chat command: its usage line (shown for "帮助" and for a command written
// incompletely) and its name in a refusal ("抱歉，“认领”需要由…操作"). One entry per command descriptor
// (src/conversation/commands/).

export interface CommandWording {
  usage: string;
  label: string;
}

export const COMMAND_WORDING = {
  claim: { usage: "认领 #2026-0007", label: "认领" },
  release: { usage: "释放 #2026-0007", label: "释放工单" },
  transfer: { usage: "转办 #2026-0007 给 李代表", label: "转办" },
  progress: { usage: "进展 #2026-0007 已联系市政，下周更换灯杆", label: "登记进展" },
  reply: { usage: "答复 #2026-0007 已与物业协商，本周内清理完毕", label: "答复" },
  close: { usage: "办结 #2026-0007 路灯已修复（未能解决时写：办结 #2026-0007 未解决 原因）", label: "办结" },
  recategorize: { usage: "改类 #2026-0007 停车管理", label: "修改分类" },
  merge: { usage: "合并 #2026-0009 到 #2026-0007", label: "合并工单" },
  query: { usage: "查询 #2026-0007", label: "查询" },
  rate: { usage: "评价 #2026-0007 满意（可选 满意 / 基本满意 / 不满意；问题没有解决请写 未解决）", label: "评价" },
  withdraw: { usage: "撤回 #2026-0007", label: "撤回" },
  reopen: { usage: "重办 #2026-0007 居民反映仍未修好", label: "重新办理" },
  mine: { usage: "我的工单", label: "查看我的工单" },
  stats: { usage: "统计", label: "查看统计" },
  "contact-book": { usage: "联系册", label: "查看联系册" },
  "reception-log": { usage: "接待登记 12月10日 来访 8 人 到场 张代表、李代表", label: "登记接待日" },
  "reception-issue": { usage: "接待问题 12月10日 幸福路菜市场门口占道经营，早高峰拥堵", label: "登记接待日问题" },
  "duty-log": { usage: "履职登记 张代表 视察 12月5日 到幸福小区查看加装电梯进展", label: "登记代表履职" },
  hotspots: { usage: "热点", label: "查看本月热点" },
  "draft-proposal": { usage: "建议草稿 1", label: "据热点起草代表建议" },
  help: { usage: "帮助", label: "帮助" },
} as const satisfies Record<string, CommandWording>;
