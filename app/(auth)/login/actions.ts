"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import type { FormState } from "@/lib/actions/form-state";
import { safeCallbackPath } from "@/lib/safe-redirect";

const WRONG_CREDENTIALS = "That email and password do not match an account. Check them and try again.";

/** Public: signs in with email and password. The error never says which of the two was wrong. */
export async function signInAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError)
      return { ok: false, code: "UNAUTHENTICATED", message: WRONG_CREDENTIALS, values: { email } };
    throw error; // Next's redirect after a successful sign-in
  }
}
