// The plan's overview, where the explorer opens: its chapters, how many of each kind of part it
// has, the tasks and projects no department leads, what is late and what that puts at risk, and
// how many inferred links wait for review.
(function () {
  "use strict";
  const { graphql, element } = window.plangraph;

  const OVERVIEW_QUERY = `query Overview($plan: ID!) {
  entity(id: $plan) {
    id name
    ... on Plan { title issuer issuedOn periodStart periodEnd level }
    children { id kind name children { id } }
  }
  stats(planId: $plan) { entityCount sharedEntityCount relationCount byKind { kind count } }
  tasks: unassigned(kind: TASK, planId: $plan) { id kind name }
  projects: unassigned(kind: PROJECT, planId: $plan) { id kind name }
  atRisk(planId: $plan) {
    late { status entity { id kind name } impact { affected { entity { id } } } }
    atRisk { id }
  }
  linkSuggestions(planId: $plan, first: 1) { totalCount }
}`;
  // The kinds a planner counts first, in this order; the rest follow as the store gives them.
  const COUNTED_FIRST = ["GOAL", "INDICATOR", "TASK", "PROJECT", "DOMAIN", "MEASURE", "STANDARD", "DEPARTMENT"];

  function entityButton(entity, onExplore) {
    const button = element("button", { type: "button", className: "link" }, entity.name);
    button.addEventListener("click", () => onExplore(entity.id));
    return button;
  }

  function section(title, ...content) {
    return element("section", { className: "overview-part" }, element("h3", {}, title), ...content);
  }

  async function show(planId, { onExplore, onReview }) {
    const data = await graphql(OVERVIEW_QUERY, { plan: planId });
    const plan = data.entity;
    const pane = document.getElementById("overview");
    if (!plan) { pane.replaceChildren(element("p", {}, `no plan ${planId}`)); return; }
    const period = plan.periodStart ? `${plan.periodStart}–${plan.periodEnd || ""}` : null;
    const meta = [plan.issuer, plan.issuedOn, period, plan.level].filter(Boolean).join(" · ");

    const counts = new Map(data.stats.byKind.map((k) => [k.kind, k.count]));
    const kinds = [...COUNTED_FIRST.filter((k) => counts.get(k)), ...[...counts.keys()].filter((k) => !COUNTED_FIRST.includes(k))];
    const countTable = element("table", { className: "counts" },
      element("tr", {}, ...kinds.map((k) => element("th", {}, k))),
      element("tr", {}, ...kinds.map((k) => element("td", {}, counts.get(k)))));

    const chapters = element("ol", { className: "chapters" }, ...plan.children.map((chapter) => element(
      "li", {}, entityButton(chapter, onExplore), element("span", { className: "kind" }, `${chapter.children.length} parts`))));

    const unassigned = [...data.tasks, ...data.projects];
    const unassignedList = unassigned.length
      ? element("ul", { className: "unassigned" }, ...unassigned.map((e) => element(
          "li", {}, entityButton(e, onExplore), element("span", { className: "kind" }, e.kind))))
      : element("p", { className: "ok" }, "Every task and project has a lead department.");

    const late = data.atRisk.late;
    const lateList = late.length
      ? element("ul", { className: "late" }, ...late.map((item) => element(
          "li", {}, element("span", { className: `status status-${item.status}` }, item.status), " ",
          entityButton(item.entity, onExplore),
          element("span", { className: "kind" }, `puts ${item.impact.affected.length} at risk`))))
      : element("p", { className: "ok" }, "Nothing is late: no task or project is AT_RISK or DELAYED.");

    const waiting = data.linkSuggestions.totalCount;
    const reviewButton = element("button", { type: "button" }, `Review ${waiting} suggested links`);
    reviewButton.addEventListener("click", onReview);

    pane.replaceChildren(
      element("h2", {}, plan.title || plan.name),
      element("p", { className: "meta" }, meta),
      element("p", { className: "meta" }, `${data.stats.entityCount} entities of its own, and ${data.stats.sharedEntityCount} departments and documents it names; ${data.stats.relationCount} relations`),
      countTable,
      section("Chapters", chapters),
      section(`Late (${late.length})`, lateList,
        ...(late.length ? [element("p", { className: "meta" }, `${data.atRisk.atRisk.length} entities at risk in all`)] : [])),
      section(`Without a lead (${unassigned.length})`, unassignedList),
      section("Links to review", reviewButton),
    );
  }

  window.plangraph.overview = { show };
})();
