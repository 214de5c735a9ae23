// The notice as an editable form. Every field carries data-path, the path
// of its value in the notice ("categories.0.issues.3.title"); one listener
// in app.js writes edits back through setPath. Buttons carry data-op.
// The DOM is built with createElement and textContent only: no document
// text is ever parsed as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'for' || k === 'role') el.setAttribute(k, v);
    else el[k] = v;
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

// getPath and setPath walk "a.0.b" paths; setPath creates missing objects
// and drops empty values so the JSON stays as a reader would write it.
export function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (o[k] == null) o[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  const empty = value === '' || value === null || (typeof value === 'number' && Number.isNaN(value));
  if (empty && !Array.isArray(o)) delete o[last];
  else o[last] = empty ? '' : value;
}

// parseValue turns a field's text into the JSON value its data-type names.
export function parseValue(el) {
  const v = el.value.trim() === '' ? '' : el.value;
  switch (el.dataset.type) {
    case 'int': return v === '' ? '' : parseInt(v, 10);
    case 'float': return v === '' ? '' : parseFloat(v);
    default: return el.tagName === 'TEXTAREA' ? v : v.trim() === '' ? '' : v;
  }
}

function input(path, value, attrs = {}) {
  const type = attrs['data-type'];
  return h('input', {
    'data-path': path,
    value: value ?? '',
    type: type === 'int' || type === 'float' ? 'number' : 'text',
    step: type === 'float' ? 'any' : undefined,
    ...attrs,
  });
}

function textarea(path, value, attrs = {}) {
  return h('textarea', { 'data-path': path, value: value ?? '', rows: 1, ...attrs });
}

function labelled(label, control) {
  return h('label', { class: 'field' }, h('span', { text: label }), control);
}

function opButton(op, path, text, title) {
  return h('button', { type: 'button', class: 'op', 'data-op': op, 'data-path': path, title: title || text, text });
}

// render builds the whole form for notice n into root.
export function render(root, n, statuses) {
  root.replaceChildren(
    basics(n),
    issues(n, statuses),
    stated(n, statuses),
    accountability(n),
    pending(n),
    narrative(n),
    unplaced(n),
  );
}

function basics(n) {
  return h('section', { id: 'basics', class: 'panel' },
    h('h2', { text: '基本信息' }),
    h('div', { class: 'grid' },
      labelled('发文机关', input('issuer', n.issuer)),
      labelled('标题', input('title', n.title)),
      labelled('日期', input('date', n.date, { placeholder: '如 2025-06-24' })),
      labelled('文号', input('doc_number', n.doc_number)),
      labelled('主送', input('addressee', n.addressee)),
      labelled('巡察组', input('inspection.team', n.inspection?.team)),
      labelled('巡察开始', input('inspection.start', n.inspection?.start, { placeholder: '如 2024-05-13' })),
      labelled('巡察结束', input('inspection.end', n.inspection?.end)),
      labelled('反馈日期', input('inspection.feedback', n.inspection?.feedback)),
      labelled('联系电话', input('contact.phone', n.contact?.phone)),
      labelled('通信地址', input('contact.address', n.contact?.address)),
      labelled('电子邮箱', input('contact.email', n.contact?.email)),
    ));
}

export function countStatuses(n) {
  const counts = {};
  let total = 0;
  for (const c of n.categories || []) {
    for (const is of c.issues || []) {
      counts[is.status || ''] = (counts[is.status || ''] || 0) + 1;
      total++;
    }
  }
  return { total, counts };
}

export function summaryText(n, statuses) {
  const { total, counts } = countStatuses(n);
  const parts = statuses.filter((s) => counts[s.value]).map((s) => `${s.label}${counts[s.value]}个`);
  if (counts['']) parts.push(`未填完成情况${counts['']}个`);
  return `共${total}个问题` + (parts.length ? `：${parts.join('，')}` : '');
}

// issues lays out one table per category, so that the browser can skip the
// layout of categories off screen (content-visibility) and a long notice
// shows its first rows at once.
function issues(n, statuses) {
  const head = () => h('thead', {}, h('tr', {},
    h('th', { class: 'c-num', text: '序号' }),
    h('th', { class: 'c-title', text: '问题' }),
    h('th', { class: 'c-status', text: '完成情况' }),
    h('th', { class: 'c-deadline', text: '整改时限' }),
    h('th', { class: 'c-resp', text: '责任领导 / 单位 / 责任人' }),
    h('th', { class: 'c-actions', text: '整改措施' }),
    h('th', { class: 'c-ops', text: '' })));
  const blocks = (n.categories || []).map((c, ci) => {
    const cp = `categories.${ci}`;
    const body = h('tbody');
    (c.issues || []).forEach((is, ii) => body.append(issueRow(is, `${cp}.issues.${ii}`, statuses)));
    const block = h('div', { class: 'category', 'data-category': ci },
      h('div', { class: 'category-head' },
        input(`${cp}.number`, c.number, { 'data-type': 'int', class: 'num', 'aria-label': '类别序号' }),
        input(`${cp}.title`, c.title, { class: 'category-title', placeholder: '（无类别标题）', 'aria-label': '类别标题' }),
        opButton('issue-add', cp, '＋ 问题', '在本类别末尾添加问题'),
        opButton('category-up', cp, '↑', '类别上移'),
        opButton('category-down', cp, '↓', '类别下移'),
        opButton('category-remove', cp, '删除类别')),
      h('table', { class: 'issues' }, head(), body));
    // The height the browser assumes until it lays the category out.
    block.style.containIntrinsicSize = `auto ${estimateHeight(c)}px`;
    return block;
  });
  return h('section', { id: 'issues', class: 'panel' },
    h('h2', {}, '问题清单 ', h('span', { id: 'issue-summary', class: 'muted', text: summaryText(n, statuses) })),
    blocks,
    h('p', {}, opButton('category-add', 'categories', '＋ 添加类别')));
}

