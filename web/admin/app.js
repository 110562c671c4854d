// The desk page: plain JavaScript modules, no framework and no build step, served by the service. Every
// value from the server goes into the page as text (textContent), never as HTML. Routes: #/ (the ticket
// list with filters) and #/t/<number> (one ticket's story and its actions).

const main = document.getElementById("main");
const who = document.getElementById("who");
const signOut = document.getElementById("sign-out");
const toast = document.getElementById("toast");
let me = null;

/** Builds an element: h("a", { href: "#/" }, "text", child …). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity))
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

function show(...nodes) {
  main.replaceChildren(...nodes);
  main.focus();
}

function say(text) {
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => (toast.hidden = true), 4000);
}

async function api(path, options = {}) {
  const headers = { accept: "application/json", ...(options.headers || {}) };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.method && options.method !== "GET" && me) headers["x-csrf-token"] = me.csrfToken;
  const res = await fetch(path, {
    ...options,
    headers,
    credentials: "same-origin",
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.status === 401 && path !== "/api/v1/session") {
    me = null;
    renderSignIn();
    throw new Error("请先登录");
  }
  return { ok: res.ok, status: res.status, data };
}

const fmt = (iso) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "");

const URGENCY = { immediate: "紧急", priority: "优先", normal: "一般" };
const STATUS = {
  received: "待认领",
  assigned: "已认领",
  in_progress: "办理中",
  replied: "已答复",
  closed: "已办结",
  reopened: "重新办理",
};
const EVENT = {
  created: "受理",
  assigned: "认领",
  progress: "进展",
  replied: "答复",
  closed: "办结",
  reopened: "重新办理",
  recategorized: "改类",
  merged: "合并",
  follow_up: "补充",
  duplicate_linked: "同一问题",
  rated: "评价",
  nudged: "催办",
  withdrawn: "撤回",
  released: "释放",
  transferred: "转办",
};
const SOURCE = { chat: "群聊", web: "工作台", job: "定时任务", api: "接口" };

// --- sign in -------------------------------------------------------------------------------------------

function renderSignIn(message) {
  who.textContent = "";
  signOut.hidden = true;
  const error = h("p", { class: "error", role: "alert" }, message || "");
  const form = h(
    "form",
    { class: "signin card", "aria-label": "登录" },
    h("h1", {}, "登录工作台"),
    h("label", {}, "用户名", h("input", { name: "username", autocomplete: "username", required: true })),
    h(
      "label",
      {},
      "密码",
      h("input", { name: "password", type: "password", autocomplete: "current-password", required: true }),
    ),
    h("button", { class: "primary", type: "submit" }, "登录"),
    error,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const r = await api("/api/v1/session", {
      method: "POST",
      body: { username: f.get("username"), password: f.get("password") },
    });
    if (!r.ok) return void (error.textContent = r.data?.message || "登录失败");
    me = r.data;
    route();
  });
  show(form);
}

signOut.addEventListener("click", async () => {
  await api("/api/v1/session", { method: "DELETE" }).catch(() => {});
  me = null;
  location.hash = "#/";
  renderSignIn("已退出登录");
});

// --- the list ------------------------------------------------------------------------------------------

const FILTERS = ["status", "group", "urgency", "overdue", "q", "from", "to", "level1", "community"];

function filtersFromHash() {
  const q = new URLSearchParams(location.hash.split("?")[1] || "");
  return Object.fromEntries(FILTERS.filter((k) => q.get(k)).map((k) => [k, q.get(k)]));
}

async function renderList() {
  const filters = filtersFromHash();
  const groups = (await api("/api/v1/groups")).data?.items || [];
  const select = (name, label, options) =>
    h(
      "label",
      {},
      label,
      h(
        "select",
        { name },
        h("option", { value: "" }, "全部"),
        options.map(([value, text]) => h("option", { value, selected: filters[name] === String(value) }, text)),
      ),
    );
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "筛选工单" },
    select("status", "状态", Object.entries(STATUS)),
    select(
      "group",
      "群",
      groups.map((g) => [g.id, g.name]),
    ),
    select("urgency", "紧急程度", Object.entries(URGENCY)),
    h("label", {}, "关键词", h("input", { name: "q", value: filters.q || "", placeholder: "编号、内容或地点" })),
    h("label", {}, "受理日期起", h("input", { name: "from", type: "date", value: filters.from || "" })),
    h("label", {}, "至", h("input", { name: "to", type: "date", value: filters.to || "" })),
    h(
      "label",
      { class: "inline" },
      h("input", { name: "overdue", type: "checkbox", value: "true", checked: filters.overdue === "true" }),
      "只看超期",
    ),
    h("button", { class: "primary", type: "submit" }, "筛选"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, String(v));
    location.hash = `#/?${q}`;
  });
  const query = new URLSearchParams(filters);
  const exportLink = h(
    "a",
    { href: `/api/v1/tickets.csv?${query}`, download: "tickets.csv" },
    "导出 CSV（Excel 可打开）",
  );
  const body = h("tbody");
  const table = h(
    "table",
    { class: "list" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["编号", "状态", "分类", "内容", "地点", "所在群", "受理时间", "办理人"].map((t) =>
          h("th", { scope: "col" }, t),
        ),
      ),
    ),
    body,
  );
  const more = h("button", { type: "button", hidden: true }, "下一页");
  const count = h("span", { class: "muted" });
  let cursor = null;
  let shown = 0;
  async function load() {
    const q = new URLSearchParams(filters);
    if (cursor) q.set("cursor", cursor);
    const r = await api(`/api/v1/tickets?${q}`);
    if (!r.ok) return say(r.data?.message || "加载失败");
    for (const t of r.data.items) {
      body.append(
        h(
          "tr",
          {},
          h("td", {}, h("a", { href: `#/t/${t.number}` }, `#${t.number}`)),
          h(
            "td",
            {},
            t.statusLabel,
            t.urgency === "immediate" ? [" ", h("span", { class: "tag urgent" }, "紧急")] : null,
            t.overdue ? [" ", h("span", { class: "tag overdue" }, "超期")] : null,
          ),
          h("td", {}, `${t.level1} / ${t.level2}`),
          h("td", {}, t.summary),
          h("td", {}, t.place || ""),
          h("td", {}, t.group?.name || ""),
          h("td", {}, fmt(t.createdAt)),
          h("td", {}, t.assignee || ""),
        ),
      );
    }
    shown += r.data.items.length;
    count.textContent = shown ? `已显示 ${shown} 件` : "没有符合条件的工单";
    cursor = r.data.nextCursor;
    more.hidden = !cursor;
  }
  more.addEventListener("click", load);
  const xlsxLink = h("a", { href: `/api/v1/tickets.xlsx?${query}`, download: "tickets.xlsx" }, "导出 Excel");
  show(
    h("h1", {}, "工单"),
    form,
    h("p", {}, exportLink, " · ", xlsxLink),
    table,
    h("div", { class: "pager" }, more, count),
  );
  await load();
}

// --- one ticket ----------------------------------------------------------------------------------------

function actionForm(number, title, action, fields, buttonText, primary = false) {
  const form = h(
    "form",
    { class: "card", "aria-label": title },
    h("h2", {}, title),
    fields,
    h("button", { type: "submit", class: primary ? "primary" : "" }, buttonText),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = { action, ...Object.fromEntries(new FormData(form)) };
    const r = await api(`/api/v1/tickets/${number}/actions`, {
      method: "POST",
      body,
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    if (!r.data) return say("操作失败，请重试");
    say(r.data.applied ? "已完成，群里已收到通知" : r.data.message || r.data.error || "未执行");
    if (r.data.ticket) renderTicketData(r.data.ticket);
  });
  return form;
}

function renderTicketData(t) {
  const canAct = me && me.role !== "viewer";
  const facts = h(
    "dl",
    { class: "facts" },
    [
      ["状态", t.statusLabel],
      ["分类", `${t.level1} / ${t.level2}`],
      ["紧急程度", URGENCY[t.urgency] || t.urgency],
      ["地点", t.place || "—"],
      ["所在群", t.group?.name || "—"],
      ["反映人", t.reporter || "—"],
      ["受理时间", fmt(t.createdAt)],
      ["答复期限", t.feedbackDueAt ? `${fmt(t.feedbackDueAt)}${t.overdue ? "（已超期）" : ""}` : "—"],
      ["办理人", t.assignee || "—"],
      ["涉及居民", `${t.affected} 人`],
    ].map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
  );
  const timeline = h(
    "ol",
    { class: "timeline" },
    t.events.map((e) =>
      h(
        "li",
        {},
        h("strong", {}, EVENT[e.kind] || e.kind),
        ` · ${e.actor} · ${fmt(e.at)} · 来自${SOURCE[e.source] || e.source}`,
        e.note ? h("div", {}, e.note) : null,
      ),
    ),
  );
  const posts = h(
    "ol",
    { class: "timeline", "aria-label": "发出的消息" },
    t.posts.map((p) =>
      h(
        "li",
        {},
        h(
          "span",
          { class: "muted" },
          `${p.status === "sent" ? "已发送" : p.status === "parked" ? "未能发送" : "待发送"} · ${fmt(p.sentAt || p.createdAt)}`,
        ),
        h("div", { class: "post" }, p.markdown),
        p.status === "parked" && p.lastError ? h("div", { class: "error" }, p.lastError) : null,
      ),
    ),
  );
  const residents = h(
    "ul",
    {},
    t.residents.map((r) =>
      h(
        "li",
        {},
        `${r.name || "居民"}${r.rating ? ` · 评价：${r.rating}` : ""}${r.resolved === false ? " · 认为未解决" : ""}`,
      ),
    ),
  );
  const note = (label, required) => h("label", {}, label, h("textarea", { name: "note", required }));
  const actions = !canAct
    ? null
    : t.open
      ? h(
          "section",
          { class: "actions", "aria-label": "办理" },
          actionForm(t.number, "认领", "claim", [], "认领"),
          actionForm(t.number, "记录进展", "progress", [note("进展情况", true)], "记录进展"),
          actionForm(t.number, "答复居民", "reply", [note("答复内容（会发到群里）", true)], "答复"),
          actionForm(
            t.number,
            "办结",
            "close",
            [
              h(
                "label",
                {},
                "办理结果",
                h(
                  "select",
                  { name: "outcome" },
                  h("option", { value: "fixed" }, "已解决"),
                  h("option", { value: "not_fixed" }, "未能解决"),
                  h("option", { value: "not_ours" }, "不属于本级职责"),
                  h("option", { value: "duplicate" }, "重复反映"),
                ),
              ),
              note("办结说明（会发到群里）", false),
            ],
            "办结",
            true,
          ),
        )
      : h(
          "section",
          { class: "actions", "aria-label": "办理" },
          actionForm(t.number, "重新办理", "reopen", [note("原因", false)], "重新办理"),
        );
  show(
    h("p", {}, h("a", { href: "#/" }, "← 返回工单列表")),
    h("h1", {}, `工单 #${t.number}`),
    h("section", { class: "card" }, facts, h("h2", {}, "反映内容"), h("p", {}, t.text)),
    actions,
    h("section", { class: "card" }, h("h2", {}, "办理经过"), timeline),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "群里收到的消息"),
      posts.childElementCount ? posts : h("p", { class: "muted" }, "暂无"),
    ),
    h("section", { class: "card" }, h("h2", {}, "居民与评价"), residents),
  );
}

async function renderTicket(number) {
  const r = await api(`/api/v1/tickets/${encodeURIComponent(number)}`);
  if (!r.ok)
    return show(
      h("p", {}, h("a", { href: "#/" }, "← 返回")),
      h("p", { class: "error" }, r.data?.message || "没有这件工单"),
    );
  renderTicketData(r.data);
}

// --- figures -------------------------------------------------------------------------------------------

const pct = (r) => (r === null || r === undefined ? "—" : `${Math.round(r * 1000) / 10}%`);

async function renderFigures() {
  const q = new URLSearchParams(location.hash.split("?")[1] || "");
  const r = await api(`/api/v1/figures?${q}`);
  if (!r.ok) return show(h("p", { class: "error" }, r.data?.message || "加载失败"));
  const { from, to, figures: f } = r.data;
  const period = new URLSearchParams({ from, to });
  const form = h(
    "form",
    { class: "filters", "aria-label": "统计期" },
    h("label", {}, "起", h("input", { name: "from", type: "date", value: from })),
    h("label", {}, "止", h("input", { name: "to", type: "date", value: to })),
    h("button", { class: "primary", type: "submit" }, "查看"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/figures?${new URLSearchParams(new FormData(form))}`;
  });
  const kpi = (label, value) =>
    h("div", { class: "kpi" }, h("div", { class: "muted" }, label), h("strong", {}, String(value)));
  const table = (head, rows) =>
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          head.map((x) => h("th", { scope: "col" }, x)),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((row) =>
          h(
            "tr",
            {},
            row.map((x) => h("td", {}, String(x))),
          ),
        ),
      ),
    );
  show(
    h("h1", {}, "数据"),
    form,
    h(
      "section",
      { class: "kpis", "aria-label": "闭环指标" },
      kpi("新收工单", f.received),
      kpi("已办结", f.closed),
      kpi("办结率", pct(f.closureRate)),
      kpi("解决率", pct(f.resolutionRate)),
      kpi("满意率", pct(f.satisfactionRate)),
      kpi("超期未答复", f.overdue),
    ),
    h(
      "p",
      {},
      h(
        "a",
        { href: `/api/v1/figures.csv?${period}`, download: `figures-${from}-${to}.csv` },
        "导出统计 CSV（Excel 可打开）",
      ),
      " · ",
      h("a", { href: `/api/v1/figures.xlsx?${period}`, download: `figures-${from}-${to}.xlsx` }, "导出统计 Excel"),
    ),
    h(
      "section",
      { class: "card charts" },
      h("img", { src: `/api/v1/figures/weekly.svg?${period}`, alt: "每周新收与办结柱状图" }),
      h("img", { src: `/api/v1/figures/categories.svg?${period}`, alt: "按类别的工单数柱状图" }),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "热点社区"),
      table(
        ["社区", "工单数"],
        f.hotspots.map((x) => [x.community, x.count]),
      ),
    ),
    h(
      "section",
      { class: "card" },
      h("h2", {}, "办理人"),
      table(
        ["办理人", "经办", "办结"],
        f.handlers.map((x) => [x.handler, x.handled, x.closed]),
      ),
    ),
  );
}

// --- what is stuck ---------------------------------------------------------------------------------------

async function renderStuck() {
  const r = await api("/api/v1/stuck");
  if (!r.ok) return show(h("h1", {}, "待处理的异常"), h("p", { class: "error" }, r.data?.message || "加载失败"));
  const retry = (kind, id) => async () => {
    const res = await api(`/api/v1/stuck/${kind}/${id}/retry`, { method: "POST", body: {} });
    say(res.ok ? "已重新排队" : res.data?.message || "重试失败");
    if (res.ok) renderStuck();
  };
  const rows = (items, cells) =>
    items.length
      ? h(
          "table",
          {},
          h(
            "tbody",
            {},
            items.map((x) =>
              h(
                "tr",
                {},
                cells(x).map((c) => h("td", {}, c)),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "没有");
  show(
    h("h1", {}, "待处理的异常"),
    h(
      "section",
      { class: "card", "aria-label": "未能发出的消息" },
      h("h2", {}, `未能发出的消息（${r.data.parked.length}）`),
      rows(r.data.parked, (m) => [
        m.ticket ? h("a", { href: `#/t/${m.ticket}` }, `#${m.ticket}`) : "—",
        m.title,
        h("span", { class: "error" }, m.lastError || ""),
        fmt(m.createdAt),
        h("button", { type: "button", onclick: retry("outbox", m.id) }, "重新发送"),
      ]),
    ),
    h(
      "section",
      { class: "card", "aria-label": "处理失败的消息" },
      h("h2", {}, `处理失败的群消息（${r.data.failed.length}）`),
      rows(r.data.failed, (m) => [
        m.channel,
        h("span", { class: "error" }, m.lastError || ""),
        fmt(m.receivedAt),
        h("button", { type: "button", onclick: retry("inbox", m.id) }, "重新处理"),
      ]),
    ),
    h(
      "section",
      { class: "card", "aria-label": "被平台限流的机器人" },
      h("h2", {}, `被平台限流的机器人（${r.data.blocked.length}）`),
      rows(r.data.blocked, (d) => [d.key, d.reason || "", `至 ${fmt(d.blockedUntil)}`]),
    ),
  );
}

// --- integrations (admins) -----------------------------------------------------------------------------

const SCOPES = {
  "tickets:read": "查看工单",
  "tickets:write": "办理工单",
  "figures:read": "查看统计",
  stuck: "异常消息",
};

async function renderIntegrations() {
  const [tokens, hooks] = await Promise.all([api("/api/v1/tokens"), api("/api/v1/webhooks")]);
  if (!tokens.ok)
    return show(h("h1", {}, "对接"), h("p", { class: "error" }, tokens.data?.message || "只有管理员可以管理对接"));
  const tokenForm = h(
    "form",
    { class: "card", "aria-label": "新建接口令牌" },
    h("h2", {}, "新建接口令牌"),
    h("label", {}, "名称", h("input", { name: "name", required: true, placeholder: "例如：12345 平台" })),
    Object.entries(SCOPES).map(([value, text]) =>
      h("label", { class: "inline" }, h("input", { type: "checkbox", name: "scopes", value }), text),
    ),
    h("button", { class: "primary", type: "submit" }, "生成令牌"),
  );
  tokenForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(tokenForm);
    const r = await api("/api/v1/tokens", {
      method: "POST",
      body: { name: f.get("name"), scopes: f.getAll("scopes") },
    });
    if (!r.ok) return say(r.data?.message || "生成失败");
    await renderIntegrations();
    main.prepend(
      h("p", { class: "card", role: "alert" }, "新令牌（只显示这一次，请立即复制保存）：", h("code", {}, r.data.token)),
    );
  });
  const hookForm = h(
    "form",
    { class: "card", "aria-label": "新建事件推送" },
    h("h2", {}, "新建事件推送（Webhook）"),
    h("label", {}, "接收地址", h("input", { name: "url", type: "url", required: true, placeholder: "https://…" })),
    h("button", { class: "primary", type: "submit" }, "添加"),
  );
  hookForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const r = await api("/api/v1/webhooks", { method: "POST", body: { url: new FormData(hookForm).get("url") } });
    if (!r.ok) return say(r.data?.message || "添加失败");
    await renderIntegrations();
    main.prepend(h("p", { class: "card", role: "alert" }, "签名密钥（只显示这一次）：", h("code", {}, r.data.secret)));
  });
  const revoke = (path) => async () => {
    const r = await api(path, { method: "DELETE" });
    say(r.ok ? "已停用" : r.data?.message || "操作失败");
    renderIntegrations();
  };
  const replay = (id) => async () => {
    const r = await api(`/api/v1/webhooks/deliveries/${id}/replay`, { method: "POST", body: {} });
    say(r.ok ? "已重新推送" : r.data?.message || "操作失败");
  };
  show(
    h("h1", {}, "对接"),
    h(
      "section",
      { class: "card", "aria-label": "接口令牌" },
      h("h2", {}, "接口令牌"),
      h(
        "ul",
        {},
        tokens.data.items.map((x) =>
          h(
            "li",
            {},
            `${x.name} · ${x.scopes.map((s) => SCOPES[s] || s).join("、")} · ${x.revoked ? "已停用" : `最近使用 ${fmt(x.lastUsedAt) || "—"}`} `,
            x.revoked ? null : h("button", { type: "button", onclick: revoke(`/api/v1/tokens/${x.id}`) }, "停用"),
          ),
        ),
      ),
    ),
    tokenForm,
    h(
      "section",
      { class: "card", "aria-label": "事件推送" },
      h("h2", {}, "事件推送"),
      (hooks.data?.items || []).map((x) =>
        h(
          "div",
          {},
          h(
            "p",
            {},
            h("strong", {}, x.url),
            x.disabled
              ? " · 已停用"
              : [" ", h("button", { type: "button", onclick: revoke(`/api/v1/webhooks/${x.id}`) }, "停用")],
          ),
          h(
            "ul",
            {},
            x.deliveries.map((d) =>
              h(
                "li",
                {},
                `${d.event} · ${d.status === "sent" ? "已送达" : d.status === "parked" ? "未能送达" : "待发送"} · ${fmt(d.sentAt || d.createdAt)} `,
                d.lastError ? h("span", { class: "error" }, d.lastError) : null,
                " ",
                h("button", { type: "button", onclick: replay(d.id) }, "重新推送"),
              ),
            ),
          ),
        ),
      ),
    ),
    hookForm,
  );
}

// --- groups (admins and staff) -------------------------------------------------------------------------

const WEEKDAYS = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

async function renderGroups() {
  const r = await api("/api/v1/groups");
  const form = h(
    "form",
    { class: "card", "aria-label": "添加群" },
    h("h2", {}, "添加群"),
    h(
      "label",
      {},
      "平台",
      h(
        "select",
        { name: "platform" },
        h("option", { value: "wecom" }, "企业微信"),
        h("option", { value: "dingtalk" }, "钉钉"),
      ),
    ),
    h(
      "label",
      {},
      "群 ID（企业微信 chatid / 钉钉 openConversationId）",
      h("input", { name: "platformGroupId", required: true }),
    ),
    h("label", {}, "群名称", h("input", { name: "name", required: true })),
    h("button", { class: "primary", type: "submit" }, "添加"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const res = await api("/api/v1/groups", { method: "POST", body: Object.fromEntries(new FormData(form)) });
    if (!res.ok) return say(res.data?.message || "添加失败");
    location.hash = `#/g/${res.data.id}`;
  });
  show(
    h("h1", {}, "群设置"),
    h(
      "ul",
      { class: "card" },
      (r.data?.items || []).map((g) => h("li", {}, h("a", { href: `#/g/${g.id}` }, g.name))),
    ),
    form,
  );
}

const SLA_TIERS = [
  ["urgent", "紧急（即时转办）"],
  ["ordinary", "一般"],
  ["complex", "复杂"],
];
const SLA_STEPS = [
  ["assignWithin", "分派时限"],
  ["feedbackWithin", "反馈时限"],
];

/** One duration as a number and a unit (clock hours or working days), the shape of config/sla.json. */
function durationFields(name, label, d) {
  const unit = d && "hours" in d ? "hours" : "workingDays";
  return h(
    "fieldset",
    { class: "duration" },
    h("legend", {}, label),
    h("input", {
      name: `${name}.n`,
      type: "number",
      min: "1",
      max: "720",
      required: "",
      value: String(d?.[unit] ?? 1),
      "aria-label": `${label}数值`,
    }),
    h(
      "select",
      { name: `${name}.unit`, "aria-label": `${label}单位` },
      h("option", { value: "hours", selected: unit === "hours" }, "小时"),
      h("option", { value: "workingDays", selected: unit === "workingDays" }, "个工作日"),
    ),
  );
}

