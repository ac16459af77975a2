import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "@playwright/test";

export type BrowserFetch = {
  status: number;
  remaining: string | null;
  retryAfter: string | null;
  body: string;
};

/** A web page on its own origin (http://127.0.0.1:<port>) in Debian's Chromium. */
export type PageOnOrigin = {
  origin: string;
  /** fetch() from the page with the key as Bearer: a preflight first, then CORS rules apply. */
  fetchWithKey(url: string, key: string): Promise<BrowserFetch | { failed: string }>;
  close(): Promise<void>;
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
}

export async function openPageOnOrigin(browser: Browser): Promise<PageOnOrigin> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>An integrator's page</title>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page: Page = await browser.newPage();
  await page.goto(origin);
  return {
    origin,
    fetchWithKey: (url, key) =>
      page.evaluate(
        async ([target, secret]) => {
          try {
            const response = await fetch(target as string, {
              headers: { authorization: `Bearer ${secret}` },
            });
            return {
              status: response.status,
              remaining: response.headers.get("x-ratelimit-remaining"),
              retryAfter: response.headers.get("retry-after"),
              body: await response.text(),
            };
          } catch (error) {
            return { failed: String(error) }; // what a page sees when CORS refuses: no status at all
          }
        },
        [url, key],
      ),
    close: async () => {
      await page.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
