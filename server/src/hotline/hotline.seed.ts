import { EntityManager } from 'typeorm';
import type { DemoSeed, RutaConfig } from '@ruta/platform';

const CONTACTS = 3_000;
const CALLERS = 250;

/**
 * A few thousand synthetic contacts over the past two years, in one set-based statement (generate_series): every
 * channel, caller and call type, places across the departments, outcomes, and repeat callers (a pool of fictional
 * numbers, written normalised and in clear: the start-up step `callerPhoneSeed`, after the seeds, encrypts them and
 * gives them their blind index exactly as the server does). Every crisis is already taken, so the banner starts empty.
 */
async function seedDemoContacts(manager: EntityManager): Promise<string[]> {
  const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM hotline_contacts`);
  if (n > 0) return [];
  const [operator] = await manager.query(`SELECT id FROM users WHERE email = 'operator@oim.demo'`);
  if (!operator) return [];
  // Fictional mobile numbers (57 300 555 xxxx).
  const numbers = Array.from({ length: CALLERS }, (_, i) => `57300555${String(1000 + i).padStart(4, '0')}`);
  await manager.query(
    `WITH d AS (SELECT array_agg(code ORDER BY code) AS codes FROM places WHERE kind = 'department'),
     g AS (
       SELECT i, now() - ((i * 7919) % (730 * 24 * 60)) * interval '1 minute' AS at,
              (ARRAY['phone','phone','phone','whatsapp','email','web_form','walk_in'])[1 + i % 7] AS channel,
              (ARRAY['possible_victim','relative','witness','institution','anonymous'])[1 + (i * 3) % 5] AS caller,
              (ARRAY['information','information','tip','referral_request','crisis','training','not_relevant','tip'])[1 + (i * 5) % 8] AS kind,
              (ARRAY['sexual_exploitation','forced_labour','servitude','forced_begging','servile_marriage','forced_recruitment'])[1 + (i * 11) % 6] AS purpose
         FROM generate_series(1, $1::int) i
     )
     INSERT INTO hotline_contacts (code, channel, "startedAt", "durationSeconds", "operatorId", "callerType", "callType", "departmentCode",
            "countryCode", purposes, acts, means, urgency, "childInvolved", summary, "consentToAuthorities", phone,
            status, outcome, "takenById", "takenAt", "outcomeAt", version)
     SELECT 'LN-' || to_char(g.at AT TIME ZONE 'America/Bogota', 'YYYY') || '-' || lpad(nextval('hotline_contact_number_seq')::text, 6, '0'),
            g.channel, g.at, 60 + (g.i * 37) % 900, $2, g.caller, g.kind,
            CASE WHEN g.i % 13 = 0 THEN NULL ELSE d.codes[1 + (g.i * 17) % array_length(d.codes, 1)] END,
            CASE WHEN g.i % 13 = 0 THEN (ARRAY['EC','PE','ES','MX','PA'])[1 + g.i % 5] END,
            CASE WHEN g.kind IN ('tip', 'crisis', 'referral_request') THEN ARRAY[g.purpose] ELSE '{}' END,
            CASE WHEN g.kind IN ('tip', 'crisis') THEN ARRAY['recruitment'] ELSE '{}' END, '{}',
            CASE WHEN g.kind = 'crisis' THEN 'emergency' WHEN g.kind = 'tip' THEN 'urgent' ELSE 'routine' END,
            g.kind = 'crisis' AND g.i % 2 = 0,
            'Llamada de demostración ' || g.i || ' (ficticia).', g.i % 3 <> 0,
            CASE WHEN g.i % 5 < 3 THEN ($3::text[])[1 + (g.i * 13) % $4::int] END,
            'closed',
            CASE WHEN g.kind <> 'not_relevant' THEN 'information_only' END,
            $2, g.at + interval '2 minutes', g.at + interval '15 minutes', 1
       FROM g CROSS JOIN d`,
    [CONTACTS, operator.id, numbers, CALLERS],
  );
  return [`Demo mode: seeded ${CONTACTS} hotline contacts over two years (${CALLERS} repeat callers)`];
}

/** Demo data of the hotline area. */
export const hotlineSeed: DemoSeed = {
  area: 'hotline',
  run: (manager: EntityManager, config: RutaConfig) => (config.demo ? seedDemoContacts(manager) : Promise.resolve([])),
};
