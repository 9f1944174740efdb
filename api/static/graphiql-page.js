// GraphiQL on this app's /graphql, opening on the example tabs the server embedded in the page.
// A #query=… (and optional &variables=…) fragment opens that query instead: the explorer links
// here with the question it is showing. (A ?query= would be run by the server as a GET query.)
(function () {
  const examples = JSON.parse(document.getElementById("example-tabs").textContent);
  const params = new URLSearchParams(window.location.hash.slice(1));
  const http = GraphiQL.createFetcher({ url: new URL("/graphql", window.location.href).href });
  // GraphiQL 3 can send the operation name of the tab it has just left: when the document names
  // no such operation, send its only operation's name, or none.
  const OPERATION = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g;
  function fetcher(params, options) {
    const names = [...params.query.matchAll(OPERATION)].map((match) => match[1]);
    if (params.operationName && !names.includes(params.operationName)) {
      params = { ...params, operationName: names.length === 1 ? names[0] : undefined };
    }
    return http(params, options);
  }
  const props = {
    fetcher,
    defaultTabs: examples,
    defaultEditorToolbarOpen: true,
    isHeadersEditorEnabled: false,
  };
  if (params.has("query")) {
    props.query = params.get("query");
    props.variables = params.get("variables") || undefined;
  }
  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(GraphiQL, props));
})();
