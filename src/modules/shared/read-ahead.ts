// A read started while its authorisation is still being decided: the SQL round trip overlaps the
// OpenFGA one instead of following it. Its answer is used only once the caller has been allowed; if
// the caller is refused, it is dropped unseen (and a failure of it is not the refusal's business).

export interface ReadAhead<T> {
  /** The read's answer; call only after the caller has been allowed to see it. */
  result(): Promise<T>;
}

export function readAhead<T>(read: () => Promise<T>): ReadAhead<T> {
  const pending = read();
  pending.catch(() => undefined); // reported by result(), or never needed
  return { result: () => pending };
}
