import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { EmailJob, TemplateName } from '../email-job-data.js';
import { buildView, type RenderContext } from './email-views.js';
import { compileTemplate, renderTemplate, type TemplateMode } from './mini-template.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const TEMPLATE_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
const compiled = new Map<string, Promise<ReturnType<typeof compileTemplate>>>();

/** A template file, read and compiled once per process. */
function template(file: string): Promise<ReturnType<typeof compileTemplate>> {
  let entry = compiled.get(file);
  if (!entry) {
    entry = readFile(`${TEMPLATE_DIR}${file}`, 'utf8').then((source) => compileTemplate(source, file));
    entry.catch(() => compiled.delete(file)); // a failed read is tried again next time
    compiled.set(file, entry);
  }
  return entry;
}

async function render(file: string, view: object, mode: TemplateMode): Promise<string> {
  return renderTemplate(await template(file), view, mode, file);
}

/** Subject, HTML and text of one email, from the template files named after its template. */
export async function renderEmail(job: EmailJob, context: RenderContext): Promise<RenderedEmail> {
  const name: TemplateName = job.template;
  const view = buildView(job, context);
  const subject = (await render(`${name}.subject.txt`, view, 'text')).replace(/\s+/g, ' ').trim();
  const [htmlBody, textBody] = await Promise.all([render(`${name}.html`, view, 'html'), render(`${name}.txt`, view, 'text')]);
  const [html, text] = await Promise.all([
    render('layout.html', { ...view, subject, body: htmlBody.trim() }, 'html'),
    render('layout.txt', { ...view, subject, body: textBody.trim() }, 'text'),
  ]);
  return { subject, html, text: `${text.trim()}\n` };
}