/** The SLA tiers as a form (no JSON to type); the server validates and answers in Chinese. */
function slaSettingsForm(sla) {
  const form = h(
    "form",
    { class: "card", "aria-label": "办理时限" },
    h("h2", {}, "办理时限"),
    ...SLA_TIERS.map(([tier, tierLabel]) =>
      h(
        "div",
        { class: "sla-tier" },
        h("h3", {}, tierLabel),
        ...SLA_STEPS.map(([step, stepLabel]) =>
          durationFields(`${tier}.${step}`, `${tierLabel}${stepLabel}`, sla.tiers?.[tier]?.[step]),
        ),
      ),
    ),
    h(
      "label",
      {},
      "按工作日计算时，截止到当天",
      h("input", { name: "dayEndsAt", type: "time", required: "", value: sla.dayEndsAt || "18:00" }),
    ),
    h(
      "label",
      {},
      "按“复杂”时限办理的二级分类（每行一个）",
      h("textarea", { name: "complexCategories", rows: 4 }, (sla.complexCategories || []).join("\n")),
    ),
    h("button", { class: "primary", type: "submit" }, "保存办理时限"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const duration = (name) => ({ [String(f.get(`${name}.unit`))]: Number(f.get(`${name}.n`)) });
    const tiers = Object.fromEntries(
      SLA_TIERS.map(([tier]) => [
        tier,
        Object.fromEntries(SLA_STEPS.map(([step]) => [step, duration(`${tier}.${step}`)])),
      ]),
    );
    const body = {
      ...(sla.$comment ? { $comment: sla.$comment } : {}),
      dayEndsAt: String(f.get("dayEndsAt")),
      tiers,
      complexCategories: String(f.get("complexCategories")).split(/\s+/).filter(Boolean),
    };
    const r = await api("/api/v1/settings/sla", { method: "PUT", body });
    say(r.ok ? "已保存，各实例几秒内生效" : r.data?.message || "保存失败");
  });
  return form;
}

