// The timeline chart: the entries of the page's ordered list (id="timeline-data") drawn with ECharts,
// one row per event, a point per dated claim coloured by its paper, a bar for a period; an event the
// papers date differently has its two points joined by a dashed line. Clicking a point opens the
// claim's sentence in its paper.

const { t } = window.cmkg;
const element = document.getElementById('timeline-chart');
const data = JSON.parse(document.getElementById('timeline-data').textContent);
const colours = ['#2563a8', '#b45309'];

if (element && window.echarts) {
  const rows = [];
  for (const p of data.points) if (!rows.includes(p.row)) rows.push(p.row);
  const day = (iso) => new Date(iso + 'T00:00:00Z').getTime();
  const series = data.papers.map((paper, doc) => ({
    name: paper,
    type: 'scatter',
    symbolSize: 13,
    itemStyle: { color: colours[doc % 2], borderColor: '#fff', borderWidth: 1.5 },
    data: data.points.filter((p) => p.doc === doc && !p.end)
      .map((p) => ({ value: [day(p.start), p.row], point: p })),
  }));
  data.points.filter((p) => p.end).forEach((p) => series.push({
    name: data.papers[p.doc],
    type: 'line',
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { width: p.year ? 10 : 6, color: colours[p.doc % 2], opacity: p.year ? 0.3 : 0.55 },
    itemStyle: { color: colours[p.doc % 2] },
    data: [{ value: [day(p.start), p.row], point: p }, { value: [day(p.end), p.row], point: p }],
  }));
  // An event dated twice: its dates joined.
  const differing = {};
  data.points.filter((p) => p.differs && !p.end).forEach((p) => (differing[p.row] = differing[p.row] || []).push(p));
  Object.values(differing).forEach((points) => series.push({
    type: 'line',
    symbol: 'none',
    lineStyle: { type: 'dashed', color: '#d69e2e', width: 2 },
    tooltip: { show: false },
    data: points.map((p) => [day(p.start), p.row]),
    z: 1,
  }));

  const chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    legend: { top: 4, data: data.papers },
    grid: { left: 8, right: 40, top: 44, bottom: 56, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (item) => {
        const p = item.data && item.data.point;
        if (!p) return '';
        const div = document.createElement('div');
        const when = document.createElement('strong');
        when.textContent = p.when;
        const what = document.createElement('div');
        what.textContent = p.row;
        const claim = document.createElement('div');
        claim.textContent = `${data.papers[p.doc]}: ${p.claim}`;
        div.append(when, what, claim);
        return div;
      },
    },
    xAxis: { type: 'time', splitLine: { show: true, lineStyle: { color: '#eef1f4' } } },
    yAxis: {
      type: 'category',
      data: rows,
      inverse: true,
      axisLabel: { width: 260, overflow: 'truncate' },
      axisTick: { show: false },
    },
    dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 12, height: 20 }, { type: 'inside', xAxisIndex: 0 }],
    series,
  });
  chart.on('click', (item) => {
    const p = item.data && item.data.point;
    if (p && p.href) location.href = p.href;
  });
  window.addEventListener('resize', () => chart.resize());
  const last = Math.max(...data.points.filter((p) => !p.end).map((p) => day(p.start)));
  for (const button of document.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => {
      const from = button.dataset.zoom;
      if (from === 'all') chart.dispatchAction({ type: 'dataZoom', start: 0, end: 100 });
      else chart.dispatchAction({ type: 'dataZoom', startValue: day(from), endValue: last + 45 * 86400000 });
    });
  }
  element.setAttribute('aria-describedby', 'list');
  element.title = t('js.timeline.dates');
}
