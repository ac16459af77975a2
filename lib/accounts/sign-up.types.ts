import { z } from "zod";
import { emailField, nameField, passwordField, slugField } from "@/lib/validation";

export const signUpSchema = z.object({
  name: nameField,
  email: emailField,
  password: passwordField,
  tenantName: nameField,
  tenantSlug: slugField,
});

export type SignUpInput = z.infer<typeof signUpSchema>;