async function renderSettings() {
  const [sla, holidays] = await Promise.all([api("/api/v1/settings/sla"), api("/api/v1/settings/holidays")]);
  if (!sla.ok) return show(h("h1", {}, "设置"), h("p", { class: "error" }, sla.data?.message || "只有管理员可以修改"));
  const slaForm = slaSettingsForm(sla.data);
  const lines = (xs) => xs.join("\n");
  const daysForm = h(
    "form",
    { class: "card", "aria-label": "节假日" },
    h("h2", {}, "节假日（在国家公布的安排之外）"),
    h(
      "label",
      {},
      "额外休息日（每行一个日期，如 2027-03-08）",
      h("textarea", { name: "holidays", rows: 4 }, lines(holidays.data.holidays)),
    ),
    h("label", {}, "调休上班日", h("textarea", { name: "workdays", rows: 4 }, lines(holidays.data.workdays))),
    h("button", { class: "primary", type: "submit" }, "保存节假日"),
  );
  daysForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(daysForm);
    const split = (k) => String(f.get(k)).split(/\s+/).filter(Boolean);
    const r = await api("/api/v1/settings/holidays", {
      method: "PUT",
      body: { holidays: split("holidays"), workdays: split("workdays") },
    });
    say(r.ok ? "已保存，各实例几秒内生效" : r.data?.message || "保存失败");
  });
  show(h("h1", {}, "设置"), slaForm, daysForm);
}

