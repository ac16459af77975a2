import { render, toPlainText } from "@react-email/render";
import { z } from "zod";
import { InvitationEmail } from "@/emails/invitation-email";

/** Every email Sluice sends: the payload it needs (checked when queued and when sent) and how it looks. */
export const TEMPLATES = {
  invitation: {
    payload: z.object({
      tenantName: z.string(),
      inviterName: z.string(),
      role: z.string(),
      acceptUrl: z.url(),
      expiresInDays: z.number().int().positive(),
    }),
    subject: (p: { tenantName: string }) => `You are invited to ${p.tenantName} on Sluice`,
    component: InvitationEmail,
  },
} as const;

export type TemplateKind = keyof typeof TEMPLATES;
export type TemplatePayload<K extends TemplateKind> = z.infer<(typeof TEMPLATES)[K]["payload"]>;

export async function renderEmail(kind: TemplateKind, payload: unknown) {
  const template = TEMPLATES[kind];
  const props = template.payload.parse(payload);
  const html = await render(<template.component {...props} />);
  return { subject: template.subject(props), html, text: toPlainText(html) };
}
