// What the explorer's scripts share: GraphQL over this app's /graphql (with the curator's key,
// once entered, on every request), subscriptions over its WebSocket (graphql-transport-ws, the
// graphql-ws client, with the same key), who the key is (viewer), building elements, and
// marking terms in a passage.
(function () {
  "use strict";

  const KEY_ITEM = "plangraph.key";

  // The key is kept for the browser tab only (sessionStorage), never in the page's address.
  const key = {
    get: () => sessionStorage.getItem(KEY_ITEM) || "",
    set: (value) => {
      if (value) sessionStorage.setItem(KEY_ITEM, value);
      else sessionStorage.removeItem(KEY_ITEM);
      restartLive();
    },
  };

  // One WebSocket for every subscription of the page; opened again with a new key.
  let socket = null;
  const subscriptions = new Set();

  function liveClient() {
    if (!socket) {
      socket = window.graphqlWs.createClient({
        url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/graphql`,
        connectionParams: () => (key.get() ? { Authorization: `Bearer ${key.get()}` } : {}),
        retryAttempts: Infinity,
      });
    }
    return socket;
  }

  // Call onData with each result the subscription pushes, until the returned function is called.
  function subscribe(query, variables, onData) {
    const subscription = { query, variables, onData, stop: null };
    const start = () => {
      subscription.stop = liveClient().subscribe({ query, variables }, {
        next: (result) => (result.errors ? setStatus(new GraphQLError(result.errors).message) : onData(result.data)),
        error: () => setStatus("live changes stopped: reload the page to see changes made elsewhere"),
        complete: () => {},
      });
    };
    subscriptions.add(subscription);
    subscription.start = start;
    start();
    return () => { subscription.stop(); subscriptions.delete(subscription); };
  }

  function restartLive() {
    if (!socket) return;
    for (const subscription of subscriptions) subscription.stop();
    socket.dispose();
    socket = null;
    for (const subscription of subscriptions) subscription.start();
  }

  class GraphQLError extends Error {
    constructor(errors) {
      super(errors.map((e) => e.message).join("; "));
      this.codes = errors.map((e) => (e.extensions || {}).code);
    }
  }

  async function graphql(query, variables) {
    const headers = { "content-type": "application/json", accept: "application/json" };
    if (key.get()) headers.authorization = `Bearer ${key.get()}`;
    const response = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = await response.json();
    if (body.errors && body.errors.length) throw new GraphQLError(body.errors);
    return body.data;
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "role" || name.includes("-")) node.setAttribute(name, value);
      else node[name] = value;
    }
    for (const child of children) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
    }
    return node;
  }

  // The passage with every occurrence of the terms marked (longest term first where two overlap).
  function marked(text, terms) {
    const block = element("p", { className: "passage" });
    const wanted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
    let rest = text || "";
    while (rest) {
      let at = -1;
      let term = "";
      for (const candidate of wanted) {
        const found = rest.indexOf(candidate);
        if (found >= 0 && (at < 0 || found < at)) { at = found; term = candidate; }
      }
      if (at < 0) { block.append(rest); break; }
      block.append(rest.slice(0, at), element("mark", {}, term));
      rest = rest.slice(at + term.length);
    }
    return block;
  }

  function setStatus(message) {
    document.getElementById("status").textContent = message || "";
  }

  // Who the key in use is: { name, role, mayCurate }, null without a key, or { problem } when
  // the server refuses it.
  async function viewer() {
    try {
      return (await graphql("{ viewer { name role mayCurate } }", {})).viewer;
    } catch (error) {
      return { problem: error.message };
    }
  }

  window.plangraph = { key, graphql, subscribe, viewer, element, marked, setStatus };
})();