async function saveGroup(id, part, body) {
  const r = await api(`/api/v1/groups/${id}/${part}`, { method: "PUT", body });
  if (!r.ok) return say(r.data?.message || "保存失败");
  say("已保存，立即生效");
  renderGroupData(r.data);
}

function renderGroupData(g) {
  const rule = g.reception;
  const isDays = !rule || "days" in rule.pattern;
  const [start, end] = rule ? rule.time.split("-") : ["09:00", "11:30"];
  const receptionForm = h(
    "form",
    { class: "card", "aria-label": "接待日规则" },
    h("h2", {}, "接待日规则"),
    h(
      "label",
      {},
      "每月几号（多个用逗号分隔，如 5,25）",
      h("input", { name: "days", value: isDays && rule ? rule.pattern.days.join(",") : "" }),
    ),
    h("p", { class: "muted" }, "或者：每月第几个星期几"),
    h(
      "label",
      {},
      "第几个（-1 为最后一个）",
      h("input", { name: "nth", type: "number", min: -1, max: 5, value: !isDays ? rule.pattern.nth : "" }),
    ),
    h(
      "label",
      {},
      "星期",
      h(
        "select",
        { name: "weekday" },
        WEEKDAYS.map((w, i) =>
          h("option", { value: i || "", selected: !isDays && rule.pattern.weekday === i }, w || "—"),
        ),
      ),
    ),
    h("label", {}, "开始时间", h("input", { name: "start", type: "time", value: start, required: true })),
    h("label", {}, "结束时间", h("input", { name: "end", type: "time", value: end, required: true })),
    h("label", {}, "地点", h("input", { name: "place", value: rule?.place || "", required: true })),
    h(
      "label",
      {},
      "遇节假日",
      h(
        "select",
        { name: "holidayPolicy" },
        h("option", { value: "next_working_day", selected: rule?.holidayPolicy !== "keep" }, "顺延到下一个工作日"),
        h("option", { value: "keep", selected: rule?.holidayPolicy === "keep" }, "照常举行"),
      ),
    ),
    h(
      "label",
      {},
      "轮值代表（用户 ID，逗号分隔）",
      h("input", { name: "roster", value: rule?.roster.join(",") || "" }),
    ),
    h("button", { class: "primary", type: "submit" }, "保存接待日规则"),
  );
  receptionForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(receptionForm));
    const days = String(f.days)
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map(Number);
    const pattern = days.length ? { days } : { nth: Number(f.nth), weekday: Number(f.weekday) };
    const roster = String(f.roster)
      .split(/[,，\s]+/)
      .filter(Boolean);
    void saveGroup(g.id, "reception", {
      pattern,
      time: `${f.start}-${f.end}`,
      place: f.place,
      holidayPolicy: f.holidayPolicy,
      roster,
      perDay: 1,
    });
  });
  const membersText = g.members
    .map((m) => `${m.userId},${m.name},${m.role === "deputy" ? "代表" : "工作人员"}`)
    .join("\n");
  const membersForm = h(
    "form",
    { class: "card", "aria-label": "代表和工作人员" },
    h("h2", {}, "代表和工作人员"),
    h("label", {}, "每行一人：用户 ID,姓名,代表 或 工作人员", h("textarea", { name: "members", rows: 6 }, membersText)),
    h("button", { class: "primary", type: "submit" }, "保存名单"),
  );
  membersForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const members = String(new FormData(membersForm).get("members"))
      .split("\n")
      .map((line) => line.split(/[,，]/).map((x) => x.trim()))
      .filter((p) => p[0])
      .map(([userId, name, role]) => ({
        userId,
        name,
        role: role === "代表" || role === "deputy" ? "deputy" : "staff",
      }));
    void saveGroup(g.id, "members", { members });
  });
  show(
    h("p", {}, h("a", { href: "#/groups" }, "← 返回群列表")),
    h("h1", {}, g.name),
    h(
      "section",
      { class: "card", "aria-label": "下次接待日" },
      h("h2", {}, "下次接待日"),
      rule
        ? h("p", { id: "next-reception" }, rule.next.join("、") || "—")
        : h("p", { class: "muted" }, "尚未设置接待日"),
      h(
        "p",
        { class: "muted" },
        `推送机器人：${g.pushRobot || "未设置"} · 内部通道：${g.staffRoute || "未设置"} · 周报：${g.digest ? `${WEEKDAYS[g.digest.weekday]} ${g.digest.time}` : "不发"}`,
      ),
    ),
    receptionForm,
    membersForm,
    ...digestAndPlacesForms(g),
    routesForm(g),
    h(
      "section",
      { class: "card", "aria-label": "停止服务" },
      h("h2", {}, "停止服务"),
      h("p", { class: "muted" }, "停止后本群消息不再受理、不再推送，已有工单保留。"),
      h(
        "button",
        {
          type: "button",
          onclick: async () => {
            if (!confirm(`确定停止服务「${g.name}」吗？`)) return;
            const r = await api(`/api/v1/groups/${g.id}`, { method: "DELETE" });
            if (!r.ok) return say(r.data?.message || "操作失败");
            say("已停止服务");
            location.hash = "#/groups";
          },
        },
        "停止服务本群",
      ),
    ),
  );
}

