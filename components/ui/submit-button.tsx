"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

export function SubmitButton({
  children,
  pendingText,
  variant,
}: {
  children: string;
  pendingText?: string;
  variant?: ButtonVariant;
}) {
  const { pending } = useFormStatus();
  return (
    <Button variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? `${children}…`) : children}
    </Button>
  );
}
