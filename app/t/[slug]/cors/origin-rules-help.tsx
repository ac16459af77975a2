/** What an entry may be, with examples: shown to everyone, the read-only viewers included. */
export function OriginRulesHelp({ forwardAuthUrl }: { forwardAuthUrl: string }) {
  return (
    <div className="grid gap-4 text-sm text-slate-700 md:grid-cols-2">
      <div>
        <h3 className="font-medium text-slate-900">Exact origin</h3>
        <p className="mt-1">
          One site: scheme, host and port if it is not the default. Case and default ports do not matter.
        </p>
        <ul className="mt-2 space-y-1 font-mono text-xs">
          <li>https://app.example.com</li>
          <li>http://localhost:5173</li>
        </ul>
      </div>
      <div>
        <h3 className="font-medium text-slate-900">Wildcard subdomains</h3>
        <p className="mt-1">
          Every subdomain of a domain, at any depth, with that scheme and port, but never the domain itself:{" "}
          <span className="font-mono text-xs">https://*.example.com</span> allows eu.example.com and
          a.b.example.com, not example.com or example.com.evil.com.
        </p>
      </div>
      <div className="md:col-span-2">
        <h3 className="font-medium text-slate-900">Refused</h3>
        <p className="mt-1">
          Paths (<span className="font-mono text-xs">https://app.example.com/api</span>), a lone{" "}
          <span className="font-mono text-xs">*</span>, <span className="font-mono text-xs">null</span>, a
          missing scheme, and schemes other than http and https. A browser request from any origin not listed
          here is answered 403 <span className="font-mono text-xs">ORIGIN_NOT_ALLOWED</span>; server-to-server
          calls, which send no Origin, are not affected.
        </p>
        <p className="mt-2">
          Gateways answer browser preflights (OPTIONS) through forward-auth; name this tenant in the URL when
          its API has a host of its own: <span className="break-all font-mono text-xs">{forwardAuthUrl}</span>
        </p>
      </div>
    </div>
  );
}
