import { labelled, OptionOf } from './labelled';

describe('labelled', () => {
  const COLOUR = labelled({
    red: ['Rojo', 'Red'],
    dark_blue: ['Azul oscuro', 'Dark blue'],
  });

  it('lists the codes in the order they were defined', () => {
    expect(COLOUR.values).toEqual(['red', 'dark_blue']);
  });

  it('labels every code in Spanish and English', () => {
    expect(COLOUR.labels).toEqual({
      red: { es: 'Rojo', en: 'Red' },
      dark_blue: { es: 'Azul oscuro', en: 'Dark blue' },
    });
  });

  it('types its codes as a closed union', () => {
    const ok: OptionOf<typeof COLOUR> = 'dark_blue';
    // @ts-expect-error a code outside the list is not an option
    const wrong: OptionOf<typeof COLOUR> = 'green';
    expect([ok, wrong]).toEqual(['dark_blue', 'green']);
  });
});
