// Recovery Desk, the customer's page: file a case, follow it. Talks only to this application's API.
'use strict';

const $ = (id) => document.getElementById(id);
let chains = [];
let selectedCase = null;
let explorers = {};

/** The session's CSRF token, which the server keeps in a cookie; a call that changes something sends it back as a header. */
function csrfHeader() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('RECOVERY-CSRF='));
  return cookie ? { 'X-RECOVERY-CSRF': decodeURIComponent(cookie.substring('RECOVERY-CSRF='.length)) } : {};
}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { 'Accept': 'application/json', ...csrfHeader(), ...languageHeader(), ...(options.body ? { 'Content-Type': 'application/json' } : {}) }, ...options });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  return { status: response.status, ok: response.ok, body };
}

function text(el, value) { el.textContent = value == null ? '' : String(value); }

// --- the customer's language: the words come from the server's message bundles (GET /api/v1/messages) ---
let words = {};

/** The language the customer chose on this page; none means the browser's own Accept-Language. */
function chosenLanguage() { try { return localStorage.getItem('language'); } catch (e) { return null; } }

function languageHeader() { const chosen = chosenLanguage(); return chosen ? { 'Accept-Language': chosen } : {}; }

/** A sentence in the customer's language, {0}, {1} … filled in as text. */
function t(key, ...args) {
  const pattern = words[key] == null ? key : words[key];
  return pattern.replace(/\{(\d+)\}/g, (m, i) => (args[i] == null ? '' : String(args[i])));
}

async function loadWords() {
  const answer = await api('/api/v1/messages');
  if (!answer.ok) return;
  words = answer.body.messages;
  document.documentElement.lang = answer.body.language;
  $('language').value = answer.body.language;
  document.querySelectorAll('[data-i18n]').forEach((el) => text(el, t(el.dataset.i18n)));
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}

async function languageChanged() {
  try { localStorage.setItem('language', $('language').value); } catch (e) { /* private mode: this page view only */ }
  await loadWords();
  const chosen = $('chain').value;
  await loadChains();
  if (chosen) { $('chain').value = chosen; chainChanged(); }
  await Promise.all([loadAddresses(), loadCases()]);
  renderCase();
}

/** USD for display only: the figure itself was computed exactly by the server. */
function usd(value) { return Number(value).toFixed(2); }

