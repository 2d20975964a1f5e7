import { Type } from 'typebox';
import { Language } from '../../platform/http/schemas.ts';
import { BirthYear, EmailInput, Name, PasswordInput, PhoneInput, PinInput } from '../users/schema.ts';

export const RegisterBody = Type.Object(
  {
    name: Name,
    phone: Type.Optional(PhoneInput),
    email: Type.Optional(EmailInput),
    password: Type.Optional(PasswordInput),
    pin: Type.Optional(PinInput),
    role: Type.Enum(['adolescent', 'parent']),
    birthYear: Type.Optional(BirthYear),
    language: Type.Optional(Language),
    acceptTerms: Type.Literal(true, { description: 'Acceptance of the terms and privacy notice' }),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    identifier: Type.String({ minLength: 1, maxLength: 254, description: 'Phone number or email' }),
    password: Type.Optional(PasswordInput),
    pin: Type.Optional(PinInput),
  },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object(
  { refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false, description: 'In cookie mode send {} and the token comes from the cookie' },
);

const tokenFields = {
  accessToken: Type.String({ description: 'Bearer token, valid for expiresIn seconds' }),
  refreshToken: Type.String({ description: 'Single use: each refresh returns a new one' }),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  tokenType: Type.Literal('Bearer'),
};

export const TokenPairSchema = Type.Object(tokenFields);
export const SignedInSchema = Type.Object({ user: Type.Ref('User'), ...tokenFields });
