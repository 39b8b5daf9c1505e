// The paper reader: selecting a highlighted passage (click, or Enter on a focused one) shows the
// claims made at that point in the panel beside the text, the innermost one marked; #c012 in the URL
// opens the paper at that claim's passage, selected, and selecting updates it so it can be shared.

const { t } = window.cmkg;
const paper = document.querySelector('article.paper');
const panel = document.querySelector('.claims-panel');
const cards = [...panel.querySelectorAll('.claim-card')];
const title = panel.querySelector('.panel-title');
const hint = panel.querySelector('.panel-hint');
const showAll = panel.querySelector('[data-show-all]');
const allCount = Number(panel.dataset.allCount);

/** The claims whose quotes contain a mark: its own and those of the marks around it, innermost first. */
function claimsAt(mark) {
  const iris = [];
  for (let m = mark; m && m !== paper; m = m.parentElement) {
    if (m.matches('mark.q') && !iris.includes(m.dataset.claim)) iris.push(m.dataset.claim);
  }
  return iris;
}

function anchorOf(iri) {
  return iri.substring(iri.lastIndexOf('/') + 1);
}

/** Shows the cards of these claims (in this order) and marks every piece of the first one's quote. */
function select(iris) {
  paper.querySelectorAll('mark.q.on').forEach((m) => m.classList.remove('on'));
  paper.querySelectorAll('mark.q').forEach((m) => {
    if (m.dataset.claim === iris[0]) m.classList.add('on');
  });
  const list = panel.querySelector('.claims-list');
  cards.forEach((c) => c.classList.remove('shown'));
  for (const iri of [...iris].reverse()) {
    const card = cards.find((c) => c.dataset.claim === iri);
    if (card) {
      card.classList.add('shown');
      list.prepend(card);
    }
  }
  title.textContent = t('js.reader.claimsHere', iris.length);
  hint.hidden = true;
  // The contents give way to the claims.
  const contents = panel.querySelector('details.toc');
  if (contents) contents.open = false;
  panel.scrollTop = 0;
}

function selectMark(mark, updateUrl) {
  const iris = claimsAt(mark);
  select(iris);
  if (updateUrl) history.replaceState(null, '', '#' + anchorOf(iris[0]));
}

/** The passage named by the URL's fragment (#c012), selected and scrolled to. */
function followFragment() {
  const id = decodeURIComponent(location.hash.substring(1));
  const mark = id ? document.getElementById(id) : null;
  if (!mark || !mark.matches('mark.q')) return;
  selectMark(mark, false);
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
}

paper.addEventListener('click', (e) => {
  const mark = e.target.closest('mark.q');
  if (mark && paper.contains(mark)) selectMark(mark, true);
});

paper.addEventListener('keydown', (e) => {
  const mark = e.target.closest && e.target.closest('mark.q');
  if (mark && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    selectMark(mark, true);
  }
});

showAll.addEventListener('click', () => {
  paper.querySelectorAll('mark.q.on').forEach((m) => m.classList.remove('on'));
  // Reading order again: the cards' original order is kept in their ids' numbers.
  const list = panel.querySelector('.claims-list');
  cards.sort((a, b) => a.id.localeCompare(b.id)).forEach((c) => { c.classList.add('shown'); list.appendChild(c); });
  title.textContent = t('js.reader.allClaims', allCount);
  hint.hidden = true;
});

window.addEventListener('hashchange', followFragment);
followFragment();
// The browser scrolls to the fragment itself once the page has loaded: centre the passage after it.
if (document.readyState !== 'complete') {
  window.addEventListener('load', () => requestAnimationFrame(() => {
    const id = decodeURIComponent(location.hash.substring(1));
    const mark = id ? document.getElementById(id) : null;
    if (mark && mark.matches('mark.q')) mark.scrollIntoView({ block: 'center' });
  }));
}