function whole(raw, decimals) {
  if (raw == null || decimals == null) return raw;
  const digits = String(raw).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

async function loadMe() {
  const me = await api('/api/v1/me');
  text($('me'), me.ok ? me.body.userId : '?');
}

async function loadChains() {
  const answer = await api('/api/v1/chains');
  chains = answer.body.chains;
  chains.forEach((c) => { explorers[c.name] = c.explorerUrl; });
  const select = $('chain');
  select.innerHTML = '';
  chains.forEach((c) => {
    const option = document.createElement('option');
    option.value = c.name;
    option.textContent = t('page.chain.option', c.name, c.chainId);
    select.appendChild(option);
  });
  chainChanged();
}

function chain() { return chains.find((c) => c.name === $('chain').value); }

function chainChanged() {
  const c = chain();
  if (!c) return;
  const note = $('chain-note');
  note.className = 'hint';
  if (c.recovery === 'DIRECT') {
    text(note, t('page.chain.DIRECT', c.name));
  } else if (c.recovery === 'CONDITIONAL') {
    text(note, t('page.chain.CONDITIONAL', c.name, c.conditions.join(' ')));
  } else {
    note.className = 'error';
    text(note, t('page.chain.UNSUPPORTED', c.name));
  }
  refundRule(c);
  const tokens = $('token');
  tokens.innerHTML = '';
  const seen = new Set();
  const add = (value, label) => { const o = document.createElement('option'); o.value = value; o.textContent = label; tokens.appendChild(o); };
  add('', t('page.token.native', c.nativeCoin.symbol));
  [...c.tokens, ...(c.demoTokens || [])].forEach((t) => {
    if (seen.has(t.contract)) return;
    seen.add(t.contract);
    add(t.contract, `${t.symbol} — ${t.contract}`);
  });
  add('other', t('page.token.other'));
  tokenChanged();
}

// refund-to: sender — the refund goes back to the address the deposit came from, so the form asks for none.
function refundRule(c) {
  const sender = c.refundTo === 'SENDER';
  $('refundAddress').hidden = sender;
  $('refundAddress').value = sender ? '' : $('refundAddress').value;
  text($('refund-rule'), sender
    ? `On ${c.name} we refund only to the address the deposit came from; you need not name one.`
    : 'Name an address you control outside the exchange.');
}

function tokenChanged() {
  $('token-other-box').hidden = $('token').value !== 'other';
  quote();
}

function tokenContract() {
  const value = $('token').value;
  if (value === 'other') return $('tokenOther').value.trim() || null;
  return value || null;
}

let quoteTimer = null;
function quote() {
  clearTimeout(quoteTimer);
  quoteTimer = setTimeout(async () => {
    const amount = $('claimedAmount').value.trim();
    const fee = $('fee');
    if (!amount) { fee.className = 'notice'; text(fee, t('page.fee.enterAmount')); return; }
    const params = new URLSearchParams({ type: $('type').value, chain: $('chain').value, token: tokenContract() || '', amount });
    const answer = await api('/api/v1/fees/quote?' + params);
    if (!answer.ok) {
      fee.className = 'notice bad';
      text(fee, (answer.body.errors || []).map((e) => e.message).join(' ') || answer.body.detail);
      return;
    }
    const q = answer.body;
    if (!q.priced) { fee.className = 'notice'; text(fee, q.message); return; }
    fee.className = q.coversFee ? 'notice good' : 'notice bad';
    // the server writes the quote in the customer's language, amounts in tokens
    text(fee, q.message);
  }, 250);
}

async function loadAddresses() {
  const answer = await api('/api/v1/me/deposit-addresses');
  const select = $('depositAddress');
  select.innerHTML = '';
  (answer.body || []).forEach((a) => {
    const o = document.createElement('option');
    o.value = a.address;
    o.textContent = t('page.depositAddress.option', a.address, a.chains.join(', '));
    select.appendChild(o);
  });
}

function clearErrors() {
  document.querySelectorAll('#case-form .error').forEach((e) => text(e, ''));
  document.querySelectorAll('#case-form [aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

async function fileCase(event) {
  event.preventDefault();
  clearErrors();
  const form = {
    type: $('type').value, chain: $('chain').value, txHash: $('txHash').value.trim(),
    depositAddress: $('depositAddress').value, tokenContract: tokenContract(), refundAddress: $('refundAddress').value.trim(),
    claimedAmount: $('claimedAmount').value.trim() || null, contactEmail: $('contactEmail').value.trim() || null, note: $('note').value.trim() || null,
  };
  const answer = await api('/api/v1/cases', { method: 'POST', body: JSON.stringify(form) });
  if (answer.status === 201) {
    $('case-form').reset();
    chainChanged();
    await loadCases();
    showCase(answer.body.id);
    return;
  }
  if (answer.status === 409) {
    text($('form-error'), answer.body.detail);
    showCase(answer.body.caseId);
    return;
  }
  const errors = answer.body.errors || [];
  errors.forEach((e) => {
    const slot = $('error-' + e.field);
    if (slot) {
      text(slot, e.message);
      const input = $(e.field === 'tokenContract' ? 'token' : e.field);
      if (input) input.setAttribute('aria-invalid', 'true');
    } else {
      text($('form-error'), e.message);
    }
  });
  if (!errors.length) text($('form-error'), answer.body.detail || t('page.error.generic'));
  const first = errors.length && $(errors[0].field);
  if (first) first.focus();
}

// The case list comes a page at a time, newest first; "Show older cases" adds the next page, and the refresh
// reloads as many pages as are shown, following each page's X-Next-Cursor.
let casePagesShown = 1;

async function casePages() {
  const body = [];
  let next = null;
  for (let i = 0; i < casePagesShown; i++) {
    const response = await fetch('/api/v1/cases' + (next ? '?cursor=' + encodeURIComponent(next) : ''), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
    if (!response.ok) break;
    body.push(...await response.json());
    next = response.headers.get('X-Next-Cursor');
    if (!next) break;
  }
  $('more-cases').hidden = !next;
  return { body };
}

function moreCases() {
  casePagesShown += 1;
  loadCases();
}

async function loadCases() {
  const answer = await casePages();
  const list = $('case-list');
  list.innerHTML = '';
  if (!answer.body || !answer.body.length) { list.innerHTML = ''; const none = document.createElement('li'); text(none, t('page.cases.none')); list.appendChild(none); return; }
  answer.body.forEach((c) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${t('page.cases.' + c.type, c.chain)} — ${c.txHash.slice(0, 12)}…`;
    button.addEventListener('click', () => showCase(c.id));
    const status = document.createElement('span');
    status.className = 'status ' + c.status;
    status.textContent = t('status.' + c.status);
    status.dataset.caseId = c.id;
    li.append(button, ' ', status);
    list.appendChild(li);
  });
}

async function showCase(id) {
  selectedCase = id;
  await renderCase();
  const detail = $('case-detail');
  detail.hidden = false;
  detail.focus();
}

async function renderCase() {
  if (!selectedCase) return;
  const answer = await api('/api/v1/cases/' + selectedCase);
  if (!answer.ok) return;
  const c = answer.body;
  text($('detail-title'), t('page.case.title', c.id));
  const status = $('detail-status');
  status.className = 'status ' + c.status;
  text(status, t('status.' + c.status));
  const reason = $('detail-reason');
  reason.hidden = !c.reasonMessage;
  text(reason, c.reasonMessage ? `${c.reasonMessage} (${c.reasonCode})` : '');
  const facts = $('detail-facts');
  facts.innerHTML = '';
  const row = (label, value) => { const dt = document.createElement('dt'); dt.textContent = label; const dd = document.createElement('dd'); dd.textContent = value; facts.append(dt, dd); };
  row(t('page.case.network'), c.chain);
  row(t('page.case.txHash'), c.txHash);
  row(t('page.case.depositAddress'), c.depositAddress);
  row(t('page.case.refundAddress'), c.refundAddress);
  if (c.facts) {
    row(t('page.case.amount'), `${whole(c.facts.amount, c.facts.decimals ?? 18)} ${c.facts.symbol || ''}`);
    row(t('page.case.token'), c.facts.tokenContract || t('page.case.token.native'));
    row(t('page.case.block'), t('page.case.block.value', c.facts.blockNumber, c.facts.confirmations));
    row(t('page.case.from'), c.facts.from);
  }
  if (c.fee) row(t('page.case.fee'), `${usd(c.fee.usd)} USD${c.facts ? ' (' + whole(c.fee.amount, c.facts.decimals ?? 18) + ' ' + (c.facts.symbol || '') + ')' : ''}${document.documentElement.lang === 'en' ? ' — ' + c.fee.rule : ''}`);
  if (c.price) row(t('page.case.price'), `${c.price.usd} USD (${c.price.source === 'FEED' ? c.price.feed : c.price.source.toLowerCase()})`);
  const txs = $('detail-transactions');
  txs.innerHTML = '';
  if (!c.transactions.length) { const none = document.createElement('li'); text(none, t('page.case.transactions.none')); txs.appendChild(none); }
  c.transactions.forEach((t) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `${explorers[c.chain] || ''}/tx/${t.hash}`;
    a.textContent = t.hash;
    a.className = 'mono';
    a.rel = 'noopener';
    li.append(`${t.purpose} (${t.status}${t.blockNumber ? ', block ' + t.blockNumber : ''}): `, a);
    txs.appendChild(li);
  });
  $('reply-box').hidden = c.status !== 'INFO_REQUESTED';
  $('cancel-button').hidden = !['SUBMITTED', 'VERIFYING', 'IN_REVIEW', 'INFO_REQUESTED'].includes(c.status);
  const timeline = $('detail-timeline');
  timeline.innerHTML = '';
  c.timeline.forEach((e) => {
    const li = document.createElement('li');
    li.textContent = `${new Date(e.at).toLocaleString()} — ${e.actor}: ${timelineLine(e)}`;
    timeline.appendChild(li);
  });
  document.querySelectorAll(`#case-list .status[data-case-id="${c.id}"]`).forEach((s) => { s.className = 'status ' + c.status; s.textContent = t('status.' + c.status); });
}

/**
 * A timeline entry in the page's language. The timeline is the audit trail, written once in English; in another
 * language the page shows its own line per event, and the words people wrote (questions, answers) as written.
 */
function timelineLine(e) {
  const key = 'page.event.' + e.event;
  if (document.documentElement.lang === 'en' || words[key] == null) return e.message || e.event;
  return ['INFO_REQUESTED', 'USER_REPLIED'].includes(e.event) && e.message ? `${t(key)}: ${e.message}` : t(key);
}

async function reply() {
  text($('error-message'), '');
  const answer = await api(`/api/v1/cases/${selectedCase}/replies`, { method: 'POST', body: JSON.stringify({ message: $('reply').value }) });
  if (!answer.ok) { text($('error-message'), (answer.body.errors || [])[0]?.message || answer.body.detail); return; }
  $('reply').value = '';
  renderCase();
}

async function cancelCase() {
  if (!confirm(t('page.cancel.confirm'))) return;
  await api(`/api/v1/cases/${selectedCase}/cancel`, { method: 'POST' });
  renderCase();
  loadCases();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('chain').addEventListener('change', chainChanged);
  $('token').addEventListener('change', tokenChanged);
  ['type', 'claimedAmount', 'tokenOther'].forEach((id) => $(id).addEventListener('input', quote));
  $('type').addEventListener('change', quote);
  $('case-form').addEventListener('submit', fileCase);
  $('reply-button').addEventListener('click', reply);
  $('cancel-button').addEventListener('click', cancelCase);
  $('language').addEventListener('change', languageChanged);
  await loadWords();
  $('more-cases').addEventListener('click', moreCases);
  await Promise.all([loadMe(), loadChains(), loadAddresses(), loadCases()]);
  // the status updates without a reload
  setInterval(() => { renderCase(); }, 2000);
  setInterval(() => { loadCases(); }, 5000);
});
