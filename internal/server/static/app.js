// The page of `baocao serve`: plain JavaScript, no framework, nothing
// fetched from elsewhere. Every text from the server is put in with
// textContent; only the preview, which the server renders and escapes
// with html/template, is inserted as HTML.
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="csrf"]').content;
  // The page is Vietnamese: it asks for the server's messages (findings,
  // errors) in Vietnamese too, whatever the browser's own language.
  const vi = { "Accept-Language": "vi" };
  const $ = (id) => document.getElementById(id);
  const state = { template: null, build: null, pendingFix: null, units: [] };

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(k == null ? "" : String(k)));
    return e;
  }

  async function post(url, fields) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      if (Array.isArray(v)) for (const x of v) fd.append(k, x); else fd.append(k, v);
    }
    const r = await fetch(url, { method: "POST", body: fd, headers: { "X-Baocao-Csrf": csrf, ...vi }, credentials: "same-origin" });
    let body = {};
    try { body = await r.json(); } catch (e) { body = { error: "Máy chủ trả lời không đúng dạng (" + r.status + ")." }; }
    return { status: r.status, body: body };
  }

  // 1. The template library.
  async function loadTemplates() {
    const list = $("mau-list");
    let items;
    try {
      items = await (await fetch("/api/templates", { credentials: "same-origin" })).json();
    } catch (e) {
      list.replaceChildren(el("p", { class: "notice err" }, "Không tải được danh sách mẫu."));
      return;
    }
    list.replaceChildren();
    for (const t of items) {
      const radio = el("input", { type: "radio", name: "mau", value: t.name, id: "mau-" + t.name });
      const card = el("div", { class: "card", "data-name": t.name },
        el("h3", {}, el("label", { for: radio.id }, radio, t.title)),
        el("p", { class: "muted" }, "Tên mẫu: " + t.name + (t.source === "data-dir" ? " (trong thư mục dữ liệu)" : " (có sẵn)")),
        el("p", {}, t.description));
      if (t.period || t.unit) {
        card.insertBefore(el("p", { class: "meta" }, [t.period && "Kỳ: " + t.period, t.unit && "Đơn vị (ví dụ): " + t.unit].filter(Boolean).join(" · ")), card.lastChild);
      }
      if (t.workbook_url) {
        card.append(el("p", {}, el("a", { href: t.workbook_url, class: "blank", download: "" }, "Tải bảng tính trống để điền")));
      }
      card.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") choose(t, card, radio); });
      list.append(card);
    }
    loadBuilds();
  }

  // Reports made earlier (also before a restart), to reopen.
  async function loadBuilds() {
    let items = [];
    try { items = await (await fetch("/api/builds", { credentials: "same-origin" })).json(); } catch (e) { return; }
    const tbody = $("da-lap").querySelector("tbody");
    tbody.replaceChildren();
    for (const b of items.slice(0, 20)) {
      const open = el("button", { type: "button", class: "small" }, "Mở");
      open.addEventListener("click", () => reopen(b));
      tbody.append(el("tr", { "data-id": b.id }, el("td", {}, b.title), el("td", {}, "v" + b.version), el("td", {}, b.upload),
        el("td", {}, new Date(b.built).toLocaleString("vi-VN")), el("td", {}, open)));
    }
    $("da-lap-truoc").hidden = items.length === 0;
  }

  async function reopen(b) {
    const r = await fetch(b.url, { headers: vi, credentials: "same-origin" });
    if (r.status !== 200) return;
    const body = await r.json();
    const card = document.querySelector('.card[data-name="' + CSS.escape(body.template) + '"]');
    if (card) card.click();
    state.build = body;
    showFindings({ status: 201, body: body });
    showBuild(body);
    $("buoc-3").scrollIntoView();
  }

  function choose(t, card, radio) {
    state.template = t;
    radio.checked = true;
    for (const c of document.querySelectorAll(".card")) c.classList.toggle("chosen", c === card);
    $("mau-chon").textContent = "Loại báo cáo: " + t.title;
    $("mau-chon").classList.remove("muted");
    // A consolidating template also takes its units' workbooks.
    $("don-vi").hidden = !t.unit_template;
    $("mau-don-vi").textContent = t.unit_template || "";
  }

  // 2. Upload, by drag and drop or the file picker.
  function dropZone(zone, input, handle) {
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault(); zone.classList.remove("over");
      if (e.dataTransfer.files.length) handle(e.dataTransfer.files[0]);
    });
    input.addEventListener("change", () => { if (input.files.length) handle(input.files[0]); input.value = ""; });
  }

  function needTemplate() {
    if (state.template) return true;
    alert("Hãy chọn loại báo cáo ở bước 1 trước.");
    return false;
  }

  async function upload(file) {
    if (!needTemplate()) return;
    $("dang-lap").hidden = false;
    const fields = { template: state.template.name, workbook: file };
    if (state.template.unit_template) fields.units = state.units;
    const r = await post("/api/builds", fields);
    $("dang-lap").hidden = true;
    showFindings(r);
    if (r.status === 201) {
      state.build = r.body;
      showBuild(r.body);
      loadBuilds();
    } else {
      $("buoc-4").hidden = true;
      $("buoc-5").hidden = true;
    }
  }

  const severity = { error: "Lỗi", warning: "Cảnh báo" };

  // 3. The findings, each with its sheet and cell.
  function showFindings(r) {
    $("buoc-3").hidden = false;
    const notice = $("thong-bao");
    const findings = r.body.findings || [];
    const warnings = findings.filter((f) => f.severity === "warning").length;
    if (r.status === 201) {
      notice.className = "notice " + (warnings ? "warn" : "ok");
      notice.textContent = warnings
        ? "Đã lập báo cáo. Có " + warnings + " cảnh báo: nên xem lại các ô dưới đây trước khi trình ký."
        : "Số liệu đạt mọi phép kiểm tra. Đã lập báo cáo.";
    } else {
      notice.className = "notice err";
      notice.textContent = r.body.error || "Không lập được báo cáo.";
      if (r.status === 422) notice.append(el("br"), "Sửa các ô được nêu trong bảng tính, lưu lại rồi tải lên lần nữa.");
    }
    const tbody = $("ket-qua").querySelector("tbody");
    tbody.replaceChildren();
    for (const f of findings) {
      tbody.append(el("tr", { class: f.severity },
        el("td", {}, severity[f.severity] || f.severity),
        el("td", {}, f.sheet || f.file || ""),
        el("td", { class: "cell" }, f.cell || ""),
        el("td", {}, f.message),
        el("td", {}, f.expected || ""),
        el("td", {}, f.found || "")));
    }
    $("ket-qua").hidden = findings.length === 0;
  }

  const kinds = [["docx", "Tải DOCX"], ["pdf", "Tải PDF"], ["xlsx", "Tải phụ lục XLSX"], ["zip", "Tải tất cả (ZIP)"]];

  // 4. Preview and downloads; 5. the versions.
  async function showBuild(b) {
    const dl = $("tai-ve");
    dl.replaceChildren(el("span", {}, "Phiên bản " + b.version + ": "));
    for (const [k, label] of kinds) {
      if (b.files[k]) dl.append(el("a", { href: b.files[k], id: "tai-" + k, download: "" }, label));
    }
    $("buoc-4").hidden = false;
    const page = await fetch(b.preview, { credentials: "same-origin" });
    $("xem-truoc").innerHTML = await page.text();
    $("buoc-5").hidden = false;
    const tbody = $("phien-ban").querySelector("tbody");
    tbody.replaceChildren();
    for (const v of b.versions.slice().reverse()) {
      const links = el("td", {});
      for (const [k] of kinds.concat([["workbook"]])) {
        if (v.files[k]) links.append(el("a", { href: v.files[k], download: "" }, k === "workbook" ? "bảng tính" : k.toUpperCase()));
      }
      tbody.append(el("tr", { "data-version": v.version }, el("td", {}, "v" + v.version), el("td", {}, v.upload),
        el("td", {}, new Date(v.built).toLocaleString("vi-VN")), links));
    }
  }

  // 5. A corrected workbook: the diff first, then the new version.
  async function fix(file) {
    if (!state.build) return;
    const box = $("khac-biet");
    box.hidden = false;
    box.replaceChildren(el("p", { class: "busy" }, "Đang so sánh với phiên bản " + state.build.version + "…"));
    $("lap-moi").hidden = true;
    const r = await post("/api/builds/" + state.build.id + "/diff", { workbook: file });
    box.replaceChildren();
    if (r.status !== 200) {
      box.append(el("p", { class: "notice err" }, r.body.error || "Không so sánh được."));
      return;
    }
    const d = r.body;
    if (d.new_findings && d.new_findings.length) {
      const p = el("div", { class: "notice err" }, "Bảng tính đã sửa còn " + d.new_findings.length + " lỗi; sẽ chưa lập được báo cáo:");
      const ul = el("ul", {});
      for (const f of d.new_findings) ul.append(el("li", {}, (f.sheet ? f.sheet + " " + (f.cell || "") + ": " : "") + f.message));
      p.append(ul);
      box.append(p);
    }
    if (!d.changes.length && !d.report.length) {
      box.append(el("p", {}, "Không có số liệu nào thay đổi so với phiên bản " + d.against + "."));
      return;
    }
    box.append(el("p", {}, d.changes.length + " số liệu thay đổi so với phiên bản " + d.against + ":"));
    for (const c of d.changes) {
      const div = el("div", { class: "change" },
        el("span", { class: "fig" }, c.sheet + (c.cell ? " " + c.cell : "") + " — " + c.label + ": "),
        el("span", { class: "old" }, c.old), " → ", el("span", { class: "new" }, c.new));
      const ul = el("ul", {});
      for (const p of c.reach) ul.append(el("li", {}, p.where + ": ", el("span", { class: "old" }, p.old || "—"), " → ", el("span", { class: "new" }, p.new || "—")));
      if (!c.reach.length) ul.append(el("li", { class: "muted" }, "Không làm thay đổi chỗ nào trong báo cáo."));
      for (const n of c.notes || []) ul.append(el("li", { class: "muted" }, n));
      div.append(ul);
      box.append(div);
    }
    // Places that no single change reaches alone (rows added or
    // removed, figures that moved only together).
    const reached = new Set();
    for (const c of d.changes) for (const p of c.reach) reached.add(p.where + "\u0000" + p.new);
    const rest = d.report.filter((p) => !reached.has(p.where + "\u0000" + p.new));
    if (rest.length) {
      const ul = el("ul", {});
      for (const p of rest) ul.append(el("li", {}, p.where + ": ", el("span", { class: "old" }, p.old || "—"), " → ", el("span", { class: "new" }, p.new || "—")));
      box.append(el("p", {}, "Cũng thay đổi trong báo cáo (do các số liệu cùng thay đổi):"), ul);
    }
    state.pendingFix = file;
    $("lap-moi").hidden = !!(d.new_findings && d.new_findings.length);
  }

  async function newVersion() {
    if (!state.pendingFix || !state.build) return;
    $("lap-moi").hidden = true;
    const r = await post("/api/builds/" + state.build.id + "/versions", { workbook: state.pendingFix });
    showFindings(r);
    if (r.status === 201) {
      state.build = r.body;
      state.pendingFix = null;
      $("khac-biet").append(el("p", { class: "notice ok", id: "da-lap-moi" }, "Đã lập phiên bản " + r.body.version + "."));
      showBuild(r.body);
    }
  }

  // 6. A batch, with its progress polled twice a second.
  async function batch(file) {
    if (!needTemplate()) return;
    const box = $("loat");
    box.hidden = false;
    $("tom-tat").replaceChildren();
    $("tien-do-chu").textContent = "Đang gửi bảng tính…";
    const r = await post("/api/batches", { template: state.template.name, workbook: file, sheet: $("trang-don-vi").value });
    if (r.status !== 202) {
      $("tien-do-chu").textContent = "";
      $("tom-tat").replaceChildren(el("p", { class: "notice err" }, r.body.error || "Không lập được."));
      return;
    }
    let st = r.body;
    while (!st.finished) {
      progress(st);
      await new Promise((res) => setTimeout(res, 500));
      st = await (await fetch("/api/batches/" + st.id, { headers: vi, credentials: "same-origin" })).json();
    }
    progress(st);
    const sum = $("tom-tat");
    sum.append(el("p", { class: "notice " + (st.failed.length ? "warn" : "ok") },
      "Xong: lập được " + st.built + "/" + st.total + " báo cáo" + (st.failed.length ? "; " + st.failed.length + " đơn vị lỗi." : ".")));
    if (st.zip) sum.append(el("p", { class: "downloads" }, el("a", { href: st.zip, id: "zip-loat", download: "" }, "Tải tất cả báo cáo (ZIP)")));
    if (st.error) sum.append(el("p", { class: "notice err" }, st.error));
    if (st.failed.length) {
      const ul = el("ul", { id: "don-vi-loi" });
      for (const f of st.failed) ul.append(el("li", {}, el("b", {}, f.unit), ": " + f.error));
      sum.append(el("p", {}, "Đơn vị chưa lập được báo cáo và lý do:"), ul);
    }
  }

  function progress(st) {
    $("tien-do").max = st.total || 1;
    $("tien-do").value = st.done;
    $("tien-do-chu").textContent = "Đã xử lý " + st.done + "/" + st.total + " đơn vị";
  }

  // Figure provenance: a figure's popover (CSS, from data-nguon) opens to
  // the left when it would run past the preview's right edge.
  function placeSource(ev) {
    const e = ev.target.closest && ev.target.closest(".nguon");
    if (!e) return;
    const width = 26 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    e.classList.toggle("ve-trai", e.getBoundingClientRect().left + width > $("xem-truoc").getBoundingClientRect().right - 16);
  }
  $("xem-truoc").addEventListener("mouseover", placeSource);
  $("xem-truoc").addEventListener("focusin", placeSource);

  dropZone($("drop"), $("tep"), upload);
  // The units' workbooks of a consolidating report: several files at once.
  $("tep-don-vi").addEventListener("change", () => {
    state.units = Array.from($("tep-don-vi").files);
    $("so-don-vi").textContent = "Đã chọn " + state.units.length + " tệp của các đơn vị.";
  });
  dropZone(document.querySelector('label[for="tep-sua"]'), $("tep-sua"), fix);
  dropZone(document.querySelector('label[for="tep-loat"]'), $("tep-loat"), batch);
  $("lap-moi").addEventListener("click", newVersion);
  loadTemplates();
})();
