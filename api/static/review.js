// Curating from the explorer: the review queue of suggested links (each with the passages of
// both ends, the shared terms marked), confirmed or rejected with a curator's key entered once,
// and the status control of a task or project. The buttons that change the graph show only for a
// curator's key (viewer), and the page says why they are hidden; another curator's decisions
// reach the queue as they are made (applyChange, from the live changes).
(function () {
  "use strict";
  const { key, graphql, viewer, element, marked, setStatus } = window.plangraph;

  const QUEUE_QUERY = `query Queue($plan: ID, $first: Int!, $after: String) {
  linkSuggestions(planId: $plan, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id type likelihood similarity evidence status from { id kind name text } to { id kind name text } }
  }
}`;
  const REVIEW_MUTATION = `mutation Review($id: ID!, $decision: ReviewDecision!) {
  reviewLink(id: $id, decision: $decision) { id status }
}`;
  const STATUS_MUTATION = `mutation SetStatus($id: ID!, $status: Status!) { setStatus(id: $id, status: $status) { id status } }`;
  const STATUSES = ["NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "DONE"];
  const PAGE = 10;
  const queue = { plan: null, after: null };

  function refusal(error) {
    const codes = error.codes || [];
    if (codes.includes("UNAUTHENTICATED")) return "Refused: enter a curator's key above (this one is missing, unknown or revoked).";
    if (codes.includes("FORBIDDEN")) return "Refused: this key may read but not change (a curator's key is needed).";
    return error.message;
  }

  // The shared terms the evidence names (共同关键词：声明、自我、企业).
  function evidenceTerms(evidence) {
    const [, terms] = (evidence || "").split("：");
    return terms ? terms.split("、") : [];
  }

  function end(label, entity, terms, onExplore) {
    const name = element("button", { type: "button", className: "link" }, entity.name);
    name.addEventListener("click", () => onExplore(entity.id));
    return element("div", { className: "end" },
      element("p", { className: "kind" }, `${label} · ${entity.kind}`), name, marked(entity.text || entity.name, terms));
  }

  function card(suggestion, onExplore) {
    const terms = evidenceTerms(suggestion.evidence);
    const outcome = element("span", { className: "outcome", role: "status" });
    const decide = (decision) => async () => {
      try {
        const { reviewLink } = await graphql(REVIEW_MUTATION, { id: suggestion.id, decision });
        item.dataset.status = reviewLink.status;
        outcome.textContent = reviewLink.status === "CONFIRMED" ? "Confirmed: now a curated link" : "Rejected: gone from the graph";
        for (const button of item.querySelectorAll(".actions button")) button.disabled = true;
      } catch (error) {
        outcome.textContent = refusal(error);
      }
    };
    const confirm = element("button", { type: "button", className: "confirm" }, "Confirm");
    const reject = element("button", { type: "button", className: "reject" }, "Reject");
    confirm.addEventListener("click", decide("CONFIRM"));
    reject.addEventListener("click", decide("REJECT"));
    const item = element("li", { className: "suggestion" },
      element("p", { className: "heading" }, element("strong", {}, suggestion.type),
        ` · likelihood ${suggestion.likelihood.toFixed(3)}`,
        suggestion.similarity == null ? "" : ` · similarity ${suggestion.similarity.toFixed(3)}`,
        ` · ${suggestion.evidence || ""}`),
      element("div", { className: "ends" }, end("from", suggestion.from, terms, onExplore), end("to", suggestion.to, terms, onExplore)),
      element("p", { className: "actions" }, confirm, reject, outcome));
    item.dataset.id = suggestion.id;
    item.dataset.status = suggestion.status;
    return item;
  }

  async function more(onExplore) {
    const { linkSuggestions } = await graphql(QUEUE_QUERY, { plan: queue.plan, first: PAGE, after: queue.after });
    document.getElementById("queue").append(...linkSuggestions.nodes.map((s) => card(s, onExplore)));
    queue.after = linkSuggestions.pageInfo.endCursor;
    document.getElementById("queue-more").hidden = !linkSuggestions.pageInfo.hasNextPage;
    setStatus(`${linkSuggestions.totalCount} suggestions to review, best first`);
  }

  async function show(planId, { onExplore }) {
    queue.plan = planId;
    queue.after = null;
    document.getElementById("queue").replaceChildren();
    await more(onExplore);
  }

  // Whether the key in use may change the graph: the page shows the buttons that change it only
  // then (body[data-may-curate]), and says whose key it is or why they are hidden.
  async function showKeyState() {
    const who = await viewer();
    let state;
    if (!who) state = "no key: the review and status buttons are hidden; enter a curator's key to use them";
    else if (who.problem) state = `this key is refused (${who.problem}): the review and status buttons are hidden`;
    else if (who.mayCurate) state = `${who.name} (${who.role.toLowerCase()}): you may review links and set statuses`;
    else state = `${who.name} is a ${who.role.toLowerCase()}'s key: the review and status buttons are hidden, as changes need a curator's key`;
    document.body.dataset.mayCurate = String(Boolean(who && who.mayCurate));
    document.getElementById("key-state").textContent = state;
  }

  // A change logged elsewhere (another curator, another tab): a decision on a suggestion in the
  // queue shows on its card.
  function applyChange(change) {
    if (!change.reviewed || !["CONFIRM_LINK", "REJECT_LINK"].includes(change.action)) return;
    const { type, fromId, toId } = change.reviewed;
    const item = [...document.querySelectorAll("#queue .suggestion")].find((li) => li.dataset.id === `${type}|${fromId}|${toId}`);
    if (!item || item.dataset.status !== "UNREVIEWED") return;
    const confirmed = change.action === "CONFIRM_LINK";
    item.dataset.status = confirmed ? "CONFIRMED" : "REJECTED";
    item.querySelector(".outcome").textContent = `${confirmed ? "Confirmed" : "Rejected"} by ${change.who}`;
    for (const button of item.querySelectorAll(".actions button")) button.disabled = true;
  }

  function setUp({ onExplore }) {
    document.getElementById("key-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = document.getElementById("key");
      key.set(input.value.trim());
      input.value = "";
      showKeyState();
    });
    document.getElementById("queue-more").addEventListener("click", () => more(onExplore).catch((e) => setStatus(e.message)));
    showKeyState();
  }

  // A task's or project's status, set with the curator's key.
  function statusControl(entity) {
    const select = element("select", { "aria-label": "Status" },
      element("option", { value: "" }, "not set"), ...STATUSES.map((s) => element("option", { value: s }, s)));
    select.value = entity.status || "";
    const outcome = element("span", { className: "outcome", role: "status" });
    const button = element("button", { type: "button" }, "Set status");
    button.addEventListener("click", async () => {
      if (!select.value) { outcome.textContent = "Pick a status first."; return; }
      try {
        const { setStatus: changed } = await graphql(STATUS_MUTATION, { id: entity.id, status: select.value });
        outcome.textContent = `Status is now ${changed.status}`;
      } catch (error) {
        outcome.textContent = refusal(error);
      }
    });
    return element("div", { className: "status-control" }, element("h3", {}, "Status"), select, " ", button, " ", outcome);
  }

  window.plangraph.review = { show, setUp, statusControl, applyChange, showKeyState };
})();
