export default async function globalTeardown(): Promise<void> {
  await globalThis.__RUTA_TEST_DB__?.dispose();
}
