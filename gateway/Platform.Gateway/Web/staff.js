// The staff pages. Commune staff: the feedback desk (inbox with deadlines, transcription of box and hotline items, assignment,
// answers, closing) and the satisfaction index. District officers: the communes ranked, the nominations sent to the
// district. The token lives in this tab only.
"use strict";

const sections = ["dang-nhap", "hop-thu", "chi-tiet", "ghi-nhan", "hai-long", "xep-hang", "de-nghi"];
const districtSections = new Set(["xep-hang", "de-nghi"]);
const indicatorText = {
  postedProcedures: "Công khai TTHC", onTimeRate: "Giải quyết đúng hạn", satisfactionIndex: "Hài lòng",
  feedbackInTime: "Trả lời PAKN đúng hạn", initiatives: "Sáng kiến", trainingCoverage: "Bồi dưỡng",
};
const nominationText = { forwarded: "Chờ huyện quyết định", granted: "Đã công nhận", refused: "Không công nhận" };
const handlers = ["commune-office", "commune-leader"];
const statusText = { received: "Đã tiếp nhận", assigned: "Đang xử lý", answered: "Đã trả lời", closed: "Đã kết thúc" };
const categoryText = { "procedure-rules": "Quy định thủ tục", "staff-conduct": "Thái độ cán bộ", other: "Khác" };
const factorText = {
  access: "Tiếp cận dịch vụ", procedure: "Thủ tục hành chính", officer: "Công chức giải quyết",
  result: "Kết quả giải quyết", feedbackHandling: "Tiếp nhận, xử lý góp ý",
};
let session = JSON.parse(sessionStorage.getItem("session") ?? "null");
let channels = null;
let staff = null;

const call = (path, options) => api(path, options, session?.token).catch((error) => {
  if (error.status === 401) signOut();
  throw error;
});
const base = () => `/api/communes/${session.commune}`;
const can = (roles) => session.roles.some((r) => roles.includes(r));
const todayVi = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function claims(token) {
  const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
  return JSON.parse(json);
}

function signOut() {
  session = channels = staff = null;
  sessionStorage.removeItem("session");
  location.hash = "#/dang-nhap";
}

async function route() {
  const [name, argument] = location.hash.replace(/^#\/?/, "").split("/");
  if (name === "thoat") return signOut();
  if (!session) { $("staff-nav").hidden = true; $("who").textContent = ""; return showSection(sections, "dang-nhap"); }
  $("staff-nav").hidden = false;
  const scope = session.district ? "district" : "commune";
  for (const link of document.querySelectorAll("nav a[data-scope]")) link.hidden = link.dataset.scope !== scope;
  $("who").textContent = `${session.name} · ${session.commune ?? session.district}`;
  const home = session.district ? "xep-hang" : "hop-thu";
  const allowed = sections.includes(name) && name !== "dang-nhap" && districtSections.has(name) === Boolean(session.district);
  const target = allowed ? name : home;
  showSection(sections, target);
  try {
    if (target === "hop-thu") await loadInbox();
    if (target === "chi-tiet") await loadItem(argument);
    if (target === "ghi-nhan") await loadTranscribeForm();
    if (target === "hai-long") await loadIndex();
    if (target === "xep-hang") await loadBoard();
    if (target === "de-nghi") await loadNominations();
  } catch (error) { showError(error); }
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  try {
    const token = (await api("/api/auth/token", { method: "POST", body: JSON.stringify({ username: data.get("username"), password: data.get("password") }) })).accessToken;
    const c = claims(token);
    if (!c.commune && !c.district) throw new Error("Tài khoản không thuộc xã hay huyện nào.");
    channels = staff = null;
    session = { token, commune: c.commune, district: c.commune ? null : c.district, name: c.name ?? c.sub, roles: [].concat(c.role ?? []) };
    sessionStorage.setItem("session", JSON.stringify(session));
    event.target.reset();
    location.hash = "#/hop-thu";
    await route();
  } catch (error) { showError(error); }
});

async function loadChannels() {
  channels ??= Object.fromEntries((await call(`${base()}/feedback-channels`)).map((c) => [c.code, c]));
  return channels;
}

