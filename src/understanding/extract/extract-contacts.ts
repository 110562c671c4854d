// Contact details a resident leaves in a message (phone numbers), for staff to call back. They are
// stored on the ticket unmasked, for authorised staff only, and never posted: see privacy/.

const PHONE = /(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8})(?!\d)/g;

export function extractContacts(text: string): string[] {
  return [...new Set([...text.matchAll(PHONE)].map((m) => m[1]!.replace(/[ -]/g, "")))];
}
