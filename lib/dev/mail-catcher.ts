import type { ServiceSpec } from "./processes";

const HOST = "127.0.0.1";

/**
 * maildev: an SMTP server that keeps every message (in `.data/mail`) and shows them in a web
 * UI, so sign-up and invitation mail can be read without a real mail server.
 */
export function mailCatcher() {
  const smtpPort = Number(process.env.MAILDEV_SMTP_PORT ?? 1025);
  const webPort = Number(process.env.MAILDEV_WEB_PORT ?? 1080);
  const webUrl = `http://${HOST}:${webPort}`;
  const service: ServiceSpec = {
    name: "maildev",
    command: "node_modules/.bin/maildev",
    // --web-ip too: without it the UI listens on every interface.
    args: [
      ...["--smtp", String(smtpPort), "--web", String(webPort)],
      ...["--ip", HOST, "--web-ip", HOST, "--mail-directory", ".data/mail"],
    ],
    // GET / answers 404 unless the client asks for HTML; /index.html always answers 200.
    readyUrl: `${webUrl}/index.html`,
    listens: [
      { host: HOST, port: smtpPort },
      { host: HOST, port: webPort },
    ],
  };
  return { service, smtpUrl: `smtp://${HOST}:${smtpPort}`, webUrl };
}
