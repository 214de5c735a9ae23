// The page: open a file, correct the notice, proof-read it live, preview
// and download. The server does every reading, writing and checking; this
// file keeps the notice being edited, its undo history and its draft.

import * as api from './api.js';
import { History, saveDraft, loadDraft, clearDraft } from './store.js';
import { h, render, setPath, getPath, parseValue, summaryText, countStatuses, mapRow } from './editor.js';

const $ = (id) => document.getElementById(id);

const state = {
  notice: null,
  fileName: '',
  statuses: [],
  writers: [],
  template: null,
};
const history = new History();

const OPTION_FIELDS = { mark: 'opt-mark', cc: 'opt-cc', printer: 'opt-printer', print_date: 'opt-print-date' };
const FORMAT_LABELS = {
  pdf: 'PDF 正式通报', docx: 'Word 通报（.docx）', xlsx: 'Excel 整改台账', json: '通报数据（.json）', text: '通报文字（.txt）',
};
const FORMAT_ORDER = ['pdf', 'docx', 'xlsx', 'text', 'json'];

// ---- messages and progress ----

function showError(msg) {
  const m = $('message');
  m.textContent = msg;
  m.hidden = false;
}

function clearError() { $('message').hidden = true; }

function progress(text, fraction) {
  const p = $('progress');
  if (text === null) { p.hidden = true; return; }
  p.hidden = false;
  $('progress-text').textContent = text;
  const bar = $('progress-bar');
  if (fraction === null || fraction === undefined) bar.removeAttribute('value');
  else bar.value = fraction;
}

// ---- opening a file ----

async function openFile(file, password) {
  clearError();
  $('restore').hidden = true;
  document.body.dataset.state = 'loading';
  const started = performance.now();
  progress(`正在上传 ${file.name}…`, 0);
  try {
    const n = await api.importFile(file, password, (f) => {
      if (f === null) progress(`正在读取 ${file.name}…`, null);
      else progress(`正在上传 ${file.name}…`, f);
    });
    const read = performance.now();
    state.fileName = file.name;
    history.clear();
    setNotice(n);
    save();
    const drawn = performance.now();
    // Time from choosing the file to the table on screen, for the record:
    // the whole, and its parts (server, building the table, painting).
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const painted = performance.now();
      document.body.dataset.openParts = [read - started, drawn - read, painted - drawn].map(Math.round).join(',');
      document.body.dataset.openMs = String(Math.round(painted - started));
    }));
  } catch (e) {
    document.body.dataset.state = state.notice ? 'ready' : 'empty';
    if (e.code === 'password') {
      askPassword(file, e.message, Boolean(password));
      return;
    }
    showError(e.message);
  } finally {
    progress(null);
  }
}

function askPassword(file, message, retried) {
  const dlg = $('password-dialog');
  $('password-message').textContent = retried ? message : `${file.name}：这个 PDF 设置了打开密码，请输入密码。`;
  $('password').value = '';
  dlg.onclose = () => {
    if (dlg.returnValue === 'ok' && $('password').value) openFile(file, $('password').value);
  };
  dlg.showModal();
}

// ---- the notice on screen ----

function setNotice(n) {
  state.notice = n;
  $('welcome').hidden = true;
  $('workspace').hidden = false;
  document.body.dataset.state = 'ready';
  redraw();
}

function redraw() {
  render($('editor'), state.notice, state.statuses);
  $('undo').disabled = history.size === 0;
  scheduleCheck(0);
}

function refreshSummary() {
  const s = $('issue-summary');
  if (s) s.textContent = summaryText(state.notice, state.statuses);
}

// edited is called after every change of the notice.
function edited(structural) {
  if (structural) redraw();
  else refreshSummary();
  $('undo').disabled = history.size === 0;
  save();
  scheduleCheck();
}

function save() {
  const ok = saveDraft({ notice: state.notice, fileName: state.fileName, options: options() });
  const t = new Date();
  $('save-state').textContent = ok
    ? `已自动保存 ${t.toLocaleTimeString('zh-CN', { hour12: false })}`
    : '无法保存到浏览器（存储已满或被禁用），请及时下载';
}

