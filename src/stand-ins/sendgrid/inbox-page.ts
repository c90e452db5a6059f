import type { ReceivedMessage } from './inbox.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const person = (p: { email: string; name?: string }) => escape(p.name ? `${p.name} <${p.email}>` : p.email);

/** The dev inbox: every email the stand-in accepted, newest first, HTML shown in a sandboxed frame. */
export function renderInboxPage(messages: ReceivedMessage[], state: { failures: string; webhookUrl: string | null }): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) => `
<details class="msg">
  <summary><span class="when">${escape(m.receivedAt.replace('T', ' ').slice(0, 19))}</span> <strong>${escape(m.subject)}</strong> <span class="to">→ ${m.to.map(person).join(', ')}</span></summary>
  <dl>
    <dt>From</dt><dd>${person(m.from)}</dd>
    <dt>To</dt><dd>${m.to.map(person).join(', ')}</dd>
    <dt>Message id</dt><dd><code>${escape(m.messageId)}</code></dd>
    ${Object.entries(m.customArgs).map(([k, v]) => `<dt>${escape(k)}</dt><dd><code>${escape(v)}</code></dd>`).join('')}
    ${Object.entries(m.headers).map(([k, v]) => `<dt>${escape(k)}</dt><dd><code>${escape(v)}</code></dd>`).join('')}
  </dl>
  ${m.html !== null ? `<iframe sandbox title="HTML part" src="messages/${encodeURIComponent(m.id)}/html"></iframe>` : ''}
  ${m.text !== null ? `<pre>${escape(m.text)}</pre>` : ''}
</details>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Touchline dev inbox (SendGrid stand-in)</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933;max-width:70rem}
.msg{border:1px solid #d9dee3;border-radius:6px;margin:.5rem 0;padding:.5rem 1rem}
summary{cursor:pointer}.when{color:#7b8794;font-family:monospace}.to{color:#52606d}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.9rem}dt{color:#7b8794}dd{margin:0}
iframe{width:100%;height:32rem;border:1px solid #e4e7eb;margin:.5rem 0}
pre{white-space:pre-wrap;background:#f4f5f7;padding:1rem;border-radius:4px}
.bar{display:flex;gap:1rem;align-items:center}.note{color:#52606d;font-size:.9rem}
</style></head>
<body>
<div class="bar"><h1>Dev inbox</h1><a href="">refresh</a><a href="messages">JSON</a></div>
<p class="note">Everything Touchline sent through the local SendGrid stand-in (${messages.length} kept). Failure mode: ${escape(state.failures)}. Event Webhook: ${escape(state.webhookUrl ?? 'not set')}.</p>
${items || '<p>No emails yet. Create an event (or an invitation) through the API and they show up here.</p>'}
</body></html>`;
}
