// Sign-in and the operator's actions, on a dashboard a running host serves (sdl run). A read-only dashboard
// (sdl dashboard --ledger) has neither: /api/session says hosted: false and the page shows no form and no button.
import { h } from './format.js';

export const session = { hosted: false, identity: null, role: null };
let onChange = () => {};

/** True when the signed-in identity may act. */
export const isOperator = () => session.hosted && session.role === 'operator';

async function refresh() {
  const response = await fetch('/api/session');
  if (response.ok) Object.assign(session, await response.json());
  renderSession();
  onChange();
}

async function signIn(event) {
  event.preventDefault();
  const identity = document.getElementById('login-identity').value;
  const secret = document.getElementById('login-secret').value;
  const response = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identity, secret }) });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    document.getElementById('login-error').textContent = body.error || `sign-in refused (HTTP ${response.status})`;
    return;
  }
  await refresh();
}

async function signOut() {
  await fetch('/api/session', { method: 'DELETE' });
  Object.assign(session, { identity: null, role: null });
  await refresh();
}

/** Asks the host to carry out an action (approve, reject, pause, resume, abort; returntoservice, admit) on a campaign, a held experiment or an instrument. */
export async function act(action, target) {
  const reason = document.getElementById('action-reason')?.value || null;
  const response = await fetch('/api/actions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action, target, reason }) });
  const body = await response.json().catch(() => ({ ok: false, message: `HTTP ${response.status}` }));
  const result = document.getElementById('action-result');
  if (result) {
    result.textContent = `${action} ${target}: ${body.message}`;
    result.dataset.ok = String(body.ok === true);
  }
}

/** A button for an action, shown to operators only. */
export function actionButton(action, target, label) {
  if (!isOperator()) return null;
  return h('button', { type: 'button', class: `action action-${action}`, 'data-action': action, 'data-target': target, onclick: () => act(action, target) }, label);
}

function renderSession() {
  const root = document.getElementById('session');
  const kind = document.getElementById('view-kind');
  if (!session.hosted) {
    kind.textContent = 'Read-only view of';
    root.replaceChildren();
    return;
  }
  kind.textContent = 'Live view of the running host\'s ledger';
  if (!session.identity) {
    root.replaceChildren(h('form', { id: 'login', onsubmit: signIn },
      h('input', { id: 'login-identity', name: 'identity', placeholder: 'identity', autocomplete: 'username', required: true }),
      h('input', { id: 'login-secret', name: 'secret', type: 'password', placeholder: 'password', autocomplete: 'current-password', required: true }),
      h('button', { type: 'submit', id: 'login-submit' }, 'Sign in'),
      h('span', { id: 'login-error', class: 'error', 'data-testid': 'login-error' })));
    return;
  }
  root.replaceChildren(
    h('span', { 'data-testid': 'session-identity' }, `${session.identity} (${session.role}${session.role === 'operator' ? '' : ': view only'})`),
    isOperator() ? h('input', { id: 'action-reason', placeholder: 'reason (for approve, reject, pause, abort)' }) : null,
    h('button', { type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'),
    isOperator() ? h('span', { id: 'action-result', 'data-testid': 'action-result', class: 'action-result' }) : null);
}

/** Reads who is signed in; <paramref>changed</paramref> re-renders the page when it changes. */
export function startSession(changed) {
  onChange = changed;
  return refresh();
}
