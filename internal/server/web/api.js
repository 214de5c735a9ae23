// The server's JSON API (docs/api.md). Every refusal carries a Chinese
// message in {error}; callers show it as it is.

export class APIError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `服务器返回错误（${status}）`);
    this.status = status;
    this.code = body && body.code ? body.code : '';
  }
}

const OFFLINE = { error: '无法连接 rectify：请确认 rectify serve 仍在运行，然后再试一次' };

// send is fetch with the refusal decoded and a lost server said in Chinese.
async function send(url, init) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new APIError(0, OFFLINE);
  }
  return reply(res);
}

async function reply(res) {
  if (res.ok) return res;
  let body = null;
  try { body = await res.json(); } catch { /* not JSON: a proxy or a crash */ }
  throw new APIError(res.status, body);
}

export async function formats() {
  const res = await send('/api/formats');
  return res.json();
}

// importFile uploads a file; onProgress(fraction) follows the upload, and
// onProgress(null) says the server is reading it.
export function importFile(file, password, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (password) form.append('password', password);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new APIError(0, OFFLINE));
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* keep null */ }
      if (xhr.status === 200 && body) resolve(body);
      else reject(new APIError(xhr.status, body));
    };
    xhr.send(form);
  });
}

export async function check(notice, signal) {
  const res = await send('/api/check', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(notice),
    signal,
  });
  return res.json();
}

// exportFile asks for the notice in a format; it answers the file as a Blob
// and the name the server gave it.
export async function exportFile(format, notice, options, template) {
  const form = new FormData();
  form.append('notice', JSON.stringify(notice));
  for (const [k, v] of Object.entries(options)) if (v) form.append(k, v);
  if (template) form.append('template', template, template.name);
  const res = await send(`/api/export/${encodeURIComponent(format)}`, { method: 'POST', body: form });
  return { blob: await res.blob(), name: dispositionName(res.headers.get('Content-Disposition')) };
}

function dispositionName(header) {
  if (!header) return '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : '';
}
