// Fixed demo data. The demo password is not a secret: it is printed on every `npm start`
// and the demo tenant is only seeded on a local (embedded) setup or on request.

export const DEMO_TENANT = { slug: "demo", name: "Demo Co" } as const;
export const DEMO_PASSWORD = "sluice-demo-password";
export const DEMO_MEMBERS = [
  { email: "owner@demo.sluice.local", name: "Demo Owner", role: "OWNER" },
  { email: "viewer@demo.sluice.local", name: "Demo Viewer", role: "VIEWER" },
] as const;

export const DEFAULT_OPERATOR_EMAIL = "operator@sluice.local";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
