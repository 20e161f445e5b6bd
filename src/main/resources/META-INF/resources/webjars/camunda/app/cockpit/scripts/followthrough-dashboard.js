// The Followthrough dashboard in Cockpit (R24): First Contact Resolution by week, the first-response
// time distribution, the strikes funnel and a table per engineer, read from our own API
// (/api/metrics, the same figures as JSON, CSV and Prometheus) with the definitions one click away.
// Charts by Chart.js, served by the application from its webjar (no CDN). Cockpit's 7.14+ plugin
// interface: an ES module whose default export is a list of plugins with a pluginPoint and render().

const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.min.js';
const API = '/api/metrics';
const DAYS = 90;

let chartJs;
function loadChartJs() {
  if (!chartJs) {
    chartJs = new Promise((resolve, reject) => {
      if (window.Chart) {
        resolve(window.Chart);
        return;
      }
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => resolve(window.Chart);
      script.onerror = () => reject(new Error('Chart.js could not be loaded from ' + CHART_JS));
      document.head.appendChild(script);
    });
  }
  return chartJs;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function percent(rate) {
  return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + ' %';
}

function hours(value) {
  return value === null || value === undefined ? '–' : value.toFixed(1) + ' h';
}

function text(tag, content, attributes = {}) {
  const element = document.createElement(tag);
  element.textContent = content;
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  return element;
}

async function metrics(from, to, segment) {
  const query = new URLSearchParams({ from, to });
  if (segment) {
    query.set('segment', segment);
  }
  const response = await fetch(API + '?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error('The metrics answered ' + response.status);
  }
  return response.json();
}

function chart(Chart, canvas, type, labels, label, data, options = {}) {
  return new Chart(canvas, {
    type,
    data: { labels, datasets: [{ label, data, backgroundColor: '#2f6ead' }] },
    options: Object.assign({ animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: false } } }, options)
  });
}

function box(title, id) {
  const section = document.createElement('div');
  section.className = 'followthrough-chart';
  section.style.cssText = 'flex:1 1 30%;min-width:280px;height:240px;margin:0 12px 24px 0';
  section.appendChild(text('h4', title));
  const holder = document.createElement('div');
  holder.style.cssText = 'position:relative;height:200px';
  const canvas = document.createElement('canvas');
  canvas.id = id;
  holder.appendChild(canvas);
  section.appendChild(holder);
  return { section, canvas };
}

