import nodemailer, { type Transporter } from "nodemailer";

let transporter: Transporter | undefined;

/** One nodemailer transport, chosen by SMTP_URL (the start command points it at its mail catcher). */
export function mailer(): Transporter {
  if (!transporter) {
    const url = process.env.SMTP_URL;
    if (!url) throw new Error("SMTP_URL is not set");
    transporter = nodemailer.createTransport(url);
  }
  return transporter;
}

export const MAIL_FROM = process.env.MAIL_FROM ?? "Sluice <no-reply@sluice.local>";