async function loadStaff() {
  staff ??= (await call(`${base()}/staff`).catch(() => [])).map((s) => s.staff).filter((s) => s.status === "active");
  return staff;
}

async function loadInbox() {
  const filter = $("filter").value;
  const query = { open: "", overdue: "?overdue=true", answered: "?status=answered", closed: "?status=closed" }[filter];
  const [items, known] = await Promise.all([call(`${base()}/feedback${query}`), loadChannels()]);
  const shown = filter === "open" ? items.filter((i) => i.status === "received" || i.status === "assigned") : items;
  const today = todayVi();
  const list = $("items");
  list.replaceChildren();
  for (const item of shown) {
    const li = document.createElement("li");
    const link = Object.assign(document.createElement("a"), { href: `#/chi-tiet/${item.id}`, textContent: item.content.slice(0, 120) });
    const late = (item.status === "received" || item.status === "assigned") && item.dueDate < today;
    const meta = Object.assign(document.createElement("small"), {
      textContent: `${statusText[item.status]} · ${known[item.channel]?.name ?? item.channel} · ${categoryText[item.category]} · nhận ${dateVi(item.receivedAt)} · hạn ${dateVi(item.dueDate)}${late ? " · QUÁ HẠN" : ""}`,
    });
    if (late) li.className = "late";
    li.append(link, document.createElement("br"), meta);
    list.append(li);
  }
  $("items-empty").hidden = shown.length > 0;
}

$("filter").addEventListener("change", () => loadInbox().catch(showError));

async function loadItem(id) {
  const [item, known, people] = await Promise.all([call(`${base()}/feedback/${encodeURIComponent(id)}`), loadChannels(), loadStaff()]);
  const nameOf = (staffId) => people.find((p) => p.id === staffId)?.fullName ?? staffId ?? "";
  $("item-code").textContent = item.trackingCode;
  $("item-status").textContent = statusText[item.status];
  $("item-channel").textContent = known[item.channel]?.name ?? item.channel;
  $("item-category").textContent = categoryText[item.category] + (item.staffId ? ` (về: ${nameOf(item.staffId)})` : "");
  $("item-content").textContent = item.content;
  $("item-contact").textContent = item.contact ?? "Không ghi (ẩn danh)";
  $("item-received").textContent = dateVi(item.receivedAt);
  $("item-due").textContent = `${dateVi(item.assignBy)} / ${dateVi(item.dueDate)}`;
  $("item-assignee").textContent = nameOf(item.assigneeId);
  $("item-answer").textContent = item.answer ? item.answer + (item.published ? " (đã công khai)" : "") : "";
  const open = item.status === "received" || item.status === "assigned";
  $("assign-form").hidden = !(open && can(handlers));
  $("answer-form").hidden = !(item.status === "assigned" && can(handlers));
  $("upheld-field").hidden = item.category !== "staff-conduct";
  $("close-form").hidden = !(item.status !== "closed" && can(handlers));
  const assignee = $("assignee");
  assignee.replaceChildren();
  for (const p of people.filter((p) => p.id !== item.staffId)) option(assignee, p.id, p.fullName);
  for (const form of ["assign-form", "answer-form", "close-form"]) $(form).dataset.id = item.id;
}

async function act(event, action, body) {
  event.preventDefault();
  try {
    await call(`${base()}/feedback/${event.target.dataset.id}/${action}`, { method: "POST", body: JSON.stringify(body) });
    event.target.reset();
    await loadItem(event.target.dataset.id);
  } catch (error) { showError(error); }
}

$("assign-form").addEventListener("submit", (event) => act(event, "assign", { staffId: $("assignee").value }));
$("answer-form").addEventListener("submit", (event) => {
  const data = new FormData(event.target);
  const body = { answer: data.get("answer"), publish: $("publish").checked };
  if (data.get("upheld")) body.upheld = data.get("upheld") === "true";
  return act(event, "answer", body);
});
$("close-form").addEventListener("submit", (event) => act(event, "close", { note: $("close-note").value || null }));

