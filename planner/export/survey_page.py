"""The survey form's own script and style, inlined into each form (the form
is one file: no server, nothing fetched) and allowed by their hashes in its
Content-Security-Policy. Every text is set with textContent."""

PAGE_SCRIPT = r'''"use strict";
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const form = document.getElementById("survey");
  const W = data.words;
  const said = (text) => { document.getElementById("said").textContent = text; };
  data.questions.forEach((question, qi) => {
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = question;
    set.appendChild(legend);
    data.people.forEach(([pid, name], pi) => {
      const row = document.createElement("div");
      row.className = "row";
      const label = document.createElement("label");
      label.textContent = name;
      const select = document.createElement("select");
      select.id = "q" + qi + "p" + pi;
      label.htmlFor = select.id;
      select.dataset.question = String(qi);
      select.dataset.person = pid;
      const none = document.createElement("option");
      none.value = "0";
      none.textContent = W.none;
      select.appendChild(none);
      data.often.forEach(([n, words]) => {
        const option = document.createElement("option");
        option.value = String(n);
        option.textContent = words;
        select.appendChild(option);
      });
      row.append(label, select);
      set.appendChild(row);
    });
    form.appendChild(set);
  });
  const button = document.createElement("button");
  button.type = "submit";
  button.id = "save";
  button.textContent = W.save;
  form.appendChild(button);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const answers = [];
    for (const select of form.querySelectorAll("select")) {
      const often = Number(select.value);
      if (often > 0) answers.push([Number(select.dataset.question), select.dataset.person, often]);
    }
    if (!(window.crypto && window.crypto.subtle)) { said(W.cannot); return; }
    const text = JSON.stringify([data.plan, data.survey, data.invite, answers]);
    const encode = (s) => new TextEncoder().encode(s);
    const key = await crypto.subtle.importKey("raw", encode(data.token),
                                              {name: "HMAC", hash: "SHA-256"}, false, ["sign"]);
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encode(text)));
    const seal = Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
    const doc = {format: data.format, version: data.version, plan: data.plan,
                 survey: data.survey, invite: data.invite, answers: answers, seal: seal};
    const file = W.file + "-" + data.invite.slice(0, 8) + ".json";
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 1)],
                                             {type: "application/json"}));
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
    said(W.saved.replace("{file}", file));
  });
})();
'''

PAGE_CSS = r'''body { font: 16px/1.45 system-ui, sans-serif; margin: 0; color: #1F2933; background: #F7F8FA; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; overflow-wrap: anywhere; }
.intro, legend { overflow-wrap: anywhere; }
fieldset { border: 1px solid #D5DAE1; border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 0.8rem; background: #FFF; min-width: 0; }
legend { font-weight: 600; padding: 0 0.3rem; }
.row { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.4rem; padding: 0.3rem 0; border-bottom: 1px solid #EEF1F4; }
.row label { flex: 1 1 9rem; min-width: 0; overflow-wrap: anywhere; }
select { font: inherit; flex: 0 1 12rem; min-width: 0; max-width: 100%; }
button { font: inherit; font-weight: 600; color: #FFF; background: #2F6F9F; border: 0; border-radius: 6px; padding: 0.6rem 1.2rem; }
#said { font-weight: 600; }
'''
