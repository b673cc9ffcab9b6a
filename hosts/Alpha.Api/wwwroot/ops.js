// The operations page: one API key (kept in this tab's sessionStorage), the /api/v1 endpoints, no framework. Every text
// from the API is inserted as text (never HTML). Buttons follow the caller's role; the server checks it again.
"use strict";
(() => {
  const keyName = "alpha-api-key";
  const rank = { viewer: 1, editor: 2, approver: 3, admin: 4 };
  const $ = id => document.getElementById(id);
  let me = null;
  const timers = [];

  async function api(path, options = {}) {
    const response = await fetch(`/api/v1${path}`, {
      ...options,
      headers: { "X-Api-Key": sessionStorage.getItem(keyName) ?? "", ...(options.body ? { "Content-Type": "application/json" } : {}) },
    });
    const type = response.headers.get("Content-Type") ?? "";
    const body = type.includes("json") ? await response.json() : null;
    if (!response.ok) {
      const error = new Error(body?.detail ?? body?.title ?? `${response.status} ${response.statusText}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  const cell = (text, className) => Object.assign(document.createElement("td"), { textContent: text ?? "", className: className ?? "" });
  const pill = (text, kind) => Object.assign(document.createElement("span"), { textContent: text, className: `pill ${kind ?? text}` });
  const number = (v, digits) => (typeof v === "number" ? v.toFixed(digits) : "");
  const time = iso => (iso ? iso.replace("T", " ").replace(/:\d\d(\.\d+)?(Z|\+00:00)$/, " UTC") : "");
  const has = role => me !== null && rank[me.role] >= rank[role];

  function notify(text, bad) {
    const notice = $("notice");
    notice.textContent = text;
    notice.classList.toggle("bad", Boolean(bad));
  }

  // Sends an operation, reloads what it changed, then says what happened: once the notice speaks, the page shows it.
  async function perform(call, reload) {
    let message, bad = false;
    try {
      message = await call();
    } catch (e) {
      [message, bad] = [`Refused: ${e.message}`, true];
    }
    await reload();
    notify(message, bad);
  }

  function fill(table, rows) {
    const body = $(table).tBodies[0];
    body.replaceChildren(...rows);
    $(`${table}-empty`)?.toggleAttribute("hidden", rows.length > 0);
  }

  async function loadModels() {
    const models = await api("/models");
    fill("models", models.map(m => {
      const serving = m.version === "deployed" ? m.deployed_version : m.version;
      const state = m.versions.find(v => v.version === serving);
      const row = document.createElement("tr");
      const status = cell("");
      if (state) status.append(pill(state.status));
      row.append(cell(m.id), cell(m.kind), cell(m.pair_id), cell(`${m.timeframe_seconds / 3600} h`), cell(serving ?? "none"), cell(m.deployed_version ?? "none"),
        status, cell(state ? `${number(state.theta1, 2)} / ${number(state.theta2, 2)}` : ""));
      return row;
    }));
    for (const select of [$("equity-model"), $("ops-model")]) {
      const chosen = select.value;
      select.replaceChildren(...(select.id === "ops-model" ? [new Option("every model (*)", "*")] : []), ...models.map(m => new Option(m.id, m.id)));
      if (chosen) select.value = chosen;
    }
    await Promise.all([loadEquity(), loadRetraining(models)]);
  }

  // Each model's latest retrain run, and a warning for every model whose failures disabled its automatic retraining.
  async function loadRetraining(models) {
    const histories = await Promise.all(models.map(m => api(`/ops/retrain/runs?model=${encodeURIComponent(m.id)}&limit=1`)));
    fill("retraining", histories.filter(h => h.runs.length > 0).map(h => {
      const run = h.runs[0];
      const status = cell("");
      status.append(pill(run.status));
      const row = document.createElement("tr");
      row.append(cell(h.model), cell(run.scheduled_for.replace("T", " ").slice(0, 19)), cell(run.trigger), status, cell(String(run.retry_count)),
        cell(run.outcome?.version ?? ""), cell(run.error ?? run.cause));
      return row;
    }));
    const disabled = histories.filter(h => h.disabled);
    const warning = $("retraining-warning");
    warning.textContent = disabled.map(h => `Retraining of ${h.model} is disabled after ${h.consecutive_failures} consecutive failed runs: a manual run that succeeds (alpha retrain run, or a retrain request) enables it again.`).join(" ");
    warning.hidden = disabled.length === 0;
  }

  async function loadEquity() {
    const id = $("equity-model").value;
    const figure = $("equity");
    if (!id) return;
    try {
      const curve = await api(`/models/${encodeURIComponent(id)}/equity`);
      window.AlphaChart.line(figure, curve.daily);
      figure.dataset.version = curve.version;
    } catch (e) {
      figure.replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: e.message }));
    }
  }

  async function loadSignals() {
    const signals = await api("/signals/latest");
    fill("signals", signals.map(s => {
      const row = document.createElement("tr");
      row.dataset.signal = s.id;
      const action = cell("");
      action.append(pill(s.action));
      row.append(cell(s.model_id), cell(s.pair_id), cell(time(s.timestamp)), action, cell(s.reason), cell(number(s.z_score, 2), "num"),
        cell(number(s.return_prob, 3), "num"), cell(number(s.risk_score, 3), "num"),
        cell(s.legs.map(l => `${l.side} ${l.quantity.toLocaleString("en-US")} ${l.symbol}`).join(", ")));
      return row;
    }));
    $("signals-updated").textContent = `updated ${new Date().toLocaleTimeString()}`;
  }

  async function loadFlags() {
    const flags = await api("/ops/flags");
    fill("flags", flags.map(f => {
      const row = document.createElement("tr");
      const names = [f.hard_halt && "hard halt", f.soft_halt && "soft halt", f.flatten && "flatten"].filter(Boolean);
      row.append(cell(f.model_id), cell(f.pair_id), cell(names.join(", ") || "normal"), cell(number(f.leverage_scale, 2), "num"));
      return row;
    }));
    const pending = (await api("/ops/requests")).filter(r => r.action === "ops.resume");
    $("pending-resumes").textContent = pending.map(r => `Resume of ${r.scope.model_id}|${r.scope.pair_id} by ${r.requested_by.name} waits for a second approver.`).join(" ");
  }

  async function operate(action) {
    const reason = $("ops-reason").value.trim();
    if (!reason) {
      notify("Give a reason first.", true);
      return;
    }
    const body = { model: $("ops-model").value, reason, ...(action === "halt" ? { level: "soft" } : {}) };
    await perform(async () => (await api(`/ops/${action}`, { method: "POST", body: JSON.stringify(body) })).message, loadFlags);
  }

  function renderChange(change) {
    const box = Object.assign(document.createElement("div"), { className: "change" });
    box.dataset.change = change.id;
    const head = document.createElement("header");
    const approvals = change.approvals.map(a => a.name);
    head.append(pill(change.status), ...(change.diff.some(d => d.high_risk) ? [pill("high-risk", "high")] : []),
      Object.assign(document.createElement("code"), { textContent: change.id }),
      Object.assign(document.createElement("span"), {
        textContent: `by ${change.proposed_by.name}: ${change.reason} — ${approvals.length} of ${change.required_approvals} approval(s)${approvals.length ? ` (${approvals.join(", ")})` : ""}`,
      }));
    const table = document.createElement("table");
    table.append(...change.diff.map(d => {
      const row = document.createElement("tr");
      row.append(cell(d.file), cell(d.key), cell(d.before ?? "(absent)"), cell("→"), cell(d.after ?? "(removed)"));
      return row;
    }));
    box.append(head, table);
    const buttons = Object.assign(document.createElement("div"), { className: "row" });
    if (change.status === "proposed") {
      const approve = Object.assign(document.createElement("button"), { type: "button", textContent: "Approve", className: "approve" });
      const mine = me.name === change.proposed_by.name || approvals.includes(me.name);
      approve.disabled = !has("approver") || mine;
      approve.title = !has("approver") ? `Approving needs the approver role; you are ${me.role}.` : mine ? "A distinct approver must approve." : "";
      approve.addEventListener("click", () => act(`/configs/${change.id}/approve`, "approved"));
      buttons.append(approve);
    } else if (change.status === "approved") {
      const apply = Object.assign(document.createElement("button"), { type: "button", textContent: "Apply", className: "apply" });
      apply.disabled = !has("approver");
      apply.title = has("approver") ? "" : `Applying needs the approver role; you are ${me.role}.`;
      apply.addEventListener("click", () => act(`/configs/${change.id}/apply`, "applied"));
      buttons.append(apply);
    }
    box.append(buttons);
    return box;
  }

  const act = (path, done) => perform(async () => {
    const change = await api(path, { method: "POST" });
    return `Change ${change.id} ${change.status === done ? done : `is ${change.status}`}.`;
  }, loadChanges);

  async function loadChanges() {
    const [proposed, approved] = await Promise.all([api("/configs?status=proposed"), api("/configs?status=approved")]);
    const changes = [...approved, ...proposed];
    $("changes").replaceChildren(...changes.map(renderChange));
    $("changes-empty").toggleAttribute("hidden", changes.length > 0);
  }

  async function propose(event) {
    event.preventDefault();
    const body = {
      reason: $("propose-reason").value.trim(),
      edits: [{ file: $("propose-file").value, key: $("propose-key").value.trim(), value: $("propose-value").value.trim() }],
    };
    await perform(async () => {
      const change = await api("/configs/propose", { method: "POST", body: JSON.stringify(body) });
      $("propose-form").reset();
      return `Change ${change.id} proposed: it needs ${change.required_approvals} approver(s).`;
    }, loadChanges);
  }

  function every(ms, load) {
    const run = () => load().catch(e => notify(e.status === 401 ? "Your key is no longer valid: sign in again." : `Could not refresh: ${e.message}`, true));
    timers.push(setInterval(run, ms));
    return run();
  }

  async function enter() {
    me = await api("/me");
    $("who-name").textContent = me.name;
    $("who-role").textContent = me.role;
    $("who").hidden = false;
    $("sign-in").hidden = true;
    $("desk").hidden = false;
    for (const id of ["halt", "flatten", "resume"]) $(id).disabled = !has("approver");
    $("ops-role").textContent = has("approver") ? "Resume needs two distinct approvers: the second one's click applies it." : `Halt, flatten and resume need the approver role; you are ${me.role}.`;
    $("propose").disabled = !has("editor");
    $("config-role").textContent = has("editor") ? "θ ranges, adoption thresholds and drawdown levels need two distinct approvers (not the proposer); other keys one." : `Proposing needs the editor role; you are ${me.role}.`;
    const files = await api("/configs/files");
    $("propose-file").replaceChildren(...files.map(f => new Option(f.name, f.name)));
    await Promise.all([every(3000, loadSignals), every(5000, loadFlags), every(5000, loadChanges), loadModels()]);
    document.body.dataset.ready = "true";
  }

  async function signIn(event) {
    event?.preventDefault();
    if (event) sessionStorage.setItem(keyName, $("api-key").value.trim());
    if (!sessionStorage.getItem(keyName)) return;
    try {
      await enter();
    } catch (e) {
      sessionStorage.removeItem(keyName);
      $("sign-in-error").textContent = e.status === 401 ? "That key is not valid." : e.message;
    }
  }

  function signOut() {
    sessionStorage.removeItem(keyName);
    timers.splice(0).forEach(clearInterval);
    location.reload();
  }

  $("sign-in-form").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", signOut);
  $("equity-model").addEventListener("change", loadEquity);
  $("propose-form").addEventListener("submit", propose);
  for (const id of ["halt", "flatten", "resume"]) $(id).addEventListener("click", () => operate(id));
  signIn();
})();
