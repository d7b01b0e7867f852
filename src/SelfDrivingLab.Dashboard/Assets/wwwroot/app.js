// The dashboard page: one view of the ledger, pushed by the server over server-sent events; three pages by URL hash.
import { fmt, fmtTime, fmtParameters, h } from './format.js';
import { scatterPlot } from './plots.js';
import { actionButton, isOperator, startSession } from './session.js';

const state = { view: null, route: null, filter: { text: '', status: '', campaign: '' }, timeline: null, timelineFor: null };
const main = () => document.getElementById('main');

/** Replaces an element's children, skipping the nulls of optional parts. */
function replace(root, ...children) {
  root.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
}

function parseRoute() {
  const path = (location.hash || '#/campaigns').slice(2).split('?')[0];
  const parts = path.split('/').map(decodeURIComponent);
  return { page: parts[0] || 'campaigns', id: parts[1] || null };
}

// ---- Campaigns ----

function campaignCard(c) {
  const completed = c.experiments.filter(e => e.objective !== null);
  const objectiveName = c.objective.output || 'objective';
  const goal = c.objective.goal === 'target' ? `target ${fmt(c.objective.target)}` : c.objective.goal;
  const progress = c.budget > 0 ? Math.min(100, 100 * c.counts.total / c.budget) : 0;
  const best = c.best
    ? [h('strong', { 'data-testid': 'best-value' }, fmt(c.best.objective)), ` at e${c.best.sequence} (${fmtParameters(c.best.parameters)})`]
    : ['none measured yet'];
  const convergence = scatterPlot({
    points: completed.map(e => ({ x: e.sequence, y: e.objective, title: `e${e.sequence}: ${fmt(e.objective)} (${fmtParameters(e.parameters)})`, cls: e.id === c.best?.id ? 'best' : '' })),
    line: completed.map(e => ({ x: e.sequence, y: e.bestSoFar })),
    xLabel: 'experiment', yLabel: objectiveName, cls: 'plot convergence', testId: 'convergence', integerX: true,
  });
  const numeric = c.parameters.filter(p => completed.some(e => typeof e.parameters[p] === 'number'));
  const parameterPlots = numeric.map(p => h('figure', { class: 'small' },
    scatterPlot({
      points: completed.filter(e => typeof e.parameters[p] === 'number').map(e => ({ x: e.parameters[p], y: e.objective, title: `e${e.sequence}: ${p}=${fmt(e.parameters[p])}, ${fmt(e.objective)}` })),
      xLabel: p, yLabel: objectiveName, width: 300, height: 200, cls: 'plot parameter', testId: `parameter-plot-${p}`,
    })));
  return h('section', { class: 'campaign card', 'data-campaign': c.id },
    h('h2', {}, c.name, ' ', h('span', { class: `badge status-${c.status}`, 'data-testid': 'campaign-status' }, c.status)),
    h('p', { class: 'meta' }, `${c.id} · ${goal} ${objectiveName}${c.objective.known ? '' : ' (assumed: the ledger does not say)'} · created ${fmtTime(c.createdAt)} · updated ${fmtTime(c.updatedAt)}`),
    c.counts.awaitingApproval > 0 ? h('p', { class: 'paused', 'data-testid': 'awaiting-approval' },
      `${c.counts.awaitingApproval} proposal${c.counts.awaitingApproval === 1 ? '' : 's'} waiting for an operator's approval (${isOperator() ? 'approve or reject here, or with ' : ''}sdl control approve or reject): `,
      isOperator()
        ? c.experiments.filter(e => e.state === 'AwaitingApproval').map(e => h('span', { class: 'held', 'data-held': e.id, title: fmtParameters(e.parameters) },
          `e${e.sequence} (${fmtParameters(e.parameters)}) `, actionButton('approve', e.id, 'Approve'), actionButton('reject', e.id, 'Reject')))
        : c.experiments.filter(e => e.state === 'AwaitingApproval').map(e => `e${e.sequence}`).join(', ')) : null,
    c.pause ? h('p', { class: 'paused', 'data-testid': 'paused' }, `Paused since ${fmtTime(c.pause.at)} by ${c.pause.by}${c.pause.reason ? `: ${c.pause.reason}` : ''}`) : null,
    isOperator() && c.status === 'running' ? h('p', { class: 'actions', 'data-testid': 'campaign-actions' },
      c.pause ? actionButton('resume', c.id, 'Resume') : actionButton('pause', c.id, 'Pause'), ' ', actionButton('abort', c.id, 'Abort')) : null,
    h('div', { class: 'progress', title: `${fmt(progress, 3)} % of the budget` }, h('div', { class: 'bar', style: `width:${progress}%` })),
    h('p', {},
      h('span', { 'data-testid': 'experiment-count' }, String(c.counts.total)), ` of ${c.budget} experiments: `,
      `${c.counts.completed} completed, ${c.counts.failed} failed, ${c.counts.aborted} aborted, ${c.counts.running + c.counts.proposed} in progress · `,
      h('a', { href: `#/experiments?campaign=${encodeURIComponent(c.id)}`, onclick: () => { state.filter.campaign = c.id; } }, 'experiments')),
    h('p', { 'data-testid': 'best' }, 'Best so far: ', ...best),
    h('figure', {}, convergence, h('figcaption', {}, `Convergence: ${objectiveName} of each measured experiment (dots) and the best so far (line).`)),
    numeric.length > 0 ? h('div', { class: 'parameter-plots' }, parameterPlots) : null,
    numeric.length > 0 ? h('p', { class: 'caption' }, `${objectiveName} against each parameter.`) : null);
}

