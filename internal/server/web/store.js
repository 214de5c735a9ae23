// Work in progress lives in the browser's local storage, so a reload, a
// closed tab or a restarted server loses nothing; the undo history lives in
// memory.

const DRAFT_KEY = 'rectify.draft.v1';

export function saveDraft(draft) {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false; // storage full or disabled: the page says so
  }
}

export function loadDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null');
    return d && d.notice && typeof d.notice === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function clearDraft() {
  try { localStorage.removeItem(DRAFT_KEY); } catch { /* nothing to clear */ }
}

// History keeps snapshots of the notice before each edit. Typing in one
// field is one edit until another field is touched or a pause passes.
export class History {
  constructor(limit = 100) {
    this.limit = limit;
    this.stack = [];
    this.lastKey = '';
    this.lastTime = 0;
  }

  // record remembers the state before an edit of key (a field path).
  record(state, key) {
    const now = Date.now();
    if (key && key === this.lastKey && now - this.lastTime < 1500) {
      this.lastTime = now;
      return;
    }
    this.stack.push(JSON.stringify(state));
    if (this.stack.length > this.limit) this.stack.shift();
    this.lastKey = key || '';
    this.lastTime = now;
  }

  undo() {
    this.lastKey = '';
    const s = this.stack.pop();
    return s ? JSON.parse(s) : null;
  }

  clear() {
    this.stack = [];
    this.lastKey = '';
  }

  get size() { return this.stack.length; }
}