/** The weekly digest's day and time, and the group's places (one per line: 名称,别名,别名). */
function digestAndPlacesForms(g) {
  const digest = h(
    "form",
    { class: "card", "aria-label": "周报" },
    h("h2", {}, "周报"),
    h(
      "label",
      {},
      "发送日",
      h(
        "select",
        { name: "weekday" },
        WEEKDAYS.map((w, i) => h("option", { value: i, selected: (g.digest?.weekday ?? 0) === i }, w || "不发周报")),
      ),
    ),
    h("label", {}, "发送时间", h("input", { name: "time", type: "time", value: g.digest?.time || "09:00" })),
    h("button", { class: "primary", type: "submit" }, "保存周报时间"),
  );
  digest.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(digest);
    const weekday = Number(f.get("weekday"));
    void saveGroup(g.id, "digest", weekday === 0 ? { weekday: 0 } : { weekday, time: String(f.get("time")) });
  });
  const asLine = (p) => (typeof p === "string" ? p : [p.name, ...(p.aliases || [])].join(","));
  const places = h(
    "form",
    { class: "card", "aria-label": "地名" },
    h("h2", {}, "地名（小区、道路、地标）"),
    h(
      "label",
      {},
      "每行一个：名称,别名,别名",
      h("textarea", { name: "places", rows: 6 }, (g.places || []).map(asLine).join("\n")),
    ),
    h("button", { class: "primary", type: "submit" }, "保存地名"),
  );
  places.addEventListener("submit", (e) => {
    e.preventDefault();
    const list = String(new FormData(places).get("places"))
      .split("\n")
      .map((line) =>
        line
          .split(/[,，]/)
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .filter((parts) => parts.length)
      .map(([name, ...aliases]) => ({ name, aliases }));
    void saveGroup(g.id, "places", { places: list });
  });
  return [digest, places];
}

