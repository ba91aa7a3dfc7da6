export default async function globalTeardown(): Promise<void> {
  const env = globalThis.__RUTA_BROWSER_ENV__;
  if (!env) return;
  await env.app.close();
  await env.database.dispose();
}
