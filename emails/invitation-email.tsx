import { Button, Text } from "@react-email/components";
import { EmailLayout } from "./components/email-layout";

export type InvitationEmailProps = {
  tenantName: string;
  inviterName: string;
  role: string;
  acceptUrl: string;
  expiresInDays: number;
};

export function InvitationEmail({
  tenantName,
  inviterName,
  role,
  acceptUrl,
  expiresInDays,
}: InvitationEmailProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to ${tenantName} on Sluice`}>
      <Text style={{ fontSize: 16 }}>
        {inviterName} invited you to join <strong>{tenantName}</strong> on Sluice as {role.toLowerCase()}.
      </Text>
      <Button
        href={acceptUrl}
        style={{ backgroundColor: "#4f46e5", borderRadius: 6, color: "#ffffff", padding: "10px 18px" }}
      >
        Accept the invitation
      </Button>
      <Text style={{ color: "#475569", fontSize: 14 }}>
        Or open this link: {acceptUrl}
        <br />
        It expires in {expiresInDays} days.
      </Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  tenantName: "Demo Co",
  inviterName: "Ada Owner",
  role: "VIEWER",
  acceptUrl: "http://127.0.0.1:3000/invite/preview-token",
  expiresInDays: 7,
} satisfies InvitationEmailProps;
