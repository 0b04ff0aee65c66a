// Shared by the citizens' and the staff pages. Text from the API is always put on the page with textContent.
"use strict";

const $ = (id) => document.getElementById(id);

const dateVi = (iso) => iso ? new Date(iso.length === 10 ? iso + "T00:00:00" : iso).toLocaleDateString("vi-VN") : "";

const fieldNames = {
  content: "nội dung", category: "loại góp ý", contact: "liên hệ", level: "mức hài lòng", comment: "ý kiến",
  channel: "kênh", staffId: "cán bộ", receivedAt: "ngày nhận", answer: "trả lời", upheld: "kết luận", note: "ghi chú",
};

function describe(status, problem) {
  if (status === 429) return "Bạn gửi quá nhiều lần. Vui lòng thử lại sau ít phút.";
  if (status === 401) return "Phiên làm việc đã hết hạn hoặc sai tên đăng nhập, mật khẩu.";
  if (status === 403) return "Tài khoản không có quyền thực hiện việc này.";
  if (status === 404) return "Không tìm thấy. Vui lòng kiểm tra lại mã.";
  if (status === 409) return problem?.type?.endsWith("survey-answered") ? "Mã này đã được sử dụng." : "Việc này không còn thực hiện được: " + (problem?.detail ?? "");
  if (status === 422) return problem?.detail ?? "Không thể thực hiện.";
  if (status === 400 && problem?.errors)
    return "Thông tin chưa hợp lệ: " + Object.keys(problem.errors).map((f) => fieldNames[f] ?? f).join(", ") + ".";
  return "Có lỗi xảy ra, vui lòng thử lại.";
}

async function api(path, options = {}, token = null) {
  const headers = { "accept-language": "vi" }; // the pages are Vietnamese: so are the problems' details they show, whatever the browser's language
  if (options.body) headers["content-type"] = "application/json";
  if (token) headers.authorization = "Bearer " + token;
  const response = await fetch(path, { ...options, headers });
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw Object.assign(new Error(describe(response.status, body)), { status: response.status });
  return body;
}

function showError(error) {
  $("error").textContent = error.message;
  $("error").hidden = false;
}

function option(select, value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  select.append(o);
}

/** Shows one section of the page and marks its link in the navigation. */
function showSection(sections, route) {
  $("error").hidden = true;
  for (const id of sections) $(id).hidden = id !== route;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.getAttribute("href") === "#/" + route) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}
