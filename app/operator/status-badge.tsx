const STYLE = {
  ACTIVE: "bg-emerald-100 text-emerald-800",
  SUSPENDED: "bg-red-100 text-red-800",
} as const;

export function StatusBadge({ status }: { status: keyof typeof STYLE }) {
  return (
    <span
      data-testid="tenant-status"
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}
    >
      {status.toLowerCase()}
    </span>
  );
}
