import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DepartmentView, foldPlace, MunicipalityView, placeOptions, searchPlaces } from '@ruta/shared';

/**
 * The place search of shared (`shared/src/common/place-search.ts`, used by the client's place picker) on the real
 * DIVIPOLA list the migrations load: 33 departments, 1,122 municipalities. Here, where the file can be read.
 */
function divipola(): { departments: DepartmentView[]; municipalities: MunicipalityView[] } {
  const lines = readFileSync(join(__dirname, '../../../migrations/data/divipola.csv'), 'utf8').trim().split('\n').slice(1);
  const departments = new Map<string, string>();
  const municipalities: MunicipalityView[] = [];
  for (const line of lines) {
    const cells = line.match(/("[^"]*"|[^,]+)/g)!.map((c: string) => c.replace(/^"|"$/g, ''));
    const [departmentCode, departmentName, code, name] = cells;
    departments.set(departmentCode, departmentName);
    municipalities.push({ code, name, departmentCode });
  }
  return { departments: [...departments].map(([code, name]) => ({ code, name })), municipalities };
}

describe('place search', () => {
  const { departments, municipalities } = divipola();
  const options = placeOptions(departments, municipalities);
  const first = (query: string) => searchPlaces(options, query)[0];

  it('reads the whole DIVIPOLA list', () => {
    expect(departments).toHaveLength(33);
    expect(municipalities).toHaveLength(1122);
  });

  it('finds Santiago de Cali for "Cali", before Calima', () => {
    const found = searchPlaces(options, 'Cali').map((o) => o.code);
    expect(found[0]).toBe('76001');
    expect(found).toContain('76126');
    expect(found.indexOf('76001')).toBeLessThan(found.indexOf('76126'));
  });

  it('matches without accents or capitals and by common names', () => {
    expect(first('bogota')).toMatchObject({ code: '11001', kind: 'municipality' });
    expect(first('cucuta')).toMatchObject({ code: '54001' });
    expect(first('MEDELLIN')).toMatchObject({ code: '05001' });
    expect(first('cartagena')).toMatchObject({ code: '13001' });
  });

  it('narrows by the department typed after the municipality', () => {
    // There is a Florencia in Caquetá and one in Cauca.
    expect(searchPlaces(options, 'florencia').map((o) => o.departmentCode).sort()).toEqual(expect.arrayContaining(['18', '19']));
    expect(first('florencia cauca')).toMatchObject({ code: '19290', departmentName: 'Cauca' });
  });

  it('offers a department on its own, and the municipality named after it right after', () => {
    const found = searchPlaces(options, 'antioquia');
    expect(found[0]).toMatchObject({ kind: 'department', code: '05' });
    expect(found[1]).toMatchObject({ kind: 'municipality', code: '05042', name: 'Santa Fé de Antioquia' });
    // The other 124 municipalities of Antioquia also match (by their department), after those two.
    expect(found).toHaveLength(20);
    expect(found.slice(2).every((o) => o.departmentCode === '05')).toBe(true);
  });

  it('finds nothing for nothing and for a word no place has', () => {
    expect(searchPlaces(options, '   ')).toEqual([]);
    expect(searchPlaces(options, 'zzzq')).toEqual([]);
  });

  it('folds punctuation too', () => {
    expect(foldPlace('Bogotá, D.C.')).toBe('bogota d c');
  });
});