async function render(node) {
  node.innerHTML = '';
  const root = document.createElement('section');
  root.id = 'followthrough-dashboard';
  root.style.cssText = 'padding:12px 0';
  root.appendChild(text('h3', 'Followthrough: First Contact Resolution and the lifecycle'));
  const status = text('p', 'Loading the figures…', { id: 'followthrough-status' });
  root.appendChild(status);
  node.appendChild(root);

  const to = new Date();
  const from = new Date(to.getTime() - (DAYS - 1) * 24 * 3600 * 1000);
  try {
    const [Chart, byWeek, byEngineer] = await Promise.all([
      loadChartJs(), metrics(isoDay(from), isoDay(to), 'week'), metrics(isoDay(from), isoDay(to), 'engineer')]);
    const all = byWeek.overall;
    status.textContent = 'Cases closed from ' + byWeek.from + ' to ' + byWeek.to + ' (UTC).';

    const summary = document.createElement('p');
    summary.id = 'followthrough-summary';
    [['FCR (all closed)', percent(all.fcrRate), 'fcr-rate'],
     ['FCR (closed with approval)', percent(all.fcrRateOfApproved), 'fcr-rate-approved'],
     ['Closed', String(all.closed), 'closed'],
     ['First response, median', hours(all.firstResponseMedianBusinessHours), 'first-response-median'],
     ['First-response target hit', percent(all.firstResponseTargetHitRate), 'target-hit-rate'],
     ['Unresponsive closures', percent(all.unresponsiveClosureRate), 'unresponsive-rate'],
     ['Reopened', percent(all.reopenRate), 'reopen-rate'],
     ['Satisfaction', all.satisfactionAverage === null ? '–' : all.satisfactionAverage.toFixed(1) + ' / 5', 'satisfaction']]
      .forEach(([label, value, id]) => {
        const figure = document.createElement('span');
        figure.style.cssText = 'display:inline-block;margin-right:24px';
        figure.appendChild(text('span', label + ': '));
        figure.appendChild(text('strong', value, { id: 'followthrough-' + id }));
        summary.appendChild(figure);
      });
    root.appendChild(summary);

    const charts = document.createElement('div');
    charts.style.cssText = 'display:flex;flex-wrap:wrap';
    const weekly = box('FCR by week (share of closed cases)', 'followthrough-fcr-by-week');
    const distribution = box('First-response time (business hours)', 'followthrough-first-response');
    const funnel = box('Strikes reached', 'followthrough-strikes');
    [weekly, distribution, funnel].forEach(item => charts.appendChild(item.section));
    root.appendChild(charts);

    chart(Chart, weekly.canvas, 'bar', byWeek.segments.map(week => week.segment), 'FCR',
      byWeek.segments.map(week => week.fcrRate === null ? 0 : Math.round(week.fcrRate * 1000) / 10),
      { scales: { y: { min: 0, max: 100, ticks: { callback: value => value + ' %' } } } });
    const bounds = byWeek.firstResponseBucketsBusinessHours;
    const bucketLabels = bounds.map((upper, i) => (i === 0 ? 0 : bounds[i - 1]) + '–' + upper + ' h')
      .concat([bounds[bounds.length - 1] + ' h +']);
    chart(Chart, distribution.canvas, 'bar', bucketLabels, 'Cases', all.firstResponseDistribution);
    chart(Chart, funnel.canvas, 'bar', ['0', '1', '2', '3'], 'Cases', all.strikesFunnel);

    root.appendChild(text('h4', 'Per engineer'));
    const table = document.createElement('table');
    table.id = 'followthrough-engineers';
    table.className = 'cam-table';
    const head = document.createElement('tr');
    ['Engineer', 'Closed', 'FCR', 'FCR rate', 'First response (median)', 'Target hit', 'Follow-ups per case',
      'Unresponsive', 'Reopened', 'Dissatisfied', 'Satisfaction']
      .forEach(label => head.appendChild(text('th', label)));
    const thead = document.createElement('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const body = document.createElement('tbody');
    byEngineer.segments.forEach(row => {
      const line = document.createElement('tr');
      [row.segment, String(row.closed), String(row.firstContactResolutions), percent(row.fcrRate),
        hours(row.firstResponseMedianBusinessHours), percent(row.firstResponseTargetHitRate),
        row.followUpsPerCase === null ? '–' : row.followUpsPerCase.toFixed(2), String(row.unresponsiveClosures),
        String(row.reopened), String(row.dissatisfied),
        row.satisfactionAverage === null ? '–' : row.satisfactionAverage.toFixed(1)]
        .forEach(value => line.appendChild(text('td', value)));
      body.appendChild(line);
    });
    table.appendChild(body);
    root.appendChild(table);

    const definitions = document.createElement('details');
    definitions.id = 'followthrough-definitions';
    definitions.style.cssText = 'margin-top:16px';
    definitions.appendChild(text('summary', 'Definitions: what each figure counts'));
    const list = document.createElement('dl');
    byWeek.definitions.forEach(definition => {
      list.appendChild(text('dt', definition.name));
      list.appendChild(text('dd', definition.definition));
    });
    definitions.appendChild(list);
    root.appendChild(definitions);

    const csv = text('a', 'Download as CSV (per week)', {
      id: 'followthrough-csv',
      href: API + '/export.csv?' + new URLSearchParams({ from: byWeek.from, to: byWeek.to, segment: 'week' })
    });
    root.appendChild(csv);
  } catch (error) {
    status.textContent = 'The Followthrough figures are not available: ' + error.message;
  }
}

export default [{
  id: 'followthroughDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: node => {
    render(node);
  },
  properties: { label: 'Followthrough' }
}];
