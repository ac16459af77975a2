"use server";

import { signOut } from "@/auth";

/** Public: ends the session. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