function renderCampaigns(root) {
  const campaigns = state.view.campaigns;
  replace(root,
    h('h2', { class: 'page-title' }, 'Campaigns'),
    campaigns.length === 0 ? h('p', {}, 'The ledger has no campaigns yet.') : null,
    ...campaigns.map(campaignCard));
}

// ---- Experiments ----

function allExperiments() {
  return state.view.campaigns.flatMap(c => c.experiments.map(e => ({ ...e, campaignName: c.name })));
}

function matches(e) {
  const f = state.filter;
  if (f.status && e.status !== f.status) return false;
  if (f.campaign && e.campaignId !== f.campaign) return false;
  if (!f.text) return true;
  const haystack = [`e${e.sequence}`, e.id, e.campaignId, e.campaignName, e.status, e.state, fmtParameters(e.parameters), e.failureReason || ''].join(' ').toLowerCase();
  return f.text.toLowerCase().split(/\s+/).filter(Boolean).every(word => haystack.includes(word));
}

function experimentRows() {
  const all = allExperiments();
  const shown = all.filter(matches);
  document.getElementById('experiment-count-line').textContent = `Showing ${shown.length} of ${all.length} experiments`;
  document.getElementById('experiments-body').replaceChildren(...shown.map(e => h('tr', { 'data-experiment': e.id, class: `status-${e.status}` },
    h('td', {}, h('a', { href: `#/experiments/${encodeURIComponent(e.id)}` }, `e${e.sequence}`)),
    h('td', {}, e.campaignName),
    h('td', {}, h('span', { class: `badge status-${e.status}` }, e.status)),
    h('td', {}, e.state),
    h('td', {}, fmtParameters(e.parameters)),
    h('td', { class: 'number' }, fmt(e.objective)),
    h('td', {}, fmtTime(e.updatedAt)),
    h('td', { class: 'reason' }, e.failureReason || ''))));
}

function renderExperiments(root) {
  const query = new URLSearchParams((location.hash.split('?')[1]) || '');
  if (query.has('campaign')) state.filter.campaign = query.get('campaign');
  const campaigns = state.view.campaigns;
  const onChange = () => {
    state.filter.text = document.getElementById('experiment-filter').value;
    state.filter.status = document.getElementById('status-filter').value;
    state.filter.campaign = document.getElementById('campaign-filter').value;
    experimentRows();
  };
  replace(root,
    h('h2', { class: 'page-title' }, 'Experiments'),
    h('div', { class: 'filters' },
      h('input', { id: 'experiment-filter', type: 'search', placeholder: 'Filter: e12, state, n=8, reason…', value: state.filter.text, oninput: onChange }),
      h('select', { id: 'status-filter', onchange: onChange },
        ['', 'proposed', 'running', 'completed', 'failed', 'aborted'].map(s => h('option', { value: s, selected: s === state.filter.status }, s || 'any status'))),
      h('select', { id: 'campaign-filter', onchange: onChange },
        h('option', { value: '' }, 'any campaign'),
        campaigns.map(c => h('option', { value: c.id, selected: c.id === state.filter.campaign }, c.name)))),
    h('p', { id: 'experiment-count-line' }),
    h('table', { id: 'experiments-table' },
      h('thead', {}, h('tr', {}, ['#', 'campaign', 'status', 'state', 'parameters', 'objective', 'updated', 'reason'].map(t => h('th', {}, t)))),
      h('tbody', { id: 'experiments-body' })));
  experimentRows();
}

// ---- One experiment's timeline ----

async function loadTimeline(id) {
  const response = await fetch(`/api/experiments/${encodeURIComponent(id)}/timeline`);
  state.timeline = response.ok ? await response.json() : { missing: true };
  state.timelineFor = id;
}

