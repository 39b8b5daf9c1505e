// Loaded by every page: the page's messages for the other modules (window.cmkg), suggestions as you
// type in search boxes (entities by label in either language, from the reconciliation service's
// suggest API), and a language switch that comes back to the same place (fragment included).

const messages = JSON.parse(document.getElementById('cmkg-messages')?.textContent || '{}');

/** A message in the page's language, with {0}, {1}… replaced. */
function t(key, ...args) {
  let text = messages[key] ?? key;
  args.forEach((a, i) => { text = text.split(`{${i}}`).join(String(a)); });
  return text;
}

/** The local page of one of our entity ids ("country/ukraine" → "/id/country/ukraine"). */
function entityPath(id) {
  return '/id/' + id.split('/').map(encodeURIComponent).join('/');
}

window.cmkg = { t, messages, entityPath };

for (const link of document.querySelectorAll('[data-lang-switch]')) {
  link.addEventListener('click', () => {
    const url = new URL(link.href, location.href);
    url.searchParams.set('back', location.pathname + location.search + location.hash);
    link.href = url.pathname + url.search;
  });
}

let listCount = 0;

/** Turns a search input into a combobox that suggests entities as the reader types. */
function suggest(input) {
  const form = input.form;
  const list = document.createElement('ul');
  list.className = 'suggestions';
  list.id = `suggestions-${++listCount}`;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', t('js.suggest.label'));
  list.hidden = true;
  form.style.position = 'relative';
  form.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let items = [];
  let active = -1;
  let timer;
  let pending;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const choose = (item) => {
    if (item.id) location.href = entityPath(item.id);
    else form.requestSubmit();
  };

  const mark = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', list.children[index].id);
    else input.removeAttribute('aria-activedescendant');
  };

  const show = (prefix, results) => {
    items = results.map((r) => ({
      id: r.id,
      name: r.name,
      // The description starts with the label in the other language ("乌克兰 — …").
      other: (r.description || '').split(' — ')[0],
      type: r.notable && r.notable[0] ? r.notable[0].name : '',
    }));
    items.push({ id: null, name: t('js.suggest.searchFor', prefix), other: '', type: '' });
    list.replaceChildren(...items.map((item, i) => {
      const li = document.createElement('li');
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = item.name;
      const other = document.createElement('span');
      other.className = 'other';
      other.textContent = item.other !== item.name ? item.other : '';
      const type = document.createElement('span');
      type.className = 'type';
      type.textContent = item.type;
      li.append(name, other, type);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(item); });
      return li;
    }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    mark(-1);
  };

  const lookUp = async () => {
    const prefix = input.value.trim();
    if (pending) pending.abort();
    if (!prefix) { close(); return; }
    pending = new AbortController();
    try {
      const response = await fetch(`/reconcile/suggest/entity?prefix=${encodeURIComponent(prefix)}&limit=8`,
        { signal: pending.signal, headers: { Accept: 'application/json' } });
      if (!response.ok) { close(); return; }
      const json = await response.json();
      if (input.value.trim() === prefix) show(prefix, json.result || []);
    } catch (e) {
      if (e.name !== 'AbortError') close();
    }
  };

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(lookUp, 120); });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); mark(Math.min(active + 1, items.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); mark(Math.max(active - 1, -1)); }
    else if (e.key === 'Escape') { close(); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(items[active]); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

document.querySelectorAll('input[data-suggest]').forEach(suggest);
