import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { resolveOperator } from "./resolve-operator";

/**
 * For operator pages: operators read; a signed-out visitor gets the login page and anyone else
 * a 404, so the console's existence tells a tenant admin nothing. Cached per request.
 */
export const operatorPage = cache(async (path = "/operator") => {
  try {
    return await resolveOperator();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
    notFound();
  }
});
