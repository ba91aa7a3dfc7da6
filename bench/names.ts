/**
 * Name parts for synthetic victims, with the accents and spellings of Colombian and Venezuelan registries. The loader
 * combines them (first × second given name, first × second family name, sometimes one of each only), so that a million
 * victims carry tens of thousands of distinct given-name and family-name strings, the common ones common and the
 * rare ones rare, as the trigram search meets them in real data. Every name is fictional as a whole.
 */
export const GIVEN_NAMES = [
  'María', 'José', 'Luis', 'Ana', 'Carlos', 'Juan', 'Luz', 'Jorge', 'Sandra', 'Andrés', 'Martha', 'Diana', 'Jhon', 'Claudia',
  'Alejandro', 'Paola', 'Camilo', 'Ángela', 'Óscar', 'Natalia', 'Édgar', 'Yésica', 'Iván', 'Lucía', 'Sofía', 'Valentina',
  'Mateo', 'Santiago', 'Sebastián', 'Nicolás', 'Daniela', 'Camila', 'Mariana', 'Isabella', 'Gabriela', 'Valeria', 'Samuel',
  'Julián', 'David', 'Felipe', 'Esteban', 'Germán', 'Héctor', 'Hernán', 'Ramón', 'Rubén', 'Víctor', 'Fabián', 'Adrián',
  'Álvaro', 'Nubia', 'Yolanda', 'Gloria', 'Rocío', 'Inés', 'Mónica', 'Patricia', 'Liliana', 'Marcela', 'Carolina', 'Johana',
  'Yuliana', 'Yeimy', 'Leidy', 'Estefanía', 'Dayana', 'Yurany', 'Wilson', 'Wílmer', 'Fredy', 'Nelson', 'Edwin', 'Brayan',
  'Kevin', 'Yeison', 'Jhonatan', 'Deiby', 'Duván', 'Éider', 'Yáder', 'Argemiro', 'Jesús', 'Ángel', 'Miguel', 'Rafael',
  'Gustavo', 'Ricardo', 'Mauricio', 'Alexánder', 'Efraín', 'Joaquín', 'Agustín', 'Martín', 'Simón', 'Tomás', 'Emilio',
  'Nohora', 'Amparo', 'Consuelo', 'Esperanza', 'Fanny', 'Nidia', 'Omaira', 'Rosalba', 'Zulma', 'Belén', 'Dolores', 'Ximena',
  'Jimena', 'Ximena', 'Yaneth', 'Janeth', 'Eliana', 'Tatiana', 'Milena', 'Viviana', 'Adriana', 'Bibiana', 'Lorena', 'Lina',
  'Nataly', 'Yenny', 'Jenny', 'Maryury', 'Arelis', 'Darío', 'Elkin', 'Ferney', 'Giovanni', 'Harold', 'Jairo', 'Leonel',
  'Mílton', 'Norberto', 'Orlando', 'Parmenio', 'Reinaldo', 'Saúl', 'Uriel', 'Yesid', 'Zacarías', 'Abigaíl', 'Begoña',
  'Celia', 'Dámaris', 'Eugenia', 'Flor', 'Graciela', 'Hilda', 'Iris', 'Jazmín', 'Karen', 'Lesly', 'Magaly', 'Nayeli',
  'Olga', 'Pilar', 'Raquel', 'Susana', 'Teresa', 'Úrsula', 'Verónica', 'Wendy', 'Yajaira', 'Zoraida', 'Aníbal', 'Baltasar',
  'Cristóbal', 'Demetrio', 'Eusebio', 'Florentino', 'Gonzalo', 'Hipólito', 'Isidro', 'Jacinto', 'Lisandro', 'Moisés',
  'Nepomuceno', 'Onésimo', 'Plutarco', 'Querubín', 'Rosendo', 'Segundo', 'Teófilo', 'Ulises', 'Valdemar', 'Wálter',
];

