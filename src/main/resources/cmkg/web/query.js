// The SPARQL workbench: YASGUI's editor (Yasqe) and result view (Yasr), configured, not forked.
// - completion of our prefixes, classes and properties from the page's configuration (nothing is
//   fetched from other hosts);
// - the competency queries as a menu of examples;
// - queries run with the button or Ctrl-Enter against /sparql; the query is kept in the URL
//   (#query=…) so a query and its results can be shared;
// - results in our own Yasr plugin: IRIs shown by their labels (fetched with one more SPARQL query)
//   and linked to their pages; CONSTRUCT and DESCRIBE answers as Turtle; row count and time;
//   downloads as CSV, TSV and JSON straight from the endpoint;
// - errors with line and column, marked in the editor; a timeout said as such.

const { t } = window.cmkg;
const config = JSON.parse(document.getElementById('workbench-config').textContent);
const status = document.getElementById('status');
const help = document.getElementById('example-help');
const select = document.getElementById('examples');
const ROWS_AT_ONCE = 500;

// ------------------------------------------------------------------ completion, from our vocabulary
const prefixLines = Object.entries(config.prefixes).map(([p, ns]) => `${p}: <${ns}>`);
Yasqe.forkAutocompleter('prefixes', { name: 'cmkgPrefixes', get: () => prefixLines, persistenceId: null });
const startingWith = (terms) => (yasqe, token) => {
  const typed = (token && token.autocompletionString) || '';
  return terms.filter((term) => term.startsWith(typed)).slice(0, 60);
};
Yasqe.forkAutocompleter('class', { name: 'cmkgClasses', get: startingWith(config.classes) });
Yasqe.forkAutocompleter('property', { name: 'cmkgProperties', get: startingWith(config.properties) });

// ------------------------------------------------------------------ labels of IRIs in results
const labels = new Map();

