// The workshop room's page: join, then follow the screen by long polling.
// Every text from the room is set with textContent: cards are never markup.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem("tandem-room-token") || "";
  let version = "";
  let polling = false;
  // The page's words: English here, the window's language from /words.json.
  const W = {anonymous: "anonymous", by: "by {name}", could_not_join: "Could not join.",
             you_said: "You said {value}.", vote_clock: "Vote open: {time} left.",
             dots_one: "You have {count} dot left.", dots_other: "You have {count} dots left.",
             hot_button: "Add a hot button you heard from customers", proposal: "Propose a goal",
             topic: "Add a topic for the parking lot", retro: "Add a card",
             card_heading: "Add a card", from_sales: "From sales", from_marketing: "From marketing",
             names_someone: "This card names someone: reviews stay blameless, about what happened, not who.",
             dot_on: "Put a dot on: {card}", dot_back: "Take a dot back from: {card}",
             added: "Added.", not_added: "Not added.",
             added_names: "Added. It names someone: the review stays blameless, about what happened, not who.",
             unreachable: "The room cannot be reached. It may have closed, or this network keeps devices apart: ask the facilitator.",
             odd: "The room answered oddly."};
  const say = (key, fields) => String(W[key] || "").replace(/\{(\w+)\}/g,
    (whole, name) => (fields && name in fields ? String(fields[name]) : whole));

  async function words() {
    try {
      const reply = await fetch("/words.json", {cache: "no-store", credentials: "omit"});
      if (!reply.ok) return;
      const given = await reply.json();
      for (const [key, value] of Object.entries(given))
        if (typeof value === "string") W[key] = value;
    } catch (e) {
      return;  // English, as the page was written
    }
    if (W.lang) document.documentElement.lang = W.lang;
    for (const el of document.querySelectorAll("[data-w]"))
      if (W[el.dataset.w]) el.textContent = W[el.dataset.w];
    for (const el of document.querySelectorAll("[data-w-label]"))
      if (W[el.dataset.wLabel]) el.setAttribute("aria-label", W[el.dataset.wLabel]);
  }

  async function call(method, path, body) {
    const headers = {"Content-Type": "application/json"};
    if (token) headers["X-Room-Token"] = token;
    let reply;
    try {
      reply = await fetch(path, {method, headers, body: body ? JSON.stringify(body) : undefined,
                                 cache: "no-store", credentials: "omit"});
    } catch (e) {
      return {status: 0, data: {error: say("unreachable")}};
    }
    let data = {};
    try { data = await reply.json(); } catch (e) { data = {error: say("odd")}; }
    return {status: reply.status, data};
  }

  function node(tag, text, cls) {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }

  function closed(sentence) {
    token = ""; sessionStorage.removeItem("tandem-room-token");
    $("board").hidden = true;
    $("join").hidden = false;
    $("join-error").textContent = sentence;
  }

  function render(s) {
    $("join").hidden = true;
    $("board").hidden = false;
    $("who").textContent = s.name ? s.name : say("anonymous");
    $("title").textContent = s.title;
    const lines = $("lines");
    lines.replaceChildren(...s.lines.map((l) => node("li", l)));
    const voting = s.vote_seconds > 0;
    $("vote").hidden = !voting;
    if (voting) {
      const m = Math.floor(s.vote_seconds / 60), sec = String(s.vote_seconds % 60).padStart(2, "0");
      $("vote-clock").textContent = say("vote_clock", {time: `${m}:${sec}`});
      $("dots").textContent = say(s.dots_left === 1 ? "dots_one" : "dots_other", {count: s.dots_left});
    }
    $("confidence").hidden = !s.goal;
    if (s.goal) {
      const row = $("confidence-buttons");
      if (!row.children.length) {
        for (let n = 1; n <= 10; n++) {
          const b = node("button", String(n)); b.type = "button"; b.dataset.value = n;
          b.addEventListener("click", async () => {
            const r = await call("POST", "/api/confidence", {value: n});
            if (r.status !== 200) $("confidence-said").textContent = r.data.error || "";
          });
          row.appendChild(b);
        }
      }
      for (const b of row.children)
        b.setAttribute("aria-pressed", String(Number(b.dataset.value) === s.my_confidence));
      $("confidence-said").textContent = s.my_confidence ? say("you_said", {value: s.my_confidence}) : "";
    }
    const form = $("card-form");
    const wasKind = form.dataset.kind || "";
    form.hidden = !s.adds;
    form.dataset.kind = s.adds;
    if (s.adds) {
      $("card-heading").textContent = say(s.adds) || say("card_heading");
      const parts = $("parts");
      const choices = s.adds === "retro" ? s.parts
        : s.adds === "proposal" ? [["sales", say("from_sales")], ["marketing", say("from_marketing")]] : [];
      const key = JSON.stringify(choices);
      if (parts.dataset.key !== key || wasKind !== s.adds) {
        parts.dataset.key = key;
        parts.replaceChildren(...choices.map(([value, label], n) => {
          const l = node("label"); const r = node("input"); r.type = "radio"; r.name = "part";
          r.value = value;
          r.checked = s.adds === "proposal" ? value === (s.side || "sales") : n === 0;
          l.append(r, document.createTextNode(label)); return l;
        }));
      }
    }
    const list = $("cards");
    list.replaceChildren(...s.cards.map((c) => {
      const li = node("li", undefined, c.mine ? "mine" : "");
      const body = node("div", undefined, "text");
      body.appendChild(node("div", c.text));
      const label = (s.parts.find((p) => p[0] === c.part) || [null, c.part === "sales" ? say("from_sales") : c.part === "marketing" ? say("from_marketing") : ""])[1];
      const meta = [label, c.author ? say("by", {name: c.author}) : say("anonymous")].filter(Boolean).join(" · ");
      body.appendChild(node("div", meta, "meta"));
      if (c.names_someone)
        body.appendChild(node("div", say("names_someone"), "meta flag"));
      li.appendChild(body);
      li.appendChild(node("span", `${c.dots} ●`, "dots"));
      if (voting) {
        const up = node("button", "+"); up.type = "button"; up.setAttribute("aria-label", say("dot_on", {card: c.text}));
        up.disabled = s.dots_left <= 0;
        up.addEventListener("click", () => vote(c.id, true));
        li.appendChild(up);
        if (c.my_dots) {
          const down = node("button", "−", "less"); down.type = "button";
          down.setAttribute("aria-label", say("dot_back", {card: c.text}));
          down.addEventListener("click", () => vote(c.id, false));
          li.appendChild(down);
        }
      }
      return li;
    }));
  }

  async function vote(id, up) {
    const r = await call("POST", "/api/vote", {card: id, up});
    if (r.status !== 200) $("card-note").textContent = r.data.error || "";
  }

  async function poll() {
    if (polling) return;
    polling = true;
    while (token) {
      const r = await call("GET", `/api/state?since=${version}`);
      if (r.status === 200) {
        version = String(r.data.version); render(r.data);
        await new Promise((done) => setTimeout(done, 250));  // at most four a second
        continue;
      }
      if (r.status === 401 || r.status === 410) { closed(r.data.error); break; }
      if (r.status === 0) { $("closed").hidden = false; $("closed").textContent = r.data.error; }
      await new Promise((done) => setTimeout(done, r.status === 429 ? 1000 : 2000));
    }
    polling = false;
  }

  $("join-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    $("join-button").disabled = true;
    const r = await call("POST", "/api/join", {code: $("code").value, name: $("name").value,
                                                side: $("side").value});
    $("join-button").disabled = false;
    if (r.status !== 200) { $("join-error").textContent = r.data.error || say("could_not_join"); return; }
    token = r.data.token; sessionStorage.setItem("tandem-room-token", token);
    $("join-error").textContent = ""; version = ""; poll();
  });

  $("card-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("card-text").value;
    const part = (document.querySelector('input[name="part"]:checked') || {}).value || "";
    $("card-button").disabled = true;
    const r = await call("POST", "/api/card", {text, part});
    $("card-button").disabled = false;
    if (r.status === 200) {
      $("card-text").value = "";
      $("card-note").textContent = say(r.data.names_someone ? "added_names" : "added");
    } else {
      $("card-note").textContent = r.data.error || say("not_added");
    }
  });

  const fromLink = new URLSearchParams(location.hash.slice(1)).get("code");
  if (fromLink) $("code").value = fromLink;
  words().then(() => { if (token) poll(); });
})();