async function loadTranscribeForm() {
  const [known, people] = await Promise.all([loadChannels(), loadStaff()]);
  const channel = $("channel");
  if (channel.options.length === 0) {
    for (const c of Object.values(known).filter((c) => c.kind !== "online")) option(channel, c.code, c.name);
    for (const p of people) option($("about-staff"), p.id, p.fullName);
  }
  $("received-on").value ||= todayVi();
}

$("transcribe-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  const receivedOn = data.get("receivedOn");
  // A box opened on an earlier day counts from that day (8:00 in Vietnam); an item taken today, from now.
  const body = { channel: data.get("channel"), category: data.get("category"), content: data.get("content") };
  if (receivedOn && receivedOn !== todayVi()) body.receivedAt = `${receivedOn}T08:00:00+07:00`;
  for (const field of ["staffId", "contact"]) if (data.get(field)) body[field] = data.get(field);
  try {
    const item = await call(`${base()}/feedback`, { method: "POST", body: JSON.stringify(body) });
    event.target.reset();
    location.hash = `#/chi-tiet/${item.id}`;
  } catch (error) { showError(error); }
});

async function loadIndex() {
  const index = await call(`${base()}/satisfaction`);
  $("index-year").textContent = index.year;
  $("index-responses").textContent = index.responses;
  $("index-share").textContent = index.satisfiedShare == null ? "chưa có đánh giá" : `${Math.round(index.satisfiedShare * 1000) / 10}%`;
  const factors = $("index-factors");
  factors.replaceChildren();
  for (const [key, score] of Object.entries(index.byFactor))
    factors.append(Object.assign(document.createElement("li"), { textContent: `${factorText[key] ?? key}: ${score.average ?? "–"} (${score.responses} phiếu)` }));
  const procedures = $("index-procedures");
  procedures.replaceChildren();
  for (const p of index.byProcedure)
    procedures.append(Object.assign(document.createElement("li"), { textContent: `${p.name ?? p.code}: ${Math.round(p.satisfiedShare * 100)}% hài lòng (${p.responses} phiếu)` }));
}

const percent = (rate) => rate == null ? "–" : `${Math.round(rate * 1000) / 10}%`;

async function loadBoard() {
  const input = $("board-year");
  input.value ||= todayVi().slice(0, 4);
  const board = await call(`/api/districts/${session.district}/scoreboard?year=${input.value}`);
  $("board-rule").textContent = "Mỗi chỉ số đạt đủ điểm khi tỷ lệ đạt chỉ tiêu; chưa đạt thì điểm = tỷ lệ × điểm tối đa ÷ chỉ tiêu (Quyết định 766/QĐ-TTg).";
  const body = $("board").querySelector("tbody");
  body.replaceChildren();
  for (const row of board.communes) {
    const tr = document.createElement("tr");
    const detail = row.indicators.map((i) => `${indicatorText[i.indicator] ?? i.indicator}: ${i.indicator === "initiatives" ? (i.rate ?? "–") : percent(i.rate)} → ${i.points}/${i.weight}`).join("; ");
    for (const text of [String(row.rank), row.name, String(row.score), detail])
      tr.append(Object.assign(document.createElement("td"), { textContent: text }));
    body.append(tr);
  }
}

$("board-year").addEventListener("change", () => loadBoard().catch(showError));

async function loadNominations() {
  const items = await call(`/api/districts/${session.district}/nominations?year=${todayVi().slice(0, 4)}`);
  const list = $("inbox");
  list.replaceChildren();
  for (const item of items) {
    const n = item.nomination;
    const li = document.createElement("li");
    li.append(
      Object.assign(document.createElement("strong"), { textContent: `${item.communeName}: ${n.nominee.name}` }),
      Object.assign(document.createElement("p"), { textContent: `${n.titleName} – ${n.reason}` }),
      Object.assign(document.createElement("small"), { textContent: nominationText[item.status] ?? item.status }));
    list.append(li);
  }
  $("inbox-empty").hidden = items.length > 0;
}

window.addEventListener("hashchange", route);
route();
