// The page of `speller serve`: check the article through /api/check, underline what is found,
// apply a suggestion, fix everything at least `fixConfidence` sure, copy the text. An issue less
// sure than `flagConfidence` (more often a right word than an error) is a note: underlined thinly.
// Offsets from the server count code points; JavaScript strings count UTF-16 units, so the
// text is handled as an array of code points (Array.from) wherever offsets are used.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const textBox = $("text");
  const result = $("result");
  const statusLine = $("status");
  const fixAll = $("fix-all");
  const popup = $("popup");
  const keyRow = $("key-row");
  const keyBox = $("api-key");
  const pickyBox = $("picky");
  const markupBox = $("markup");

  let info = { fixConfidence: 0.9, flagConfidence: 0.5, categories: {}, maxChars: 200000 };
  let issues = [];
  let checkedText = null;
  let pending = null;
  let generation = 0;

  function headers(json) {
    const h = json ? { "Content-Type": "application/json" } : {};
    if (keyBox.value) h["Authorization"] = "Bearer " + keyBox.value;
    return h;
  }

  function say(message) {
    statusLine.textContent = message;
  }

  function isConfident(issue) {
    return issue.suggestions.length > 0 && issue.confidence >= info.fixConfidence;
  }

  function isNote(issue) {
    return issue.confidence < info.flagConfidence;
  }

  function describe(issue) {
    const cat = info.categories[issue.category];
    const what = cat ? cat.what : "may be wrong";
    return "“" + issue.word + "” " + what + (isNote(issue) ? " (unsure)." : ".");
  }

  function showLegend() {
    const legend = $("legend");
    legend.textContent = "";
    for (const [name, cat] of Object.entries(info.categories)) {
      if (!cat.default) continue;
      const li = document.createElement("li");
      li.className = "cat-" + name;
      li.textContent = cat.title;
      li.title = cat.description;
      legend.appendChild(li);
    }
  }

  async function loadInfo() {
    try {
      const response = await fetch("api/info");
      if (response.ok) info = await response.json();
    } catch (e) {
      /* keep the defaults */
    }
    keyRow.hidden = !info.apiKeyRequired;
    showLegend();
  }

  // Replace code point spans [start, end) of the text by strings; edits must not overlap.
  function applyEdits(text, edits) {
    const cps = Array.from(text);
    const sorted = edits.slice().sort((a, b) => b.start - a.start);
    let last = Infinity;
    for (const e of sorted) {
      if (e.end > last) continue;
      cps.splice(e.start, e.end - e.start, e.value);
      last = e.start;
    }
    return cps.join("");
  }

  function render() {
    closePopup();
    result.textContent = "";
    if (checkedText === null) return;
    const cps = Array.from(checkedText);
    let pos = 0;
    issues.forEach((issue, i) => {
      if (issue.start < pos) return;
      result.appendChild(document.createTextNode(cps.slice(pos, issue.start).join("")));
      const mark = document.createElement("mark");
      mark.className = "issue cat-" + issue.category + (isNote(issue) ? " note" : "");
      mark.dataset.index = String(i);
      mark.dataset.category = issue.category;
      mark.tabIndex = 0;
      mark.title = describe(issue);
      mark.textContent = cps.slice(issue.start, issue.end).join("");
      result.appendChild(mark);
      pos = issue.end;
    });
    result.appendChild(document.createTextNode(cps.slice(pos).join("")));
    const sure = issues.filter(isConfident).length;
    fixAll.disabled = sure === 0;
    say(issues.length === 0 ? "No issues found." :
        issues.length + (issues.length === 1 ? " issue" : " issues") + " found, " + sure + " confident.");
  }

  // The request under way, cancelled when a newer one starts: the server then skips a long check no one waits for.
  let inFlight = null;

  // POST `request` to the server's `path`; the answer's JSON, or null once the trouble is said on the status line.
  async function ask(path, request, mine) {
    if (inFlight !== null) inFlight.abort();
    const controller = new AbortController();
    inFlight = controller;
    let response;
    try {
      response = await fetch(path, {
        method: "POST", headers: headers(true), body: JSON.stringify(request), signal: controller.signal,
      });
    } catch (e) {
      if (e.name !== "AbortError") say("The server cannot be reached.");
      return null;
    } finally {
      if (inFlight === controller) inFlight = null;
    }
    if (mine !== generation) return null; // a newer check is under way
    if (response.status === 401) {
      keyRow.hidden = false;
      say("This server needs an API key.");
      return null;
    }
    let body;
    try {
      body = await response.json();
    } catch (e) {
      body = {};
    }
    if (!response.ok) {
      say(body.error || "The server refused (" + response.status + ").");
      return null;
    }
    return mine === generation ? body : null;
  }

  // The fields of the text as written: its markup (its tags or code are not checked) when not plain text.
  function request(text) {
    const fields = { text };
    if (markupBox.value !== "text") fields.markup = markupBox.value;
    return fields;
  }

  // A check that failed leaves no result of an earlier text on show (its marks would edit a text no longer there);
  // the status line says why, and the text box keeps the text.
  function clearResult() {
    closePopup();
    issues = [];
    checkedText = null;
    result.textContent = "";
    fixAll.disabled = true;
  }

  async function check() {
    const text = textBox.value;
    const mine = ++generation;
    if (Array.from(text).length > info.maxChars) {
      clearResult();
      say("The text is longer than this server accepts (" + info.maxChars + " characters).");
      return;
    }
    say("Checking…");
    // `picky` only when asked: unticked, the server's own setting (its --config) decides
    const body = await ask("api/check", pickyBox.checked ? { ...request(text), picky: true } : request(text), mine);
    if (body === null) {
      if (mine === generation) clearResult();
      return;
    }
    issues = body.issues;
    checkedText = text;
    render();
  }

  function scheduleCheck() {
    clearTimeout(pending);
    pending = setTimeout(check, 500);
  }

  function setText(text) {
    textBox.value = text;
    check();
  }

  function closePopup() {
    popup.hidden = true;
    for (const m of result.querySelectorAll("mark.active")) m.classList.remove("active");
  }

  function openPopup(mark) {
    closePopup();
    const issue = issues[Number(mark.dataset.index)];
    if (!issue) return;
    mark.classList.add("active");
    $("popup-message").textContent = describe(issue) +
      (issue.suggestions.length ? "" : " No suggestion.");
    const box = $("popup-suggestions");
    box.textContent = "";
    for (const value of issue.suggestions) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "suggestion";
      button.textContent = value;
      button.addEventListener("click", () => {
        if (checkedText !== textBox.value) return; // the text changed since: wait for the next check
        setText(applyEdits(checkedText, [{ start: issue.start, end: issue.end, value }]));
      });
      box.appendChild(button);
    }
    const rect = mark.getBoundingClientRect();
    popup.hidden = false;
    const left = Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - popup.offsetWidth - 8);
    popup.style.left = Math.max(8, left) + "px";
    popup.style.top = (rect.bottom + window.scrollY + 6) + "px";
    const first = box.querySelector("button");
    if (first) first.focus();
  }

  result.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.issue");
    if (mark) openPopup(mark);
  });
  result.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark.issue");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openPopup(mark);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closePopup();
  });
  $("popup-close").addEventListener("click", closePopup);

  // "Fix all confident" is `speller fix`'s own rule, applied by the server (/api/fix): the confident issues, each
  // other place the text writes the same error, and what two fixes side by side make (a word written twice).
  fixAll.addEventListener("click", async () => {
    if (checkedText !== textBox.value) return;
    const text = checkedText;
    say("Fixing…");
    // no minConfidence: the server's own (`fix`'s threshold, or its config's min-confidence when higher)
    const body = await ask("api/fix", request(text), generation);
    if (body !== null && textBox.value === text) setText(body.text);
  });

  $("copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(textBox.value);
    } catch (e) {
      textBox.select();
      document.execCommand("copy");
    }
    say("Text copied.");
  });

  $("check").addEventListener("click", () => {
    clearTimeout(pending);
    check();
  });
  textBox.addEventListener("input", scheduleCheck);
  markupBox.addEventListener("change", scheduleCheck);
  pickyBox.addEventListener("change", scheduleCheck);

  loadInfo();
})();