function undo() {
  const prev = history.undo();
  if (!prev) return;
  state.notice = prev;
  edited(true);
}

// ---- field edits ----

function onFieldInput(e) {
  const el = e.target;
  if (el.closest('[data-map]')) {
    history.record(state.notice, el.closest('[data-map]').dataset.map);
    rebuildMap(el.closest('[data-map]'));
    edited(false);
    return;
  }
  const path = el.dataset.path;
  if (!path || !state.notice) return;
  history.record(state.notice, path);
  const value = parseValue(el);
  setPath(state.notice, path, value);
  if (path.endsWith('.status')) {
    // The writers print status_text: keep it in step with the choice.
    const label = state.statuses.find((s) => s.value === value);
    setPath(state.notice, path.replace(/status$/, 'status_text'), label ? label.label : '');
  }
  if (/^categories\.\d+\.issues\.\d+\.number$/.test(path)) {
    const row = el.closest('tr.issue');
    row.id = `issue-${value}`;
    row.dataset.number = value;
  }
  edited(false);
}

function rebuildMap(container) {
  const m = {};
  for (const row of container.querySelectorAll('.map-row')) {
    const k = row.querySelector('.map-key').value.trim();
    const v = parseInt(row.querySelector('.map-value').value, 10);
    if (k) m[k] = Number.isNaN(v) ? 0 : v;
  }
  setPath(state.notice, container.dataset.map, Object.keys(m).length ? m : '');
}

// ---- structural edits (buttons with data-op) ----

function parentAndIndex(path) {
  const i = path.lastIndexOf('.');
  return [getPath(state.notice, path.slice(0, i)), parseInt(path.slice(i + 1), 10)];
}

function move(path, delta) {
  const [list, i] = parentAndIndex(path);
  const j = i + delta;
  if (!Array.isArray(list) || j < 0 || j >= list.length) return false;
  [list[i], list[j]] = [list[j], list[i]];
  return true;
}

function remove(path) {
  const [list, i] = parentAndIndex(path);
  list.splice(i, 1);
}

function maxIssueNumber() {
  let max = 0;
  for (const c of state.notice.categories || []) for (const is of c.issues || []) max = Math.max(max, is.number || 0);
  return max;
}

const ops = {
  'issue-add': (p) => {
    const c = getPath(state.notice, p);
    c.issues = c.issues || [];
    c.issues.push({ number: maxIssueNumber() + 1, title: '', actions: [] });
  },
  'issue-up': (p) => move(p, -1),
  'issue-down': (p) => move(p, 1),
  'issue-remove': (p) => remove(p),
  'action-add': (p) => {
    const is = getPath(state.notice, p);
    is.actions = is.actions || [];
    is.actions.push({ text: '' });
  },
  'action-up': (p) => move(p, -1),
  'action-down': (p) => move(p, 1),
  'action-remove': (p) => remove(p),
  'category-add': () => {
    const cats = state.notice.categories = state.notice.categories || [];
    const last = cats.length ? cats[cats.length - 1].number || cats.length : 0;
    cats.push({ number: last + 1, title: '', issues: [] });
  },
  'category-up': (p) => move(p, -1),
  'category-down': (p) => move(p, 1),
  'category-remove': (p) => remove(p),
  'pending-add': () => {
    state.notice.pending = state.notice.pending || [];
    state.notice.pending.push({ title: '' });
  },
  'pending-remove': (p) => remove(p),
  'unplaced-remove': (p) => remove(p),
  'stated-fill': () => {
    const { total, counts } = countStatuses(state.notice);
    const st = { issues: total };
    for (const s of state.statuses) if (counts[s.value]) st[s.value] = counts[s.value];
    state.notice.stated = st;
  },
};

