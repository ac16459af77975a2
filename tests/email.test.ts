import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverPending, enqueueEmail } from "@/lib/mail/outbox";
import { renderEmail, TEMPLATES, type TemplateKind } from "@/lib/mail/templates";

describe("email templates", () => {
  for (const [kind, template] of Object.entries(TEMPLATES)) {
    it(`${kind} renders its preview props to html and text`, async () => {
      const email = await renderEmail(kind as TemplateKind, template.component.PreviewProps);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toContain("<html");
      expect(email.text).toContain(template.component.PreviewProps.acceptUrl);
    });
  }
});

describe("outbox delivery through a real SMTP server", () => {
  const received: { to: string[]; subject?: string; text?: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject,
          text: mail.text,
        });
        callback();
      }, callback);
    },
  });
  const previous = process.env.SMTP_URL;
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const address = smtp.server.address();
    if (!address || typeof address === "string") throw new Error("no smtp port");
    process.env.SMTP_URL = `smtp://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    process.env.SMTP_URL = previous;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("sends a queued message once and marks it sent", async () => {
    const to = `outbox-${Date.now()}@mail.test`;
    await db().$transaction((tx) =>
      enqueueEmail(tx, "invitation", to, TEMPLATES.invitation.component.PreviewProps),
    );
    await deliverPending();
    await deliverPending();
    const mine = received.filter((m) => m.to.includes(to));
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toContain("Demo Co");
    const row = await db().outboxMessage.findFirstOrThrow({ where: { to } });
    expect(row.sentAt).not.toBeNull();
  });
});
