/** The public base URL of the web app, for links in emails. */
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.AUTH_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
}