function onClick(e) {
  const btn = e.target.closest('button[data-op]');
  if (!btn || !state.notice) return;
  const op = btn.dataset.op;
  if (op === 'map-add' || op === 'map-remove') {
    const container = op === 'map-add'
      ? btn.parentElement.querySelector('[data-map]')
      : btn.closest('[data-map]');
    history.record(state.notice, '');
    if (op === 'map-add') container.append(mapRow('', ''));
    else btn.closest('.map-row').remove();
    rebuildMap(container);
    edited(false);
    return;
  }
  const fn = ops[op];
  if (!fn) return;
  const before = JSON.stringify(state.notice);
  if (fn(btn.dataset.path) === false) return;
  history.record(JSON.parse(before), '');
  edited(true);
}

// ---- the proof-reader ----

let checkTimer = 0;
let checkSeq = 0;
let checkAbort = null;

function scheduleCheck(delay = 300) {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(runCheck, delay);
}

async function runCheck() {
  if (!state.notice) return;
  const seq = ++checkSeq;
  if (checkAbort) checkAbort.abort();
  checkAbort = new AbortController();
  try {
    const findings = await api.check(state.notice, checkAbort.signal);
    if (seq === checkSeq) showFindings(findings);
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (e.status === 429) { scheduleCheck(1000); return; }
    if (seq === checkSeq) showFindings(null, e.message);
  }
}

const LEVELS = { error: '错误', warning: '警告', info: '提示' };
const SECTION_OF_CODE = [
  [/^stated-/, 'stated'], [/^accountability-/, 'accountability'], [/^pending-/, 'pending'],
  [/^(category|issue)-/, 'issues'],
];

// targetOf finds the row or section a finding is about.
function targetOf(f) {
  if (f.issue) {
    const row = document.querySelector(`tr.issue[data-number="${f.issue}"]`);
    if (row) return row;
  }
  for (const [re, id] of SECTION_OF_CODE) if (re.test(f.code)) return $(id);
  return $('basics');
}

function showFindings(findings, failure) {
  const list = $('findings');
  list.replaceChildren();
  for (const el of document.querySelectorAll('.flag-error, .flag-warning, .flag-info')) {
    el.classList.remove('flag-error', 'flag-warning', 'flag-info');
  }
  for (const el of document.querySelectorAll('.row-findings, .section-findings')) el.replaceChildren();
  if (failure) {
    $('findings-count').textContent = '';
    list.append(h('li', { class: 'error', text: `校对失败：${failure}` }));
    return;
  }
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    count[f.level]++;
    const target = targetOf(f);
    target.classList.add(`flag-${f.level}`);
    let notes = target.querySelector('.row-findings');
    if (!notes) {
      notes = target.querySelector(':scope > .section-findings');
      if (!notes) {
        notes = h('ul', { class: 'section-findings' });
        target.querySelector('h2')?.after(notes);
      }
    }
    notes.append(h('li', { class: f.level, text: f.message }));
    const item = h('li', { class: `finding ${f.level}`, 'data-code': f.code, tabIndex: 0 },
      h('span', { class: 'level', text: LEVELS[f.level] || f.level }),
      f.location ? h('span', { class: 'loc', text: f.location }) : null,
      h('span', { class: 'text', text: f.message }));
    item.addEventListener('click', () => reveal(targetOf(f)));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter') reveal(targetOf(f)); });
    list.append(item);
  }
  $('findings-count').textContent = findings.length
    ? `${count.error} 个错误，${count.warning} 个警告，${count.info} 个提示` : '没有发现问题';
  list.dataset.generation = String(checkSeq);
}

function reveal(el) {
  // Categories off screen are laid out only when they come into view, so
  // the first jump may land short: jump again once they are.
  el.scrollIntoView({ block: 'center' });
  requestAnimationFrame(() => requestAnimationFrame(() => el.scrollIntoView({ block: 'center' })));
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
}

// ---- preview and downloads ----

function options() {
  const o = {};
  for (const [k, id] of Object.entries(OPTION_FIELDS)) o[k] = $(id).value.trim();
  return o;
}

let previewURL = '';