/** The robots: write-only, so the fields start empty; a saved URL or secret is never shown again. */
function routesForm(g) {
  const form = h(
    "form",
    { class: "card", "aria-label": "机器人" },
    h("h2", {}, "机器人（保存后不再显示地址和密钥）"),
    h("p", { class: "muted" }, `现在：推送 ${g.pushRobot || "未设置"}，内部通道 ${g.staffRoute || "未设置"}`),
    h(
      "label",
      {},
      '推送机器人（JSON，如 {"kind":"wecom-group-webhook","url":"https://qyapi.weixin.qq.com/…"}；留空不改）',
      h("textarea", { name: "push", rows: 3 }),
    ),
    h("label", {}, "内部通道（JSON；留空不改）", h("textarea", { name: "staff", rows: 3 })),
    h("button", { class: "primary", type: "submit" }, "保存机器人"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = {};
    try {
      for (const k of ["push", "staff"]) if (String(f.get(k)).trim()) body[k] = JSON.parse(String(f.get(k)));
    } catch {
      return say("不是有效的 JSON");
    }
    void saveGroup(g.id, "routes", body);
  });
  return form;
}

async function renderGroup(id) {
  const r = await api(`/api/v1/groups/${id}`);
  if (!r.ok) return show(h("p", { class: "error" }, r.data?.message || "没有这个群"));
  renderGroupData(r.data);
}

// --- the duty ledger -----------------------------------------------------------------------------------

