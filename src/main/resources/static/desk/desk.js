// The staff case desk: search and read cases. Read-only; decisions happen in Tasklist and the task API.
'use strict';

const $ = (id) => document.getElementById(id);

/** The session's CSRF token from its cookie; the server refuses a cookie-authenticated change without it. */
function csrfHeader() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('RECOVERY-CSRF='));
  return cookie ? { 'X-RECOVERY-CSRF': decodeURIComponent(cookie.substring('RECOVERY-CSRF='.length)) } : {};
}

async function api(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', ...csrfHeader() } });
  const text = await response.text();
  return { ok: response.ok, status: response.status, body: text ? JSON.parse(text) : null };
}

function add(list, text, href) {
  const li = document.createElement('li');
  if (href) { const a = document.createElement('a'); a.href = href; a.textContent = text; li.appendChild(a); } else { li.textContent = text; }
  list.appendChild(li);
}

/** Raw units as token units, for reading; the figure itself stays exact in the JSON. */
function whole(raw, decimals) {
  if (raw == null || decimals == null) return raw;
  const digits = String(raw).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** The customer's note, the questions asked and the replies: the customer's words as text, never as markup. */
function showConversation(words) {
  const list = $('case-conversation');
  list.innerHTML = '';
  const label = { NOTE: 'note with the filing', QUESTION: 'question', REPLY: 'reply' };
  words.forEach((w) => {
    const li = document.createElement('li');
    const head = document.createElement('strong');
    head.textContent = `${new Date(w.at).toLocaleString()} — ${w.author}, ${label[w.kind] || w.kind}: `;
    const said = document.createElement('span');
    said.className = 'said';
    said.textContent = w.text;
    li.append(head, said);
    list.appendChild(li);
  });
  if (!words.length) add(list, 'No note and no replies.');
}

// The search answers a page at a time, newest first; "More cases" asks for the page after X-Next-Cursor.
let nextSearch = null;

async function search(event) {
  if (event) event.preventDefault();
  const more = event && event.type === 'click' && nextSearch;
  $('search-error').textContent = '';
  const params = new URLSearchParams();
  new FormData($('search')).forEach((value, key) => { if (String(value).trim()) params.set(key, String(value).trim()); });
  if (more) params.set('cursor', nextSearch);
  const response = await fetch('/api/v1/desk/cases?' + params, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const text = await response.text();
  const answer = { ok: response.ok, body: text ? JSON.parse(text) : null };
  if (!answer.ok) { $('search-error').textContent = (answer.body.errors || [])[0]?.message || answer.body.detail; return; }
  nextSearch = response.headers.get('X-Next-Cursor');
  $('more-results').hidden = !nextSearch;
  const rows = $('results');
  if (!more) rows.innerHTML = '';
  $('result-count').textContent = `${rows.children.length + answer.body.length} case(s)${nextSearch ? ', more match' : ''}`;
  answer.body.forEach((c) => {
    const tr = document.createElement('tr');
    const open = document.createElement('a');
    open.href = '#' + c.id;
    open.textContent = c.id.slice(0, 8);
    open.addEventListener('click', (e) => { e.preventDefault(); show(c.id); });
    const cells = [open, c.customerId, c.status, c.chain, c.txHash];
    cells.forEach((value, i) => {
      const td = document.createElement('td');
      if (value instanceof Node) td.appendChild(value); else td.textContent = value;
      if (i === 4) td.className = 'mono';
      tr.appendChild(td);
    });
    rows.appendChild(tr);
  });
}

async function show(id) {
  const answer = await api('/api/v1/desk/cases/' + id);
  if (!answer.ok) return;
  const d = answer.body;
  const c = d.case;
  $('case-title').textContent = `Case ${c.id} — ${c.type}`;
  $('case-status').textContent = c.status;
  $('case-status').className = 'status ' + c.status;
  $('case-customer').textContent = d.customerId;
  $('case-reason').hidden = !c.reasonMessage;
  $('case-reason').textContent = c.reasonMessage ? `${c.reasonCode}: ${c.reasonMessage}` : '';
  const facts = $('case-facts');
  facts.innerHTML = '';
  const row = (label, value) => { const dt = document.createElement('dt'); dt.textContent = label; const dd = document.createElement('dd'); dd.textContent = value ?? '—'; facts.append(dt, dd); };
  row('Network', c.chain);
  row('TXID', c.txHash);
  row('Deposit address', c.depositAddress);
  row('Refund to', c.refundAddress);
  if (c.facts) {
    row('Sender', c.facts.from);
    row('Token', `${c.facts.symbol || 'native'} ${c.facts.tokenContract || ''}`);
    row('Amount', `${whole(c.facts.amount, c.facts.decimals)} ${c.facts.symbol || ''}`);
    row('Decimals', c.facts.decimals);
    row('Block / log index', `${c.facts.blockNumber} / ${c.facts.logIndex ?? '—'}`);
    row('Confirmations when checked', c.facts.confirmations);
  }
  if (c.fee) row('Fee', `${c.facts ? whole(c.fee.amount, c.facts.decimals) + ' ' + (c.facts.symbol || '') : c.fee.amount} = ${c.fee.usd} USD (${c.fee.rule})`);
  if (c.price) row('Charged at price', priceText(c.price));
  if (c.policy) {
    // the decision table's word next to the people's: in dry-run the desk compares them before the table is trusted
    row('Recovery policy', policyText(c.policy));
    const people = c.timeline.filter((e) => !['system', 'policy', d.customerId].includes(e.actor)).map((e) => `${e.actor}: ${e.event}`);
    row('People decided', people.length ? people.join(', ') : (c.policy.route === 'AUTO_APPROVE' ? 'nobody: straight through' : 'not yet'));
  }
  showConversation(d.conversation || []);
  const checks = $('case-checks');
  checks.innerHTML = '';
  d.checks.forEach((k) => add(checks, `${k.passed ? '✓ passed' : '✗ failed'}: ${k.rule}${k.detail ? ' — ' + k.detail : ''}`));
  if (!d.checks.length) add(checks, 'No checks finished yet.');
  const links = $('case-links');
  links.innerHTML = '';
  d.tasks.forEach((t) => add(links, `Open "${t.name}" in Tasklist${t.assignee ? ' (claimed by ' + t.assignee + ')' : ''}`, t.tasklistLink));
  d.cockpitLinks.forEach((href) => add(links, 'Process instance in Cockpit', href));
  if (!links.children.length) add(links, 'Nothing open: the case has finished.');
  const timeline = $('case-timeline');
  timeline.innerHTML = '';
  c.timeline.forEach((e) => add(timeline, `${new Date(e.at).toLocaleString()} — ${e.actor} — ${e.event}${e.reasonCode ? ' (' + e.reasonCode + ')' : ''}: ${e.message || ''}`));
  const section = $('case');
  section.hidden = false;
  section.focus();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('search').addEventListener('submit', search);
  $('more-results').addEventListener('click', search);
  const me = await api('/api/v1/me');
  $('me').textContent = me.ok ? me.body.userId : '?';
  if (location.hash.length > 1) show(location.hash.slice(1));
  search();
});

// Where the USD price the fee was charged at came from: a feed (its chain, address, round, time), chains.yml, or the specialist.
function priceText(p) {
  if (p.source === 'FEED') return `${p.usd} USD per token from the feed ${p.feed} on ${p.feedChain}, round ${p.round}, ${p.at}`;
  if (p.source === 'STATIC') return `${p.usd} USD per token, static price of chains.yml`;
  return `${p.usd} USD per token, the specialist's valuation (${p.at})`;
}

// What the straight-through policy decided: decision, rule, table version, mode, and why the route differs when it does.
function policyText(p) {
  const reason = p.reasonCode ? ` (${p.reasonCode})` : '';
  const route = p.route === 'AUTO_APPROVE' ? ' → refunded straight through' : ' → people decide';
  return `${p.decision}${reason} by rule ${p.rule}, table version ${p.version}, mode ${p.mode}${route}${p.note ? '. ' + p.note : ''}`;
}
