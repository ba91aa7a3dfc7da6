import { checkPasswordPolicy } from './password.policy';

describe('checkPasswordPolicy', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(checkPasswordPolicy('rio magdalena al amanecer', {})).toEqual([]);
  });

  it('rejects fewer than 12 characters', () => {
    expect(checkPasswordPolicy('short-pass1', {})).toEqual([expect.objectContaining({ code: 'minLength', field: 'newPassword' })]);
  });

  it('rejects a password from the bundled common-password list, whatever its case', () => {
    expect(checkPasswordPolicy('Password1234', {})[0]?.code).toBe('common_password');
    expect(checkPasswordPolicy('qwertyuiop123', {})[0]?.code).toBe('common_password');
  });

  it('rejects a password that contains the email user name', () => {
    expect(checkPasswordPolicy('ana.perez-segura-2026', { email: 'ana.perez@policia.demo' })[0]?.code).toBe('contains_email');
  });

  it('rejects more than 128 characters', () => {
    expect(checkPasswordPolicy('x'.repeat(129), {})[0]?.code).toBe('maxLength');
  });
});