export const FAMILY_NAMES = [
  'Rodríguez', 'Gómez', 'González', 'Martínez', 'García', 'López', 'Hernández', 'Sánchez', 'Ramírez', 'Pérez', 'Díaz',
  'Muñoz', 'Rojas', 'Moreno', 'Jiménez', 'Vargas', 'Torres', 'Castro', 'Ortiz', 'Suárez', 'Romero', 'Herrera', 'Álvarez',
  'Ruiz', 'Valencia', 'Quintero', 'Mejía', 'Restrepo', 'Cárdenas', 'Salazar', 'Osorio', 'Gutiérrez', 'Marín', 'Castillo',
  'Giraldo', 'Zapata', 'Ospina', 'Agudelo', 'Arango', 'Bedoya', 'Cardona', 'Duque', 'Echeverri', 'Franco', 'Henao',
  'Londoño', 'Montoya', 'Naranjo', 'Patiño', 'Quiceno', 'Rincón', 'Sepúlveda', 'Tobón', 'Uribe', 'Vélez', 'Yepes',
  'Zuluaga', 'Acosta', 'Benítez', 'Córdoba', 'Delgado', 'Espinosa', 'Fernández', 'Guerrero', 'Hurtado', 'Ibáñez',
  'Jaramillo', 'Lozano', 'Medina', 'Núñez', 'Ocampo', 'Peña', 'Quiñones', 'Ríos', 'Sierra', 'Trujillo', 'Urrego',
  'Villamizar', 'Zúñiga', 'Aguilar', 'Beltrán', 'Cifuentes', 'Dávila', 'Escobar', 'Forero', 'Galeano', 'Hoyos', 'Ibarra',
  'Lasso', 'Mosquera', 'Niño', 'Orozco', 'Palacios', 'Quevedo', 'Riascos', 'Sarmiento', 'Tapias', 'Usme', 'Vásquez',
  'Caicedo', 'Mina', 'Angulo', 'Banguera', 'Cuero', 'Valoyes', 'Palacio', 'Rentería', 'Asprilla', 'Murillo', 'Perea',
  'Lemos', 'Chaverra', 'Moya', 'Córdova', 'Hinestroza', 'Ibargüen', 'Arboleda', 'Bonilla', 'Camacho', 'Cortés', 'Daza',
  'Erazo', 'Fajardo', 'Gaitán', 'Guzmán', 'Leal', 'Manrique', 'Montenegro', 'Nieto', 'Olaya', 'Pardo', 'Plata', 'Rueda',
  'Sabogal', 'Téllez', 'Umaña', 'Vanegas', 'Villegas', 'Ávila', 'Bautista', 'Cañón', 'Garzón', 'Higuera', 'Jurado',
  'León', 'Mendoza', 'Monroy', 'Páez', 'Pinzón', 'Rubiano', 'Salcedo', 'Triana', 'Vargas', 'Wilches', 'Ardila', 'Barrera',
  'Carreño', 'Durán', 'Estupiñán', 'Flórez', 'Galvis', 'Jaimes', 'Lizcano', 'Mantilla', 'Ortega', 'Prada', 'Serrano',
  'Vera', 'Villamil', 'Amaya', 'Becerra', 'Calderón', 'Chacón', 'Contreras', 'Figueroa', 'Gil', 'Guevara', 'Lara',
  'Linares', 'Maldonado', 'Márquez', 'Molina', 'Navarro', 'Pacheco', 'Paredes', 'Parra', 'Pineda', 'Ramos', 'Rivas',
  'Rivera', 'Rosales', 'Salas', 'Silva', 'Solano', 'Soto', 'Tovar', 'Urdaneta', 'Valbuena', 'Velásquez', 'Yánez', 'Zambrano',
  'Añez', 'Briceño', 'Colmenares', 'Chirinos', 'Guédez', 'Izarra', 'Lugo', 'Mujica', 'Oráa', 'Petit', 'Quijada', 'Tovar',
  'Ustáriz', 'Villalobos', 'Yépez', 'Zerpa', 'Wayúu', 'Epieyú', 'Ipuana', 'Uriana', 'Jusayú', 'Pushaina', 'Gouriyú',
];

/**
 * What people type in the search box: a name of the loaded distribution, sometimes without its accents, sometimes
 * with a typo (a letter dropped or swapped), lower case. Deterministic per index, so runs compare.
 */
export function searchTerm(i: number): string {
  const given = GIVEN_NAMES[(i * 7919) % GIVEN_NAMES.length];
  const family = FAMILY_NAMES[(i * 104_729) % FAMILY_NAMES.length];
  let term = `${given} ${family}`.toLowerCase();
  if (i % 2 === 0) term = term.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  if (i % 3 === 0 && family.length > 4) {
    const cut = term.length - 2;
    term = term.slice(0, cut) + term.slice(cut + 1);
  }
  return term;
}