// estimateHeight guesses a category's height from its text: about 18
// characters to a line of the actions column, 21 px a line.
function estimateHeight(c) {
  const lines = (text) => Math.max(1, Math.ceil((text || '').length / 18));
  let px = 70;
  for (const is of c.issues || []) {
    const actions = (is.actions || []).reduce((sum, a) => sum + lines(a.text) * 21 + 8, 30);
    px += Math.max(lines(is.title) * 21 + 90, actions) + 10;
  }
  return px;
}

function issueRow(is, p, statuses) {
  const select = h('select', { 'data-path': `${p}.status`, 'aria-label': '完成情况' });
  if (!is.status || !statuses.some((s) => s.value === is.status)) {
    select.append(h('option', { value: is.status || '', text: is.status ? is.status : '（未填）' }));
  }
  for (const s of statuses) select.append(h('option', { value: s.value, text: s.label }));
  select.value = is.status || '';
  const actions = h('ol', { class: 'actions' });
  (is.actions || []).forEach((a, ai) => {
    const ap = `${p}.actions.${ai}`;
    actions.append(h('li', {},
      textarea(`${ap}.text`, a.text, { 'aria-label': `第${ai + 1}条措施` }),
      h('span', { class: 'action-ops' },
        opButton('action-up', ap, '↑', '措施上移'),
        opButton('action-down', ap, '↓', '措施下移'),
        opButton('action-remove', ap, '✕', '删除这条措施'))));
  });
  return h('tr', { class: 'issue', id: `issue-${is.number}`, 'data-number': is.number, 'data-path': p },
    h('td', { class: 'c-num' }, input(`${p}.number`, is.number, { 'data-type': 'int', class: 'num', 'aria-label': '问题序号' })),
    h('td', { class: 'c-title' },
      is.subcategory ? h('div', { class: 'muted small', text: is.subcategory }) : null,
      textarea(`${p}.title`, is.title, { 'aria-label': '问题' }),
      h('ul', { class: 'row-findings' })),
    h('td', { class: 'c-status' }, select,
      is.status_text && is.status_text !== labelOf(statuses, is.status)
        ? h('div', { class: 'muted small', text: `原文：${is.status_text}` }) : null),
    h('td', { class: 'c-deadline' }, input(`${p}.deadline`, is.deadline, { placeholder: '如 2025-12', 'aria-label': '整改时限' })),
    h('td', { class: 'c-resp' },
      input(`${p}.responsible.leader`, is.responsible?.leader, { placeholder: '责任领导', 'aria-label': '责任领导' }),
      input(`${p}.responsible.unit`, is.responsible?.unit, { placeholder: '责任单位', 'aria-label': '责任单位' }),
      input(`${p}.responsible.person`, is.responsible?.person, { placeholder: '责任人', 'aria-label': '责任人' })),
    h('td', { class: 'c-actions' }, actions, opButton('action-add', p, '＋ 措施', '添加一条整改措施')),
    h('td', { class: 'c-ops' },
      opButton('issue-up', p, '↑', '问题上移'),
      opButton('issue-down', p, '↓', '问题下移'),
      opButton('issue-remove', p, '✕', '删除这个问题')));
}

function labelOf(statuses, value) {
  const s = statuses.find((x) => x.value === value);
  return s ? s.label : '';
}

function stated(n, statuses) {
  const st = n.stated || {};
  return h('section', { id: 'stated', class: 'panel' },
    h('h2', { text: '文中声称的合计' }),
    h('p', { class: 'muted', text: '通报正文里写明的数字（如“共反馈问题63个，已完成60个”）。留空表示正文不写。校对会把它们和问题清单对比。' }),
    h('div', { class: 'grid' },
      labelled('共反馈问题', input('stated.issues', st.issues, { 'data-type': 'int' })),
      statuses.map((s) => labelled(s.label, input(`stated.${s.value}`, st[s.value], { 'data-type': 'int' }))),
      labelled('完成率（%）', input('stated_rate', n.stated_rate, { 'data-type': 'float' }))),
    h('p', {}, opButton('stated-fill', 'stated', '按问题清单填入合计')));
}

