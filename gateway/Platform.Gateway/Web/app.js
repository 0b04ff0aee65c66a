// The citizens' pages: feedback, tracking, satisfaction survey, published answers, dossier lookup (helpers in common.js).
"use strict";

const commune = new URLSearchParams(location.search).get("xa");
const sections = ["chon-xa", "gop-y", "theo-doi", "danh-gia", "tra-loi", "ho-so"];
const needsCommune = new Set(["gop-y", "theo-doi", "tra-loi", "ho-so"]);
const factors = [
  ["access", "Tiếp cận dịch vụ"], ["procedure", "Thủ tục hành chính"], ["officer", "Công chức giải quyết"],
  ["result", "Kết quả giải quyết"], ["feedbackHandling", "Tiếp nhận, xử lý góp ý"],
];

const show = (route) => showSection(sections, route);

async function route() {
  const [name = "gop-y", argument] = location.hash.replace(/^#\/?/, "").split("/");
  const target = sections.includes(name) ? name : "gop-y";
  if (needsCommune.has(target) && !commune) return show("chon-xa");
  show(target);
  try {
    if (target === "gop-y") { $("feedback-form").hidden = false; $("feedback-sent").hidden = true; await loadForm(); }
    if (target === "danh-gia") { $("survey-code-form").hidden = false; $("survey-form").hidden = true; $("survey-done").hidden = true; }
    if (target === "theo-doi" && argument) { $("track-code").value = argument; await track(argument); }
    if (target === "danh-gia" && argument) { $("survey-code").value = argument; await openSurvey(argument); }
    if (target === "tra-loi") await loadAnswers();
  } catch (error) { showError(error); }
}

let formLoaded = false;
async function loadForm() {
  if (formLoaded) return;
  const [form, procedures] = await Promise.all([
    api(`/api/public/communes/${commune}/feedback/form`),
    api(`/api/communes/${commune}/procedures`).catch(() => []),
  ]);
  const categories = $("categories");
  form.categories.forEach((c, i) => {
    const l = document.createElement("label");
    l.className = "choice";
    const input = Object.assign(document.createElement("input"), { type: "radio", name: "category", value: c.code, required: true, checked: i === 0 });
    l.append(input, " " + c.name);
    categories.append(l);
  });
  for (const h of form.hamlets) option($("hamlet"), h.code, h.name);
  for (const p of procedures) option($("procedure"), p.code, p.name);
  formLoaded = true;
}

async function loadHeader() {
  if (!commune) return;
  try {
    const form = await api(`/api/public/communes/${commune}/feedback/form`);
    $("commune-name").textContent = "UBND " + form.communeName;
    $("district-name").textContent = form.districtName;
    document.title = "Góp ý, phản ánh – UBND " + form.communeName;
  } catch (error) { showError(error); }
}

$("content").addEventListener("input", () => { $("content-count").textContent = $("content").value.length; });

$("feedback-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  const body = { channel: "online", category: data.get("category"), content: data.get("content") };
  for (const field of ["procedureCode", "hamlet", "contact"]) if (data.get(field)) body[field] = data.get(field);
  if (!body.content.trim()) return showError(new Error("Vui lòng nhập nội dung góp ý."));
  try {
    const receipt = await api(`/api/public/communes/${commune}/feedback`, { method: "POST", body: JSON.stringify(body) });
    event.target.reset();
    $("content-count").textContent = "0";
    event.target.hidden = true;
    $("tracking-code").textContent = receipt.trackingCode;
    $("tracking-due").textContent = dateVi(receipt.dueDate);
    $("tracking-link").href = `#/theo-doi/${receipt.trackingCode}`;
    $("feedback-sent").hidden = false;
    $("error").hidden = true;
  } catch (error) { showError(error); }
});

async function track(code) {
  const item = await api(`/api/public/communes/${commune}/feedback/${encodeURIComponent(code.trim())}`);
  $("track-status").textContent = item.statusText;
  $("track-content").textContent = item.content;
  $("track-received").textContent = dateVi(item.receivedAt);
  $("track-due").textContent = dateVi(item.dueDate);
  $("track-answer").textContent = item.answer ?? "Chưa có trả lời.";
  $("track-result").hidden = false;
}

$("track-form").addEventListener("submit", (event) => {
  event.preventDefault();
  location.hash = `#/theo-doi/${encodeURIComponent($("track-code").value.trim().toUpperCase())}`;
});

async function openSurvey(code) {
  const survey = await api(`/api/public/surveys/${encodeURIComponent(code.trim())}`);
  if (survey.answered) throw new Error("Mã này đã được dùng để đánh giá. Cảm ơn ông/bà.");
  $("survey-procedure").textContent = survey.procedureName ?? survey.procedureCode;
  $("survey-form").dataset.code = survey.code;
  $("survey-code-form").hidden = true;
  $("survey-form").hidden = false;
}

for (const [key, text] of factors) {
  const row = document.createElement("label");
  row.className = "factor";
  const select = Object.assign(document.createElement("select"), { name: key });
  option(select, "", "—");
  for (let score = 5; score >= 1; score--) option(select, String(score), String(score));
  row.append(text, select);
  $("factors").append(row);
}

$("survey-code-form").addEventListener("submit", (event) => {
  event.preventDefault();
  location.hash = `#/danh-gia/${encodeURIComponent($("survey-code").value.trim().toUpperCase())}`;
});

$("survey-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  if (!data.get("level")) return showError(new Error("Vui lòng chọn mức hài lòng."));
  const scores = Object.fromEntries(factors.filter(([key]) => data.get(key)).map(([key]) => [key, Number(data.get(key))]));
  const body = { level: data.get("level"), factors: scores };
  if (data.get("comment")) body.comment = data.get("comment");
  try {
    await api(`/api/public/surveys/${encodeURIComponent(event.target.dataset.code)}`, { method: "POST", body: JSON.stringify(body) });
    event.target.hidden = true;
    $("survey-done").hidden = false;
    $("error").hidden = true;
  } catch (error) { showError(error); }
});

async function loadAnswers() {
  const answers = await api(`/api/public/communes/${commune}/feedback/answers`);
  const list = $("answers");
  list.replaceChildren();
  for (const a of answers) {
    const li = document.createElement("li");
    const question = Object.assign(document.createElement("p"), { className: "question text", textContent: a.question });
    const answer = Object.assign(document.createElement("p"), { className: "text", textContent: a.answer });
    const meta = Object.assign(document.createElement("small"), { textContent: `${a.categoryName} · trả lời ngày ${dateVi(a.answeredAt)}` });
    li.append(question, answer, meta);
    list.append(li);
  }
  $("answers-empty").hidden = answers.length > 0;
}

$("dossier-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  try {
    const d = await api(`/api/public/communes/${commune}/dossiers/${encodeURIComponent(data.get("receiptNo").trim())}?phone=${encodeURIComponent(data.get("phone").trim())}`);
    $("dossier-procedure").textContent = d.procedureName;
    $("dossier-status").textContent = d.statusText;
    $("dossier-appointment").textContent = dateVi(d.appointmentDate);
    $("dossier-result").hidden = false;
    $("error").hidden = true;
  } catch (error) { showError(error); }
});

$("commune-form").addEventListener("submit", (event) => {
  event.preventDefault();
  location.search = "?xa=" + encodeURIComponent($("commune-code").value.trim());
});

window.addEventListener("hashchange", route);
loadHeader();
route();