async function preview() {
  if (!state.notice) return;
  clearError();
  const btn = $('preview-button');
  btn.disabled = true;
  $('preview').hidden = false;
  $('preview-state').textContent = '正在排版…';
  try {
    const { blob } = await api.exportFile('pdf', state.notice, options(), null);
    if (previewURL) URL.revokeObjectURL(previewURL);
    previewURL = URL.createObjectURL(blob);
    $('preview-frame').src = previewURL;
    $('preview-state').textContent = `（${new Date().toLocaleTimeString('zh-CN', { hour12: false })} 的内容）`;
    $('preview').scrollIntoView({ behavior: 'smooth' });
  } catch (e) {
    $('preview-state').textContent = '';
    showError(e.message);
  } finally {
    btn.disabled = false;
  }
}

async function download(format, btn) {
  if (!state.notice) return;
  clearError();
  btn.disabled = true;
  const label = btn.textContent;
  btn.textContent = '正在生成…';
  try {
    const template = format === 'xlsx' ? state.template : null;
    const { blob, name } = await api.exportFile(format, state.notice, options(), template);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: name || `通报.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    showError(e.message);
  } finally {
    btn.disabled = false;
    btn.textContent = label;
  }
}

function buildDownloads() {
  const box = $('downloads');
  const names = state.writers.map((w) => w.format)
    .sort((a, b) => (FORMAT_ORDER.indexOf(a) + 1 || 99) - (FORMAT_ORDER.indexOf(b) + 1 || 99));
  for (const f of names) {
    const w = state.writers.find((x) => x.format === f);
    const btn = h('button', { type: 'button', class: 'download', 'data-format': f, text: FORMAT_LABELS[f] || `${w.extension} 文件` });
    btn.addEventListener('click', () => download(f, btn));
    box.append(btn);
  }
}

// ---- the draft from last time ----

function offerDraft() {
  const d = loadDraft();
  if (!d) return;
  const n = d.notice;
  const when = d.savedAt ? new Date(d.savedAt).toLocaleString('zh-CN', { hour12: false }) : '';
  $('restore-text').textContent = `上次未完成的工作：${d.fileName || '未命名'}（${n.issuer || '未填发文机关'}，${countStatuses(n).total}个问题），保存于 ${when}。`;
  $('restore').hidden = false;
  $('restore-yes').onclick = () => {
    $('restore').hidden = true;
    state.fileName = d.fileName || '';
    for (const [k, id] of Object.entries(OPTION_FIELDS)) $(id).value = (d.options && d.options[k]) || '';
    history.clear();
    setNotice(n);
  };
  $('restore-no').onclick = () => {
    $('restore').hidden = true;
    clearDraft();
  };
}

// ---- start ----

async function start() {
  document.body.dataset.state = 'empty';
  try {
    const f = await api.formats();
    state.statuses = f.statuses;
    state.writers = f.write;
    $('file-input').accept = f.read.join(',');
    $('read-formats').textContent = f.read.join(' ');
    buildDownloads();
  } catch (e) {
    showError(e.message);
    return;
  }
  $('file-input').addEventListener('change', (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) openFile(file);
  });
  const showTemplate = () => {
    $('template-name').textContent = state.template ? state.template.name : '未选择';
    $('template-clear').hidden = !state.template;
  };
  $('template-input').addEventListener('change', (e) => {
    state.template = e.target.files[0] || null;
    e.target.value = '';
    showTemplate();
  });
  $('template-clear').addEventListener('click', () => { state.template = null; showTemplate(); });
  document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
  document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) document.body.classList.remove('dragging'); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const file = e.dataTransfer.files[0];
    if (file) openFile(file);
  });
  const editor = $('editor');
  editor.addEventListener('input', onFieldInput);
  editor.addEventListener('click', onClick);
  $('undo').addEventListener('click', undo);
  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName || '');
    if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !typing) { e.preventDefault(); undo(); }
  });
  for (const id of Object.values(OPTION_FIELDS)) $(id).addEventListener('input', () => state.notice && save());
  $('preview-button').addEventListener('click', preview);
  $('preview-close').addEventListener('click', () => { $('preview').hidden = true; });
  offerDraft();
}

start();