/** The labels of these IRIs in both languages, asked of the endpoint in batches. */
async function fetchLabels(iris) {
  const wanted = [...new Set(iris)].filter((iri) => !labels.has(iri)).slice(0, 2000);
  for (let i = 0; i < wanted.length; i += 400) {
    const values = wanted.slice(i, i + 400).map((iri) => `<${iri.replace(/[<>"{}|^`\\\s]/g, encodeURIComponent)}>`).join(' ');
    const query = `SELECT ?s ?label WHERE { VALUES ?s { ${values} }
      ?s <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?label
      FILTER (lang(?label) = "zh" || lang(?label) = "en") }`;
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
      body: new URLSearchParams({ query }),
    });
    if (!response.ok) return;
    const json = await response.json();
    for (const b of json.results.bindings) {
      const entry = labels.get(b.s.value) || {};
      entry[b.label['xml:lang']] = entry[b.label['xml:lang']] || b.label.value;
      labels.set(b.s.value, entry);
    }
  }
}

/** Where an IRI is shown: ours on this server, others as they are. */
function localHref(iri) {
  return iri.startsWith(config.base) ? '/' + iri.substring(config.base.length) : iri;
}

function prefixed(iri) {
  for (const [p, ns] of Object.entries(config.prefixes)) {
    if (iri.startsWith(ns) && /^[\w-]*$/.test(iri.substring(ns.length))) return `${p}:${iri.substring(ns.length)}`;
  }
  return null;
}

// ------------------------------------------------------------------ our result table, a Yasr plugin
class LabelledTable {
  constructor(yasr) {
    this.yasr = yasr;
    this.priority = 20;
    this.label = t('js.query.table');
  }

  canHandleResults() {
    const r = this.yasr.results;
    return !!r && !r.getError() && !!r.getVariables && r.getVariables().length > 0 && !!r.getBindings();
  }

  getIcon() {
    return document.createElement('span');
  }

  draw() {
    const vars = this.yasr.results.getVariables();
    const bindings = this.yasr.results.getBindings();
    const table = document.createElement('table');
    table.className = 'results';
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('th')).textContent = '#';
    vars.forEach((v) => { head.appendChild(document.createElement('th')).textContent = v; });
    const body = table.createTBody();
    const wrapper = document.createElement('div');
    wrapper.appendChild(table);
    let shown = 0;
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'button';
    const drawRows = () => {
      bindings.slice(shown, shown + ROWS_AT_ONCE).forEach((binding, i) => {
        const row = body.insertRow();
        row.insertCell().textContent = String(shown + i + 1);
        row.cells[0].className = 'n';
        vars.forEach((v) => cell(row.insertCell(), binding[v]));
      });
      shown = Math.min(bindings.length, shown + ROWS_AT_ONCE);
      more.textContent = t('js.query.more', Math.min(ROWS_AT_ONCE, bindings.length - shown));
      more.hidden = shown >= bindings.length;
    };
    more.addEventListener('click', drawRows);
    // A long value is cut after four lines; a click on its cell shows it whole.
    body.addEventListener('click', (e) => {
      const td = e.target.closest('td');
      if (td && !e.target.closest('a')) td.classList.toggle('open');
    });
    drawRows();
    if (bindings.length === 0) wrapper.appendChild(document.createElement('p')).textContent = t('js.query.noRows');
    wrapper.appendChild(more);
    this.yasr.resultsEl.appendChild(wrapper);
  }
}

function cell(td, value) {
  if (!value) return;
  if (value.type === 'uri') {
    const a = document.createElement('a');
    a.href = localHref(value.value);
    a.dataset.iri = value.value;
    a.title = value.value;
    const names = labels.get(value.value);
    const name = names && (names[config.lang] || names.en || names.zh);
    a.textContent = name || prefixed(value.value) || value.value;
    if (name) a.lang = names[config.lang] ? config.lang : Object.keys(names)[0];
    td.appendChild(a);
    return;
  }
  if (value.type === 'bnode') {
    td.textContent = '_:' + value.value;
    return;
  }
  const span = document.createElement('span');
  span.className = 'literal';
  span.textContent = value.value;
  td.appendChild(span);
  const tag = value['xml:lang'] ? '@' + value['xml:lang'] : value.datatype ? prefixed(value.datatype) || '' : '';
  if (value['xml:lang']) span.lang = value['xml:lang'];
  if (tag && !tag.endsWith(':string')) {
    const mark = document.createElement('span');
    mark.className = 'lit-lang';
    mark.textContent = tag;
    td.appendChild(mark);
  }
}

Yasr.registerPlugin('labelled', LabelledTable);

// ------------------------------------------------------------------ the editor and the result view
function fromUrl() {
  const hash = new URLSearchParams(location.hash.substring(1));
  if (hash.get('query')) return hash.get('query');
  return new URLSearchParams(location.search).get('query');
}

const initial = fromUrl();
const yasqe = new Yasqe(document.getElementById('editor'), {
  value: initial || config.defaultQuery,
  persistenceId: null,
  autocompleters: ['cmkgPrefixes', 'cmkgClasses', 'cmkgProperties', 'variables'],
  consumeShareLink: null,
  createShareableLink: null,
  showQueryButton: false,
  resizeable: true,
  editorHeight: '22rem',
  requestConfig: { endpoint: config.endpoint },
  extraKeys: { 'Ctrl-Enter': () => run(), 'Cmd-Enter': () => run() },
});
const yasr = new Yasr(document.getElementById('results'), {
  persistenceId: null,
  prefixes: config.prefixes,
  plugins: { table: false, labelled: { enabled: true } },
  pluginOrder: ['labelled', 'response'],
  defaultPlugin: 'labelled',
});

select.addEventListener('change', () => {
  const example = config.examples.find((e) => e.name === select.value);
  if (!example) return;
  yasqe.setValue(example.text);
  help.textContent = `${example.question} ${t('js.query.shows')} ${example.shows}`;
  history.replaceState(null, '', '#query=' + encodeURIComponent(example.text));
});

document.getElementById('run').addEventListener('click', () => run());

// ------------------------------------------------------------------ running a query
let errorLine = null;

function clearError() {
  if (errorLine !== null) yasqe.removeLineClass(errorLine, 'background', 'cm-error-line');
  errorLine = null;
}

function downloads(query) {
  const span = document.createElement('span');
  span.className = 'downloads';
  span.append(t('js.query.download') + ' ');
  for (const [format, extension] of [['csv', 'csv'], ['tsv', 'tsv'], ['json', 'json']]) {
    const a = document.createElement('a');
    a.href = `${config.endpoint}?query=${encodeURIComponent(query)}&format=${format}`;
    a.download = `results.${extension}`;
    a.textContent = format.toUpperCase();
    a.dataset.format = format;
    span.appendChild(a);
  }
  return span;
}

function say(...parts) {
  status.replaceChildren(...parts);
}

/** The server's error: its message, the line and column it names marked in the editor. */
function showError(httpStatus, message) {
  const box = document.createElement('div');
  box.className = 'notice error query-error';
  box.setAttribute('role', 'alert');
  const where = /line (\d+), column (\d+)/.exec(message);
  const head = document.createElement('strong');
  head.textContent = httpStatus === 503 ? t('js.query.timeout')
    : where ? `${t('js.query.error')}: ${t('js.query.errorAt', where[1], where[2])}` : t('js.query.error');
  const text = document.createElement('div');
  text.textContent = message;
  box.append(head, text);
  say(box);
  if (where) {
    errorLine = Number(where[1]) - 1;
    yasqe.addLineClass(errorLine, 'background', 'cm-error-line');
    yasqe.setCursor({ line: errorLine, ch: Math.max(0, Number(where[2]) - 1) });
  }
}

async function run() {
  const query = yasqe.getValue();
  if (!query.trim()) { say(t('js.query.empty')); return; }
  clearError();
  history.replaceState(null, '', '#query=' + encodeURIComponent(query));
  say(t('js.query.running'));
  const kind = yasqe.getQueryType ? String(yasqe.getQueryType() || '').toUpperCase() : '';
  const graph = kind === 'CONSTRUCT' || kind === 'DESCRIBE';
  const started = performance.now();
  let response;
  let text;
  try {
    response = await fetch(config.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: graph ? 'text/turtle' : 'application/sparql-results+json',
      },
      body: new URLSearchParams({ query }),
    });
    text = await response.text();
  } catch (e) {
    say(t('js.query.failed', e.message));
    return;
  }
  const ms = Math.round(performance.now() - started);
  if (!response.ok) {
    let message = text;
    try { message = JSON.parse(text).message || text; } catch (e) { /* not JSON: the text as it is */ }
    yasr.resultsEl.replaceChildren();
    showError(response.status, message);
    return;
  }
  const contentType = response.headers.get('Content-Type') || '';
  if (graph || !contentType.includes('json')) {
    yasr.selectPlugin('response');
    yasr.setResponse({ data: text, contentType, status: response.status, executionTime: ms });
    // Yasr reads the Turtle into triples (for its views): their number.
    const json = yasr.results.getAsJson();
    const count = document.createElement('span');
    count.id = 'triple-count';
    count.dataset.triples = String(json && json.results ? json.results.bindings.length : 0);
    count.textContent = t('js.query.triples', count.dataset.triples, ms);
    say(count);
    return;
  }
  const json = JSON.parse(text);
  if (typeof json.boolean === 'boolean') {
    yasr.setResponse({ data: json, contentType, status: response.status, executionTime: ms });
    say(`${t(json.boolean ? 'js.query.true' : 'js.query.false')} · ${t('js.query.answer', '', ms)}`, ' ', downloads(query));
    return;
  }
  const iris = [];
  json.results.bindings.forEach((b) => Object.values(b).forEach((v) => { if (v.type === 'uri') iris.push(v.value); }));
  try {
    await fetchLabels(iris);
  } catch (e) {
    // Without labels the table shows IRIs.
  }
  yasr.selectPlugin('labelled');
  yasr.setResponse({ data: json, contentType, status: response.status, executionTime: ms });
  const n = json.results.bindings.length;
  const count = document.createElement('span');
  count.id = 'row-count';
  count.dataset.rows = String(n);
  count.textContent = n === 1 ? t('js.query.oneRow', n, ms) : t('js.query.rows', n, ms);
  say(count, ' ', downloads(query));
}

if (initial) run();
