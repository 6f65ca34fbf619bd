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
             odd: "The room answered oddly.",
             survey_answering: "Answering as {name}", survey_answered: "{name} (answered)",
             survey_find: "Find a person on the other team", survey_add: "Add {name}",
             survey_remove: "Remove {name}", survey_often: "How often you go to {name}",
             survey_none_yet: "Nobody chosen yet: leave it empty if you go to nobody.",
             survey_more: "{count} more: type more of the name.", survey_no_match: "Nobody of that name.",
             survey_no_match_other: "Nobody of that name on the other team.",
             survey_sent: "Sent. You can change them and send again until the facilitator takes them into the plan.",
             survey_choose_me: "Choose yourself first.", survey_taken: "Your answers are in the plan. Thank you.",
             team_sales: "Sales", team_marketing: "Marketing"};
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
    $("survey-form").hidden = s.adds !== "survey";
    if (s.adds === "survey" && s.survey && s.survey !== survey.version) loadSurvey();
    const form = $("card-form");
    const wasKind = form.dataset.kind || "";
    form.hidden = !s.adds || s.adds === "survey";
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

  // The network survey: the participant says who they are (a person of the
  // plan), then for each question whom of the other team they go to and how
  // often. The people come once a survey; who has answered at each change.
  const MATCHES_SHOWN = 8;
  const survey = {id: "", version: 0, people: [], byId: new Map(), questions: [], often: [],
                  answered: new Set(), me: "", chosen: [], loading: false};
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  async function loadSurvey() {
    if (survey.loading) return;
    survey.loading = true;
    try {
      let r = await call("GET", "/api/survey");
      if (r.status === 200 && r.data.id !== survey.id) r = await call("GET", "/api/survey?people=1");
      if (r.status !== 200) { $("survey-note").textContent = r.data.error || ""; return; }
      const d = r.data;
      const fresh = d.id !== survey.id;
      if (fresh) {
        survey.id = d.id; survey.people = d.people || [];
        survey.byId = new Map(survey.people.map((p) => [p[0], p]));
        survey.questions = d.questions; survey.often = d.often;
        survey.me = ""; survey.chosen = d.questions.map(() => new Map());
      }
      survey.version = d.version;
      survey.answered = new Set(d.answered);
      if (d.mine && (fresh || !survey.me)) {
        survey.me = d.mine.person;
        survey.chosen = survey.questions.map(() => new Map());
        for (const [q, person, often] of d.mine.answers) survey.chosen[q].set(person, often);
      }
      if (survey.me && survey.answered.has(survey.me) && !d.mine) {
        $("survey-note").textContent = say("survey_taken");
      }
      renderSurvey(fresh);
    } finally {
      survey.loading = false;
    }
  }

  function otherTeam() {
    const me = survey.byId.get(survey.me);
    if (!me) return [];
    return survey.people.filter((p) => p[2] !== me[2] && (p[2] === "sales" || p[2] === "marketing"));
  }

  function matchList(list, typed, pool, picked, disabled, none) {
    const words = fold(typed.trim());
    const found = words ? pool.filter((p) => fold(p[1]).includes(words)) : [];
    const shown = found.slice(0, MATCHES_SHOWN);
    list.replaceChildren(...shown.map((p) => {
      const li = node("li");
      const b = node("button", disabled(p) ? say("survey_answered", {name: p[1]}) : p[1]);
      b.type = "button"; b.disabled = disabled(p);
      b.setAttribute("aria-label", say("survey_add", {name: p[1]}));
      b.addEventListener("click", () => picked(p));
      li.appendChild(b); return li;
    }));
    if (words && !found.length) list.appendChild(node("li", say(none || "survey_no_match"), "hint"));
    if (found.length > shown.length)
      list.appendChild(node("li", say("survey_more", {count: found.length - shown.length}), "hint"));
  }

  function renderSurvey(fresh) {
    const me = survey.byId.get(survey.me);
    $("survey-me").hidden = !me;
    $("survey-pick-me").hidden = Boolean(me);
    if (me) {
      $("survey-me-name").textContent = say("survey_answering", {name: me[1]}) + " · " + say("team_" + me[2]);
    } else {
      matchList($("survey-me-matches"), $("survey-find-me").value, survey.people, (p) => {
        survey.me = p[0]; survey.chosen = survey.questions.map(() => new Map());
        $("survey-note").textContent = ""; renderSurvey(true);
      }, (p) => survey.answered.has(p[0]));
    }
    const box = $("survey-questions");
    if (fresh || box.dataset.me !== survey.me) {
      box.dataset.me = survey.me;
      box.replaceChildren(...(me ? survey.questions.map((question, q) => {
        const part = node("div", undefined, "question");
        part.appendChild(node("h3", question));
        const id = `survey-find-${q}`;
        const label = node("label", say("survey_find")); label.htmlFor = id;
        const input = node("input"); input.id = id; input.autocomplete = "off"; input.maxLength = 60;
        const found = node("ul", undefined, "matches"); found.id = `survey-found-${q}`;
        const chosen = node("ul", undefined, "chosen"); chosen.id = `survey-chosen-${q}`;
        input.addEventListener("input", () => matchesFor(q));
        part.append(label, input, found, chosen);
        return part;
      }) : []));
    }
    if (me) survey.questions.forEach((question, q) => { matchesFor(q); chosenFor(q); });
  }

  function matchesFor(q) {
    const input = $(`survey-find-${q}`);
    if (!input) return;
    matchList($(`survey-found-${q}`), input.value,
              otherTeam().filter((p) => !survey.chosen[q].has(p[0])), (p) => {
                survey.chosen[q].set(p[0], 2); input.value = ""; matchesFor(q); chosenFor(q);
                input.focus();
              }, () => false, "survey_no_match_other");
  }

  function chosenFor(q) {
    const list = $(`survey-chosen-${q}`);
    if (!list) return;
    const items = [...survey.chosen[q]].filter(([person]) => survey.byId.has(person));
    if (!items.length) { list.replaceChildren(node("li", say("survey_none_yet"), "hint")); return; }
    list.replaceChildren(...items.map(([person, often]) => {
      const p = survey.byId.get(person);
      const li = node("li");
      li.appendChild(node("span", p[1], "name"));
      const pick = node("select");
      pick.setAttribute("aria-label", say("survey_often", {name: p[1]}));
      for (const [value, words] of survey.often) {
        const o = node("option", words); o.value = String(value); o.selected = value === often;
        pick.appendChild(o);
      }
      pick.addEventListener("change", () => survey.chosen[q].set(person, Number(pick.value)));
      const remove = node("button", "×"); remove.type = "button";
      remove.setAttribute("aria-label", say("survey_remove", {name: p[1]}));
      remove.addEventListener("click", () => { survey.chosen[q].delete(person); matchesFor(q); chosenFor(q); });
      li.append(pick, remove);
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

  $("survey-find-me").addEventListener("input", () => renderSurvey(false));
  $("survey-me-change").addEventListener("click", () => {
    survey.me = ""; $("survey-note").textContent = ""; renderSurvey(true); $("survey-find-me").focus();
  });
  $("survey-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!survey.me) { $("survey-note").textContent = say("survey_choose_me"); return; }
    const answers = [];
    survey.chosen.forEach((people, q) => { for (const [person, often] of people) answers.push([q, person, often]); });
    $("survey-button").disabled = true;
    const r = await call("POST", "/api/survey", {person: survey.me, answers});
    $("survey-button").disabled = false;
    $("survey-note").textContent = r.status === 200 ? say("survey_sent") : (r.data.error || say("odd"));
  });

  const fromLink = new URLSearchParams(location.hash.slice(1)).get("code");
  if (fromLink) $("code").value = fromLink;
  words().then(() => { if (token) poll(); });
})();
