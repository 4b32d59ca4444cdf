import { fileURLToPath } from 'node:url';

// The repository root: the packed kit sits in examples/node_modules and its peers (react,
// @tanstack/react-query, zod) in the root's node_modules, both above this folder.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // `tsc -p examples` type-checks this app against the packed kit (e2e setup); the build need not again.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default nextConfig;
