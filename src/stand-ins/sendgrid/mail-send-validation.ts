// The checks SendGrid's v3 Mail Send endpoint makes before it accepts a message, with its error shape
// ({ errors: [{ message, field, help }] }, status 400) and, where known, its wording.

export interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';
const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const MAX_PERSONALIZATIONS = 1000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function validateMailSend(body: unknown): SendGridError[] {
  if (!isObject(body)) return [{ message: 'Bad Request', field: null, help: null }];
  const errors: SendGridError[] = [];
  const usesTemplate = nonEmptyString(body.template_id);
  const personalizations = body.personalizations;

  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    errors.push({ message: 'The personalizations field is required and must have at least one personalization.', field: 'personalizations', help: `${HELP}#-Personalizations-Errors` });
  } else if (personalizations.length > MAX_PERSONALIZATIONS) {
    errors.push({
      message: `The personalization block is limited to ${MAX_PERSONALIZATIONS} personalizations per API request. You have provided ${personalizations.length} personalizations. Please consider splitting this into multiple requests and resending your request.`,
      field: 'personalizations',
      help: `${HELP}#-Personalizations-Errors`,
    });
  } else {
    personalizations.forEach((p, i) => {
      const to = isObject(p) ? p.to : undefined;
      if (!Array.isArray(to) || to.length === 0) {
        errors.push({ message: 'The to array is required for all personalization objects, and must have at least one email object with a valid email address.', field: `personalizations.${i}.to`, help: `${HELP}#message.personalizations.to` });
        return;
      }
      to.forEach((recipient, j) => {
        if (!isObject(recipient) || !nonEmptyString(recipient.email) || !ADDRESS.test(recipient.email)) {
          errors.push({ message: 'Does not contain a valid address.', field: `personalizations.${i}.to.${j}.email`, help: `${HELP}#message.personalizations.to` });
        }
      });
    });
  }

  const from = body.from;
  if (!isObject(from) || !nonEmptyString(from.email)) {
    errors.push({
      message:
        'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or {"email" : "example@example.com", "name" : "Example Recipient"}.',
      field: 'from.email',
      help: `${HELP}#message.from`,
    });
  } else if (!ADDRESS.test(from.email)) {
    errors.push({ message: 'The from email does not contain a valid address.', field: 'from.email', help: `${HELP}#message.from` });
  }

  const everyPersonalizationHasSubject = Array.isArray(personalizations) && personalizations.length > 0 && personalizations.every((p) => isObject(p) && nonEmptyString(p.subject));
  if (!usesTemplate && !nonEmptyString(body.subject) && !everyPersonalizationHasSubject) {
    errors.push({
      message: 'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
      field: 'subject',
      help: `${HELP}#message.subject`,
    });
  }

  if (!usesTemplate) errors.push(...contentErrors(body.content));
  return errors;
}

function contentErrors(content: unknown): SendGridError[] {
  if (!Array.isArray(content) || content.length === 0) {
    return [
      {
        message:
          'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.',
        field: 'content',
        help: `${HELP}#message.content`,
      },
    ];
  }
  const errors: SendGridError[] = [];
  content.forEach((block, k) => {
    if (!isObject(block) || !nonEmptyString(block.type)) errors.push({ message: 'The content type must be a string at least one character in length.', field: `content.${k}.type`, help: `${HELP}#message.content.type` });
    if (!isObject(block) || !nonEmptyString(block.value)) errors.push({ message: 'The content value must be a string at least one character in length.', field: `content.${k}.value`, help: `${HELP}#message.content.value` });
  });
  const types = content.map((block) => (isObject(block) ? block.type : undefined));
  const plain = types.indexOf('text/plain');
  const html = types.indexOf('text/html');
  if ((plain > 0) || (html >= 0 && plain > html)) {
    errors.push({ message: 'If present, text/plain and text/html may only be provided once and text/plain must come first, followed by text/html.', field: 'content', help: `${HELP}#message.content` });
  }
  return errors;
}
