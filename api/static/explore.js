// The graph explorer: it opens on a plan's overview; find an entity, see its neighbourhood or its
// impact as a graph, read the passage of the plan it comes from; review suggested links. Everything
// it shows comes from this app's /graphql.
(function () {
  "use strict";
  const { graphql, element, setStatus } = window.plangraph;

  // Entity kinds come from the schema (the EntityKind enum), coloured in its order.
  const PALETTE = [
    "#111827", "#6b7280", "#a78bfa", "#dc2626", "#f97316", "#2563eb", "#0891b2", "#16a34a",
    "#ca8a04", "#9ca3af", "#db2777", "#78716c", "#0d9488", "#7c2d12", "#4338ca", "#65a30d",
  ];
  const KIND_COLOURS = {};
  const KINDS_QUERY = `{ __type(name: "EntityKind") { enumValues { name } } }`;
  // How a relation's origin is drawn: stated in the text, curated by planners, or inferred.
  const ORIGIN_STYLES = {
    TEXT: { "line-style": "solid", "line-color": "#4b5563" },
    CURATED: { "line-style": "dashed", "line-color": "#7c3aed" },
    INFERRED: { "line-style": "dotted", "line-color": "#ea580c" },
  };
  const FONT = getComputedStyle(document.documentElement).getPropertyValue("--cjk");

  const SEARCH_QUERY = `query Search($search: String, $kind: EntityKind) {
  entities(search: $search, kind: $kind, first: 30) { totalCount nodes { id kind name plan { title } } }
}`;
  const NEIGHBOURHOOD_QUERY = `query Neighbourhood($id: ID!) {
  entity(id: $id) {
    id kind name
    relations { type origin fromId toId other { id kind name } }
  }
}`;
  const IMPACT_QUERY = `query Impact($id: ID!, $depth: Int!) {
  impact(id: $id, maxDepth: $depth) {
    root { id kind name }
    truncated
    affected { depth entity { id kind name } path { type origin fromId toId } }
  }
}`;
  const PLANS_QUERY = `{ plans { id title } }`;
  const LIVE_SUBSCRIPTION = `subscription Live($plan: ID) {
  changeLogged(planId: $plan) { id action who entityId status reverts reviewed { type fromId toId } }
}`;
  const DETAILS_QUERY = `query Details($id: ID!) {
  entity(id: $id) {
    id kind name label text status
    source { line }
    planTitle: plan { title }
    parent { name text parent { name text } }
    formulatedBy: relations(type: FORMULATES, direction: UPSTREAM) { other { name text } }
  }
  responsibleFor(id: $id) { role origin department { name } inheritedFrom { name } predecessor { name } }
}`;

  const $ = (id) => document.getElementById(id);
  const state = { id: null, view: "neighbourhood", depth: 3, plan: null, pane: "overview" };
  // Kinds whose status planners keep.
  const TRACKED = ["TASK", "PROJECT"];

  const cy = cytoscape({
    container: $("cy"),
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)", label: "data(short)", "font-family": FONT,
          "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18,
          "text-wrap": "ellipsis", "text-max-width": 140,
        },
      },
      { selector: "node.root", style: { width: 30, height: 30, "border-width": 3, "border-color": "#111827" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#facc15" } },
      {
        selector: "edge",
        style: {
          label: "data(type)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle",
          width: 1.5, "text-rotation": "autorotate", color: "#374151",
          "text-background-color": "#ffffff", "text-background-opacity": 0.8,
        },
      },
      ...Object.entries(ORIGIN_STYLES).map(([origin, style]) => ({
        selector: `edge[origin = "${origin}"]`,
        style: { ...style, "target-arrow-color": style["line-color"] },
      })),
    ],
  });

  function nodeData(entity) {
    const short = entity.name.length > 14 ? entity.name.slice(0, 13) + "…" : entity.name;
    return { data: { id: entity.id, name: entity.name, short, kind: entity.kind, colour: KIND_COLOURS[entity.kind] || "#000" } };
  }

  function edgeData(relation) {
    return {
      data: {
        id: `${relation.fromId}|${relation.type}|${relation.toId}`,
        source: relation.fromId, target: relation.toId, type: relation.type, origin: relation.origin,
      },
    };
  }

  function render(rootId, entities, relations) {
    const nodes = new Map(entities.map((e) => [e.id, nodeData(e)]));
    const edges = new Map();
    for (const relation of relations) {
      if (nodes.has(relation.fromId) && nodes.has(relation.toId)) edges.set(edgeData(relation).data.id, edgeData(relation));
    }
    cy.resize(); // the graph pane may have been hidden when cytoscape measured it
    cy.elements().remove();
    cy.add([...nodes.values(), ...edges.values()]);
    cy.getElementById(rootId).addClass("root");
    const layout = state.view === "impact"
      ? { name: "breadthfirst", roots: [rootId], directed: false, spacingFactor: 1.1 }
      : { name: "concentric", concentric: (node) => (node.id() === rootId ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 30 };
    cy.layout({ ...layout, animate: false, padding: 30 }).run();
  }

  async function showNeighbourhood(id) {
    const { entity } = await graphql(NEIGHBOURHOOD_QUERY, { id });
    if (!entity) throw new Error(`no entity ${id}`);
    render(id, [entity, ...entity.relations.map((r) => r.other)], entity.relations);
    return `${entity.relations.length} relations`;
  }

  async function showImpact(id) {
    const { impact } = await graphql(IMPACT_QUERY, { id, depth: state.depth });
    const relations = impact.affected.map((reach) => reach.path[reach.path.length - 1]);
    render(id, [impact.root, ...impact.affected.map((reach) => reach.entity)], relations);
    return `${impact.affected.length} entities at risk${impact.truncated ? " (cut at the server's limit)" : ""}`;
  }

  function graphiqlLink() {
    const [query, variables] = state.view === "impact"
      ? [IMPACT_QUERY, { id: state.id, depth: state.depth }]
      : [NEIGHBOURHOOD_QUERY, { id: state.id }];
    const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
    return `/graphql#${params}`;
  }

  function remember(params) {
    const url = new URL(window.location.href);
    url.search = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
    window.history.replaceState(null, "", url);
  }

  function showPane(name) {
    state.pane = name;
    for (const pane of document.querySelectorAll(".pane")) pane.hidden = pane.id !== name;
    for (const tab of document.querySelectorAll("[role=tab]")) tab.setAttribute("aria-selected", String(tab.dataset.pane === name));
  }

  async function openPane(name) {
    showPane(name);
    if (name === "graph") {
      if (state.id) remember({ plan: state.plan, id: state.id, view: state.view });
      return;
    }
    remember({ plan: state.plan, pane: name });
    document.body.dataset.state = "loading";
    setStatus("");
    const actions = { onExplore: explore, onReview: () => openPane("review") };
    try {
      await (name === "review" ? window.plangraph.review.show(state.plan, actions) : window.plangraph.overview.show(state.plan, actions));
      document.body.dataset.state = "ready";
    } catch (error) {
      setStatus(error.message);
      document.body.dataset.state = "error";
    }
  }

  async function explore(id) {
    state.id = id;
    showPane("graph");
    document.body.dataset.state = "loading";
    setStatus("");
    remember({ plan: state.plan, id, view: state.view });
    try {
      const summary = await (state.view === "impact" ? showImpact(id) : showNeighbourhood(id));
      $("graphiql-link").href = graphiqlLink();
      await showDetails(id);
      cy.getElementById(id).select();
      setStatus(summary);
      document.body.dataset.state = "ready";
    } catch (error) {
      setStatus(error.message);
      document.body.dataset.state = "error";
    }
  }

  // The passage an entity comes from, with the entity marked in it: its own text when that names
  // it (tasks, projects), else the first enclosing text — parent, grandparent, or the domain
  // that formulates a standard — that contains its text or its name.
  function passageOf(entity) {
    const own = entity.text || "";
    if (own && own.includes(entity.name) && own !== entity.name) return { paragraph: own, mark: entity.name };
    const around = [entity.parent, entity.parent && entity.parent.parent, ...entity.formulatedBy.map((r) => r.other)];
    for (const candidate of around) {
      const text = candidate && candidate.text;
      if (!text) continue;
      if (own && text.includes(own)) return { paragraph: text, mark: own };
      if (text.includes(entity.name)) return { paragraph: text, mark: entity.name };
    }
    return { paragraph: own, mark: null };
  }

  function passageElement({ paragraph, mark }) {
    const block = element("p", { className: "passage" });
    const at = mark ? paragraph.indexOf(mark) : -1;
    if (at < 0) {
      block.append(paragraph);
    } else {
      block.append(paragraph.slice(0, at), element("mark", {}, mark), paragraph.slice(at + mark.length));
    }
    return block;
  }

  async function showDetails(id) {
    const { entity, responsibleFor } = await graphql(DETAILS_QUERY, { id });
    const panel = $("details");
    panel.replaceChildren();
    if (!entity) return;
    const facts = element("dl", {});
    const fact = (term, value) => value && facts.append(element("dt", {}, term), element("dd", {}, value));
    fact("kind", entity.kind);
    fact("label", entity.label);
    fact("plan", entity.planTitle && entity.planTitle.title);
    fact("status", entity.status);
    fact("part of", entity.parent && entity.parent.name);
    fact("line", entity.source && entity.source.line);
    const passage = passageOf(entity);
    const people = element("ul", {}, ...responsibleFor.map((r) => element(
      "li", {}, `${r.department.name} · ${r.role} · ${r.origin}`
        + (r.inheritedFrom ? ` (from ${r.inheritedFrom.name})` : "")
        + (r.predecessor ? ` (successor of ${r.predecessor.name})` : ""),
    )));
    panel.append(
      element("h2", {}, entity.name), element("p", { className: "kind" }, entity.id), facts,
      ...(passage.paragraph ? [element("h3", {}, "Source passage"), passageElement(passage)] : []),
      ...(responsibleFor.length ? [element("h3", {}, "Responsible"), people] : []),
      ...(TRACKED.includes(entity.kind) ? [window.plangraph.review.statusControl(entity)] : []),
    );
  }

  async function search(event) {
    if (event) event.preventDefault();
    const variables = { search: $("search").value.trim() || null, kind: $("kind").value || null };
    try {
      const { entities } = await graphql(SEARCH_QUERY, variables);
      $("results").replaceChildren(...entities.nodes.map((e) => {
        const button = element("button", { type: "button" }, e.name);
        button.addEventListener("click", () => explore(e.id));
        return element("li", {}, button, element("span", { className: "kind" }, e.kind));
      }));
      setStatus(`${entities.totalCount} found${entities.totalCount > entities.nodes.length ? `, first ${entities.nodes.length} shown` : ""}`);
    } catch (error) {
      setStatus(error.message);
    }
  }

  async function legend() {
    const { __type } = await graphql(KINDS_QUERY, {});
    __type.enumValues.forEach(({ name }, i) => { KIND_COLOURS[name] = PALETTE[i % PALETTE.length]; });
    const kinds = Object.entries(KIND_COLOURS).map(([kind, colour]) =>
      element("span", {}, element("span", { className: "swatch", style: `background:${colour}` }), kind));
    const origins = Object.entries(ORIGIN_STYLES).map(([origin, style]) =>
      element("span", {}, element("span", { className: "line", style: `border-top: 2px ${style["line-style"]} ${style["line-color"]}` }), origin));
    $("legend").replaceChildren(...kinds, ...origins);
    $("kind").append(...Object.keys(KIND_COLOURS).map((kind) => element("option", { value: kind }, kind)));
  }

  async function plans(params) {
    const { plans } = await graphql(PLANS_QUERY, {});
    $("plan").replaceChildren(...plans.map((p) => element("option", { value: p.id }, p.title)));
    const wanted = params.get("plan");
    state.plan = plans.some((p) => p.id === wanted) ? wanted : (plans[0] || {}).id || null;
    $("plan").value = state.plan || "";
    $("plan").addEventListener("change", () => {
      state.plan = $("plan").value;
      watch();
      openPane(state.pane === "review" ? "review" : "overview");
    });
  }

  // The plan's changes as they are logged, by anyone: a decision shows on its card in the queue;
  // a status set or reverted redraws the overview (its late items) when it is the pane in view.
  let unwatch = null;
  function watch() {
    if (unwatch) unwatch();
    unwatch = window.plangraph.subscribe(LIVE_SUBSCRIPTION, { plan: state.plan }, ({ changeLogged: change }) => {
      window.plangraph.review.applyChange(change);
      if (state.pane === "overview" && ["SET_STATUS", "REVERT"].includes(change.action)) openPane("overview");
    });
  }

  async function start() {
    await legend();
    const params = new URLSearchParams(window.location.search);
    await plans(params);
    window.plangraph.review.setUp({ onExplore: explore });
    if (state.plan) watch();
    for (const tab of document.querySelectorAll("[role=tab]")) {
      tab.addEventListener("click", () => openPane(tab.dataset.pane));
    }
    state.view = params.get("view") === "impact" ? "impact" : "neighbourhood";
    document.querySelector(`input[name=view][value=${state.view}]`).checked = true;
    $("search-form").addEventListener("submit", search);
    for (const radio of document.querySelectorAll("input[name=view]")) {
      radio.addEventListener("change", () => { state.view = radio.value; if (state.id) explore(state.id); });
    }
    $("depth").addEventListener("change", () => {
      state.depth = Math.min(6, Math.max(1, Number($("depth").value) || 3));
      if (state.id && state.view === "impact") explore(state.id);
    });
    cy.on("tap", "node", (event) => showDetails(event.target.id()).catch((error) => setStatus(error.message)));
    cy.on("dbltap", "node", (event) => explore(event.target.id()));
    if (params.get("id")) explore(params.get("id"));
    else openPane(params.get("pane") === "review" ? "review" : "overview");
  }

  window.plangraphExplorer = { cy, explore, search, openPane };
  start().catch((error) => setStatus(error.message));
})();
