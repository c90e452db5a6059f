// A response body already serialised as JSON — built by PostgreSQL for pages of records, so the API
// neither parses every column of every row nor stringifies the page again. The route wrapper sends
// it as is (`application/json`).
export class JsonText {
  constructor(readonly text: string) {}
}

/** A page (`{ items, nextCursor }`) whose items are JSON texts. */
export function jsonPage(items: Array<{ json: string }>, nextCursor: string | null): JsonText {
  let text = '{"items":[';
  for (let i = 0; i < items.length; i++) text += (i ? ',' : '') + items[i].json;
  return new JsonText(`${text}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}