async function renderLedger() {
  const q = new URLSearchParams(location.hash.split("?")[1] || "");
  const period = q.get("period") || new Date().toLocaleDateString("sv", { timeZone: "Asia/Shanghai" }).slice(0, 7);
  const r = await api(`/api/v1/deputies/points?period=${encodeURIComponent(period)}`);
  const form = h(
    "form",
    { class: "filters", "aria-label": "统计期" },
    h("label", {}, "统计期（月 2026-12、季度 2026-Q4 或年 2026）", h("input", { name: "period", value: period })),
    h("button", { class: "primary", type: "submit" }, "查看"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/ledger?${new URLSearchParams(new FormData(form))}`;
  });
  if (!r.ok) return show(h("h1", {}, "履职积分"), form, h("p", { class: "error" }, r.data?.message || "加载失败"));
  const [logged, rules] = await Promise.all([
    api(`/api/v1/deputies/activities?period=${encodeURIComponent(period)}`),
    api("/api/v1/settings/duty-points"),
  ]);
  const rows = r.data.deputies.map((d) =>
    h(
      "tr",
      {},
      h("td", {}, String(d.rank)),
      h("td", {}, d.name),
      h("td", {}, String(d.total)),
      h("td", {}, d.breakdown.map((b) => `${b.label} ${b.count} 次 ${b.points} 分`).join("；") || "—"),
      h("td", {}, d.monthsWithoutOpinion.length ? d.monthsWithoutOpinion.join("、") : "每月都有"),
      h(
        "td",
        {},
        ["xlsx", "docx"].flatMap((ext, i) => [
          i ? " · " : "",
          h(
            "a",
            {
              href: `/api/v1/deputies/${encodeURIComponent(d.deputyId)}/file.${ext}?period=${encodeURIComponent(period)}`,
            },
            ext === "xlsx" ? "Excel" : "Word",
          ),
        ]),
      ),
    ),
  );
  show(
    h("h1", {}, "履职积分"),
    form,
    h(
      "section",
      { class: "card charts" },
      h("img", { src: `/api/v1/deputies/points.svg?period=${encodeURIComponent(period)}`, alt: "代表履职积分柱状图" }),
    ),
    h(
      "table",
      { "aria-label": "履职积分" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["排名", "代表", "积分", "明细", "未反映社情民意的月份", "履职档案"].map((x) => h("th", { scope: "col" }, x)),
        ),
      ),
      h("tbody", {}, rows),
    ),
    logged.ok ? activitiesSection(r.data.deputies, logged.data) : null,
    rules.ok ? pointsRulesForm(rules.data) : null,
  );
}

/** The points rules (admins): points and cap per kind; every ledger is recomputed from them at once. */
function pointsRulesForm(rules) {
  const kinds = Object.entries(rules.kinds);
  const form = h(
    "form",
    { class: "card", "aria-label": "积分规则" },
    h("h2", {}, "积分规则"),
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["类别", "每次积分", "每期上限（空为不限）"].map((x) => h("th", { scope: "col" }, x)),
        ),
      ),
      h(
        "tbody",
        {},
        kinds.map(([k, rule]) =>
          h(
            "tr",
            {},
            h("td", {}, rule.label),
            h(
              "td",
              {},
              h("input", {
                name: `${k}.points`,
                type: "number",
                step: "0.5",
                required: true,
                value: String(rule.points),
                "aria-label": `${rule.label}每次积分`,
              }),
            ),
            h(
              "td",
              {},
              h("input", {
                name: `${k}.cap`,
                type: "number",
                min: "0.5",
                step: "0.5",
                value: rule.capPerPeriod === undefined ? "" : String(rule.capPerPeriod),
                "aria-label": `${rule.label}每期上限`,
              }),
            ),
          ),
        ),
      ),
    ),
    h("button", { class: "primary", type: "submit" }, "保存积分规则"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = {
      kinds: Object.fromEntries(
        kinds.map(([k, rule]) => {
          const cap = String(f.get(`${k}.cap`)).trim();
          return [
            k,
            { label: rule.label, points: Number(f.get(`${k}.points`)), ...(cap ? { capPerPeriod: Number(cap) } : {}) },
          ];
        }),
      ),
    };
    const res = await api("/api/v1/settings/duty-points", { method: "PUT", body });
    if (!res.ok) return say(res.data?.message || "保存失败");
    say("已保存，积分已按新规则重算");
    void route();
  });
  return form;
}

/** Staff log the activities the bot cannot see (视察, 调研, 请假 …) and void a wrong one; admins and staff only. */
function activitiesSection(deputies, logged) {
  const today = new Date().toLocaleDateString("sv", { timeZone: "Asia/Shanghai" });
  const form = h(
    "form",
    { class: "card", "aria-label": "履职登记" },
    h("h2", {}, "履职登记"),
    h(
      "label",
      {},
      "代表",
      h(
        "select",
        { name: "deputyId", required: true },
        deputies.map((d) => h("option", { value: d.deputyId }, d.name)),
      ),
    ),
    h(
      "label",
      {},
      "类别",
      h(
        "select",
        { name: "kind", required: true },
        Object.entries(logged.kinds).map(([k, label]) => h("option", { value: k }, label)),
      ),
    ),
    h("label", {}, "日期", h("input", { name: "date", type: "date", required: true, max: today, value: today })),
    h("label", {}, "内容", h("input", { name: "note", maxlength: "2000" })),
    h("label", {}, "依据（工单号、文件等）", h("input", { name: "evidence", maxlength: "500" })),
    h("button", { class: "primary", type: "submit" }, "登记"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = Object.fromEntries([...new FormData(form)].filter(([, v]) => String(v).trim() !== ""));
    const res = await api("/api/v1/deputies/activities", { method: "POST", body });
    if (!res.ok) return say(res.data?.message || "登记失败");
    say("已登记");
    void route();
  });
  const items = logged.items.map((a) =>
    h(
      "li",
      {},
      `${a.date} ${a.deputyName} ${logged.kinds[a.kind] || a.kind}${a.note ? `：${a.note}` : ""}（${a.loggedBy}）`,
      a.voidedAt
        ? " 已作废"
        : h(
            "button",
            {
              type: "button",
              onclick: async () => {
                const res = await api(`/api/v1/deputies/activities/${a.id}`, { method: "DELETE" });
                say(res.ok ? "已作废" : res.data?.message || "作废失败");
                void route();
              },
            },
            "作废",
          ),
    ),
  );
  return h("section", {}, form, h("ul", { "aria-label": "已登记的履职" }, items));
}

// --- hotspots and proposals (代表建议) -------------------------------------------------------------------

const PROPOSAL_STATUS = { draft: "草稿", submitted: "已提交", replied: "已答复", closed: "已办结" };

async function renderProposals() {
  const q = new URLSearchParams(location.hash.split("?")[1] || "");
  const today = new Date().toLocaleDateString("sv", { timeZone: "Asia/Shanghai" });
  const from = q.get("from") || `${today.slice(0, 8)}01`;
  const to = q.get("to") || today;
  const [hot, list] = await Promise.all([
    api(`/api/v1/hotspots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    api("/api/v1/proposals"),
  ]);
  const form = h(
    "form",
    { class: "filters", "aria-label": "热点时段" },
    h("label", {}, "从", h("input", { name: "from", type: "date", value: from })),
    h("label", {}, "到", h("input", { name: "to", type: "date", value: to })),
    h("button", { class: "primary", type: "submit" }, "查看热点"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/proposals?${new URLSearchParams(new FormData(form))}`;
  });
  const draft = async (key) => {
    const r = await api("/api/v1/proposals", { method: "POST", body: { hotspot: key, from, to } });
    if (!r.ok) return say(r.data?.message || "起草失败");
    location.hash = `#/p/${r.data.id}`;
  };
  const hotRows = hot.ok
    ? hot.data.items.map((x) =>
        h(
          "tr",
          {},
          h("td", {}, String(x.rank)),
          h("td", {}, x.place || `${x.places[0] || "多处"}等（按内容归并）`),
          h("td", {}, `${x.level1} / ${x.level2}`),
          h("td", {}, `${x.tickets} 件 / ${x.residents} 人 / ${x.groups} 个群`),
          h("td", {}, `已办结 ${x.closed} 件${x.meanDaysToClose === null ? "" : `，平均 ${x.meanDaysToClose} 天`}`),
          h("td", {}, x.quotes.join("；")),
          h("td", {}, h("button", { type: "button", onclick: () => void draft(x.key) }, "起草建议")),
        ),
      )
    : [];
  const f = list.ok ? list.data.figures : null;
  show(
    h("h1", {}, "热点与代表建议"),
    form,
    hot.ok ? null : h("p", { class: "error" }, hot.data?.message || "加载失败"),
    h(
      "table",
      { "aria-label": "热点" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["序号", "地点", "类别", "工单 / 群众 / 群", "办理", "群众原话（已脱敏）", ""].map((x) =>
            h("th", { scope: "col" }, x),
          ),
        ),
      ),
      h("tbody", {}, hotRows.length ? hotRows : h("tr", {}, h("td", { colspan: "7" }, "该时段没有集中反映的热点"))),
    ),
    h("h2", {}, "代表建议"),
    f
      ? h(
          "p",
          {},
          `草稿 ${f.drafts} 件，已提交 ${f.submitted} 件，已答复 ${f.answered} 件，办结率 ${pct(f.closureRate)}，满意率 ${pct(f.satisfactionRate)}`,
        )
      : null,
    h(
      "ul",
      { "aria-label": "代表建议列表" },
      (list.ok ? list.data.items : []).map((p) =>
        h(
          "li",
          {},
          h("a", { href: `#/p/${p.id}` }, `${p.number} ${p.title}`),
          ` · ${PROPOSAL_STATUS[p.status] || p.status}${p.deputyName ? ` · ${p.deputyName}` : ""}`,
        ),
      ),
    ),
  );
}