function renderTimeline(root) {
  const t = state.timeline;
  if (!t || t.missing) {
    replace(root, h('p', {}, 'No such experiment in this ledger. ', h('a', { href: '#/experiments' }, 'All experiments')));
    return;
  }
  const e = t.experiment;
  replace(root,
    h('p', {}, h('a', { href: '#/experiments' }, '← all experiments')),
    h('h2', { class: 'page-title', 'data-testid': 'timeline-title' }, `Experiment e${e.sequence} `, h('span', { class: `badge status-${e.status}` }, e.status)),
    h('p', { class: 'meta' }, `${e.id} · campaign ${e.campaignId} · state ${e.state} · objective ${fmt(e.objective)}`),
    h('p', {}, `Parameters: ${fmtParameters(e.parameters)}`),
    e.failureReason ? h('p', { class: 'reason' }, `Why: ${e.failureReason}`) : null,
    h('table', { id: 'timeline' },
      h('thead', {}, h('tr', {}, ['when', 'what', '', 'detail'].map(x => h('th', {}, x)))),
      h('tbody', {}, t.entries.map(entry => h('tr', { class: `entry entry-${entry.kind}` },
        h('td', {}, fmtTime(entry.at)),
        h('td', {}, h('span', { class: `kind kind-${entry.kind}` }, entry.kind)),
        h('td', {}, entry.summary),
        h('td', { class: 'detail' }, entry.parameters ? fmtParameters(entry.parameters) : (entry.detail || '')))))));
}

// ---- Instruments and operator requests ----

function renderInstruments(root) {
  const { instruments, controlRequests } = state.view;
  replace(root,
    h('h2', { class: 'page-title' }, 'Instruments'),
    h('p', { class: 'caption' }, 'Last known status from the ledger: quarantined, in service (returned), admitted, not admitted; and the command in flight.'),
    instruments.length === 0 ? h('p', {}, 'The ledger names no instruments yet.') : h('table', { id: 'instruments-table' },
      h('thead', {}, h('tr', {}, ['instrument', 'site', 'status', 'since', 'by', 'detail', 'commands', 'current command'].map(x => h('th', {}, x)))),
      h('tbody', {}, instruments.map(i => h('tr', { 'data-instrument': i.id },
        h('td', {}, i.id),
        h('td', {}, i.site || ''),
        h('td', {}, h('span', { class: `badge instrument-${i.status.replaceAll(' ', '-')}` }, i.status),
          i.status === 'quarantined' ? [' ', actionButton('returntoservice', i.id, 'Return to service')] : null,
          i.status === 'not admitted' ? [' ', actionButton('admit', i.id, 'Admit')] : null),
        h('td', {}, i.since ? fmtTime(i.since) : ''),
        h('td', {}, i.actor || ''),
        h('td', { class: 'detail' }, i.detail || ''),
        h('td', { class: 'number' }, String(i.commands)),
        h('td', {}, i.currentCommand
          ? [h('a', { href: `#/experiments/${encodeURIComponent(i.currentCommand.experimentId)}` }, `${i.currentCommand.step}: ${i.currentCommand.action}`), ` (${i.currentCommand.lastEvent}, deadline ${fmtTime(i.currentCommand.deadline)})`]
          : 'idle'))))),
    h('h2', { class: 'page-title' }, 'Operator requests'),
    controlRequests.length === 0 ? h('p', {}, 'None recorded.') : h('table', { id: 'requests-table' },
      h('thead', {}, h('tr', {}, ['when', 'operator', 'action', 'target', 'reason', 'outcome', 'answer'].map(x => h('th', {}, x)))),
      h('tbody', {}, controlRequests.map(r => h('tr', {},
        h('td', {}, fmtTime(r.at)), h('td', {}, r.identity || r.operator), h('td', {}, r.action), h('td', {}, r.target || ''),
        h('td', {}, r.reason || ''), h('td', {}, r.outcome), h('td', { class: 'detail' }, r.detail))))));
}

// ---- Routing and live updates ----

async function render(routeChanged) {
  if (!state.view) return;
  const route = parseRoute();
  state.route = route;
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('current', a.dataset.nav === route.page));
  document.getElementById('ledger-path').textContent = state.view.ledger;
  const root = main();
  if (route.page === 'experiments' && route.id) {
    await loadTimeline(route.id);
    renderTimeline(root);
  } else if (route.page === 'experiments') {
    if (routeChanged || !document.getElementById('experiments-body')) renderExperiments(root);
    else experimentRows();
  } else if (route.page === 'instruments') {
    renderInstruments(root);
  } else {
    renderCampaigns(root);
  }
}

function connect() {
  const live = document.getElementById('live');
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => { live.dataset.state = 'live'; live.textContent = 'live'; });
  events.addEventListener('error', () => { live.dataset.state = 'reconnecting'; live.textContent = 'reconnecting…'; });
  events.addEventListener('view', message => {
    state.view = JSON.parse(message.data);
    live.dataset.version = message.lastEventId;
    live.title = `view ${message.lastEventId}`;
    render(false);
  });
}

window.addEventListener('hashchange', () => render(true));
startSession(() => render(false)).finally(connect);
