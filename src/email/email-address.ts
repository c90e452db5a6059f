/** The form addresses are compared and stored in (SendGrid reports them lower-cased in its events). */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}