async function renderProposal(id) {
  const r = await api(`/api/v1/proposals/${id}`);
  if (!r.ok) return show(h("h1", {}, "代表建议"), h("p", { class: "error" }, r.data?.message || "加载失败"));
  const p = r.data;
  const area = (name, label, value, rows = 4) =>
    h("label", {}, label, h("textarea", { name, rows, "aria-label": label }, value || ""));
  const editForm = h(
    "form",
    { class: "card", "aria-label": "建议正文" },
    h("label", {}, "标题", h("input", { name: "title", value: p.title, required: true })),
    area("cause", "案由", p.sections.cause),
    area("situation", "现状与问题", p.sections.situation, 5),
    area("analysis", "原因分析", p.sections.analysis, 5),
    area("suggestions", "具体建议（每行一条）", p.sections.suggestions.join("\n"), 6),
    h("button", { class: "primary", type: "submit" }, "保存正文"),
  );
  editForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const fd = new FormData(editForm);
    const body = {
      title: String(fd.get("title")),
      cause: String(fd.get("cause")),
      situation: String(fd.get("situation")),
      analysis: String(fd.get("analysis")),
      suggestions: String(fd.get("suggestions"))
        .split("\n")
        .map((x) => x.trim())
        .filter(Boolean),
    };
    const res = await api(`/api/v1/proposals/${id}`, { method: "PATCH", body });
    say(res.ok ? "已保存" : res.data?.message || "保存失败");
  });
  const trackForm = h(
    "form",
    { class: "card", "aria-label": "办理跟踪" },
    h(
      "label",
      {},
      "状态",
      h(
        "select",
        { name: "status" },
        Object.entries(PROPOSAL_STATUS).map(([v, label]) => h("option", { value: v, selected: v === p.status }, label)),
      ),
    ),
    h("label", {}, "承办单位", h("input", { name: "handlingUnit", value: p.handlingUnit || "" })),
    area("reply", "答复内容", p.reply, 3),
    h(
      "label",
      {},
      "代表对答复的评价",
      h(
        "select",
        { name: "satisfaction" },
        h("option", { value: "" }, "尚未评价"),
        ["满意", "基本满意", "不满意"].map((v) => h("option", { value: v, selected: v === p.satisfaction }, v)),
      ),
    ),
    h("button", { class: "primary", type: "submit" }, "保存办理情况"),
  );
  trackForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const fd = new FormData(trackForm);
    const body = { status: String(fd.get("status")) };
    for (const k of ["handlingUnit", "reply", "satisfaction"])
      if (String(fd.get(k)).trim()) body[k] = String(fd.get(k));
    const res = await api(`/api/v1/proposals/${id}`, { method: "PATCH", body });
    say(res.ok ? "已保存" : res.data?.message || "保存失败");
  });
  show(
    h("p", {}, h("a", { href: "#/proposals" }, "← 返回热点与建议")),
    h("h1", {}, `${p.number} ${p.title}`),
    h(
      "p",
      {},
      `${PROPOSAL_STATUS[p.status] || p.status} · 依据 ${p.period.from} 至 ${p.period.to} 的热点 · 起草：${p.draftedBy} · `,
      h("a", { href: `/api/v1/proposals/${id}.docx` }, "下载 Word"),
      " · ",
      h("a", { href: `/api/v1/proposals/${id}.md` }, "下载 Markdown"),
    ),
    editForm,
    trackForm,
    h("h2", {}, "附：相关工单"),
    h(
      "ul",
      {},
      p.tickets.map((t) =>
        h("li", {}, h("a", { href: `#/t/${t.number}` }, `#${t.number}`), ` ${t.date} ${t.place || ""} ${t.status}`),
      ),
    ),
  );
}

// --- routing -------------------------------------------------------------------------------------------

async function route() {
  if (!me) {
    const r = await api("/api/v1/session").catch(() => null);
    if (!r || !r.ok) return renderSignIn();
    me = r.data;
  }
  who.textContent = `${me.name}（${me.roleLabel}）`;
  signOut.hidden = false;
  const m = /^#\/t\/([\d-]+)/.exec(location.hash);
  if (m) return renderTicket(m[1]);
  if (location.hash.startsWith("#/figures")) return renderFigures();
  if (location.hash.startsWith("#/stuck")) return renderStuck();
  if (location.hash.startsWith("#/integrations")) return renderIntegrations();
  const g = /^#\/g\/(\d+)/.exec(location.hash);
  if (g) return renderGroup(g[1]);
  if (location.hash.startsWith("#/groups")) return renderGroups();
  if (location.hash.startsWith("#/settings")) return renderSettings();
  if (location.hash.startsWith("#/ledger")) return renderLedger();
  const p = /^#\/p\/(\d+)/.exec(location.hash);
  if (p) return renderProposal(p[1]);
  if (location.hash.startsWith("#/proposals")) return renderProposals();
  return renderList();
}

window.addEventListener("hashchange", () => void route());
void route();