// mapEditor edits a name → count map as rows; app.js rebuilds the map
// from the rows on every change, so a renamed key keeps its place.
function mapEditor(path, m) {
  const rows = h('div', { class: 'map', 'data-map': path });
  for (const [k, v] of Object.entries(m || {})) rows.append(mapRow(k, v));
  return h('div', {}, rows, opButton('map-add', path, '＋ 添加'));
}

export function mapRow(k, v) {
  return h('div', { class: 'map-row' },
    h('input', { class: 'map-key', value: k, placeholder: '名称', 'aria-label': '名称' }),
    h('input', { class: 'map-value num', type: 'number', value: v ?? '', 'aria-label': '人数' }),
    h('span', { text: '人' }),
    h('button', { type: 'button', class: 'op', 'data-op': 'map-remove', text: '✕', title: '删除这一项' }));
}

function accountability(n) {
  const a = n.accountability || {};
  return h('section', { id: 'accountability', class: 'panel' },
    h('h2', { text: '问责情况' }),
    h('div', { class: 'grid' }, labelled('共处理（人）', input('accountability.total', a.total, { 'data-type': 'int' }))),
    h('div', { class: 'two' },
      h('div', {}, h('h3', { text: '按处理方式' }), mapEditor('accountability.measures', a.measures)),
      h('div', {}, h('h3', { text: '按职级' }), mapEditor('accountability.ranks', a.ranks))));
}

function pending(n) {
  const table = h('table', { class: 'pending' },
    h('thead', {}, h('tr', {},
      h('th', { class: 'c-num', text: '问题序号' }),
      h('th', { text: '事项' }),
      h('th', { text: '未完成原因' }),
      h('th', { text: '下一步措施' }),
      h('th', { class: 'c-deadline', text: '时限' }),
      h('th', { class: 'c-ops', text: '' }))));
  const body = h('tbody');
  (n.pending || []).forEach((p, i) => {
    const pp = `pending.${i}`;
    body.append(h('tr', { class: 'pending-row', id: `pending-${i}` },
      h('td', {}, input(`${pp}.issue`, p.issue, { 'data-type': 'int', class: 'num', 'aria-label': '问题序号' })),
      h('td', {}, textarea(`${pp}.title`, p.title, { 'aria-label': '事项' })),
      h('td', {}, textarea(`${pp}.explanation`, p.explanation, { 'aria-label': '未完成原因' })),
      h('td', {}, textarea(`${pp}.next_steps`, p.next_steps, { 'aria-label': '下一步措施' })),
      h('td', {}, input(`${pp}.deadline`, p.deadline, { 'aria-label': '时限' })),
      h('td', {}, opButton('pending-remove', pp, '✕', '删除这一项'))));
  });
  table.append(body);
  return h('section', { id: 'pending', class: 'panel' },
    h('h2', { text: '需要进一步整改的事项' }),
    table,
    h('p', {}, opButton('pending-add', 'pending', '＋ 添加事项')));
}

function narrative(n) {
  const parts = [labelled('开头', textarea('preamble', n.preamble))];
  (n.sections || []).forEach((s, si) => {
    if (!s.paragraphs || !s.paragraphs.length) return;
    s.paragraphs.forEach((_, pi) => parts.push(labelled(pi === 0 ? `${s.number}. ${s.title}` : '',
      textarea(`sections.${si}.paragraphs.${pi}`, s.paragraphs[pi]))));
  });
  (n.closing || []).forEach((_, i) => parts.push(labelled(i === 0 ? '结尾' : '', textarea(`closing.${i}`, n.closing[i]))));
  return h('section', { id: 'narrative', class: 'panel' }, h('h2', { text: '正文其他段落' }), h('div', { class: 'paragraphs' }, parts));
}

function unplaced(n) {
  const items = n.unplaced || [];
  if (!items.length) return h('section', { id: 'unplaced', hidden: true });
  return h('section', { id: 'unplaced', class: 'panel warn' },
    h('h2', { text: `未能归位的文字（${items.length}段）` }),
    h('p', { class: 'muted', text: '读取时无法确定这些文字属于哪一部分。请把需要的内容复制到对应位置，处理完后可删除。' }),
    h('ol', {}, items.map((u, i) => h('li', {},
      u.source ? h('span', { class: 'muted small', text: sourceText(u.source) + '：' }) : null,
      h('span', { class: 'unplaced-text', text: typeof u === 'string' ? u : u.text }),
      opButton('unplaced-remove', `unplaced.${i}`, '✕', '已处理，删除')))));
}

function sourceText(s) {
  if (s.sheet) return `工作表“${s.sheet}”第${s.row}行`;
  if (s.page) return `第${s.page}页第${s.line}行`;
  if (s.line) return `第${s.line}行`;
  return '';
}
