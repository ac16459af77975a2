// `test` with a `mail` fixture: one SMTP catcher per worker (the port is fixed), emptied before each test.
import { test as base, expect } from "@playwright/test";
import { type MailCatcher, startMailCatcher } from "./mail-catcher";

export const test = base.extend<{ mail: MailCatcher }, { mailCatcher: MailCatcher }>({
  mailCatcher: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture deps from this destructuring.
    async ({}, use) => {
      const catcher = await startMailCatcher();
      await use(catcher);
      await catcher.close();
    },
    { scope: "worker" },
  ],
  mail: async ({ mailCatcher }, use) => {
    mailCatcher.clear();
    await use(mailCatcher);
  },
});

export { expect };
