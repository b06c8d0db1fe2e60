/**
 * The second half of `npm start`: serves the published build (dist/) at
 * HOST:PORT under BASE_PATH, with the charset of every text file said
 * (scripts/serve-site.ts says why Astro's preview server is not used).
 */
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { readSettings, SettingsError } from '../src/config';
import { serveSite } from './serve-site';

let settings;
try {
  settings = readSettings();
} catch (error) {
  if (error instanceof SettingsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { host, port } = settings.serve;
const { url } = await serveSite(resolve(settings.root, 'dist'), {
  host,
  port,
  base: settings.basePath,
});
console.log(`  Local    ${url}`);
if (host === '0.0.0.0' || host === '::') {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  for (const address of addresses.length > 0 ? addresses : [host])
    console.log(`  Network  ${url.replace(/\/\/[^/]+:/, `//${address}:`)}`);
}
console.log('Press Ctrl+C to stop.');
