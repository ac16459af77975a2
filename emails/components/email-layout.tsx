import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every Sluice email shares: preview line, card, footer. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "ui-sans-serif, system-ui, sans-serif" }}>
        <Container
          style={{
            backgroundColor: "#ffffff",
            borderRadius: 8,
            margin: "32px auto",
            padding: 32,
            maxWidth: 520,
          }}
        >
          <Text style={{ color: "#4f46e5", fontSize: 18, fontWeight: 700, margin: 0 }}>Sluice</Text>
          <Section style={{ marginTop: 16 }}>{children}</Section>
          <Hr style={{ borderColor: "#e2e8f0", marginTop: 32 }} />
          <Text style={{ color: "#64748b", fontSize: 12 }}>
            You received this email because of activity on a Sluice tenant. If it was not expected, you can
            ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
