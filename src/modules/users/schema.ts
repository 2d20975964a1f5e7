import { Type } from 'typebox';
import { Language } from '../../platform/http/schemas.ts';
import { LOCK_MINUTES } from '../sessions/app-lock.ts';

const currentYear = new Date().getUTCFullYear();

export const Role = Type.Enum(['adolescent', 'parent', 'provider', 'writer', 'admin'], {
  description: 'adolescent, parent, provider, writer or admin',
});

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    role: Role,
    status: Type.Enum(['active', 'deactivated']),
    language: Language,
    timeZone: Type.String({ description: 'IANA time zone used for "today"' }),
    phone: Type.Optional(
      Type.String({ description: 'E.164; her sign-in number, present only once it is verified' }),
    ),
    pendingPhone: Type.Optional(
      Type.String({
        description:
          'E.164; a number she gave that is not verified yet (enter the code sent to it at POST /me/phone/verify)',
      }),
    ),
    email: Type.Optional(Type.String()),
    birthYear: Type.Optional(Type.Integer()),
    hasPassword: Type.Boolean(),
    hasPin: Type.Boolean(),
    lockMinutes: Type.Integer({
      description: 'Idle minutes after which the web app asks for her PIN or password again (app lock)',
    }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);

// No control characters: names are shown on feature-phone screens and in exports.
export const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$' });
// Lengths are bounded here only against abuse; the real rules (and their messages) live in the service.
export const PhoneInput = Type.String({
  minLength: 3,
  maxLength: 32,
  description: 'E.164 or a local Rwandan form',
});
export const EmailInput = Type.String({ format: 'email', maxLength: 254 });
export const PasswordInput = Type.String({
  minLength: 1,
  maxLength: 1024,
  description: 'At least 8 characters',
});
export const PinInput = Type.String({ minLength: 1, maxLength: 16, description: '5 digits' });
export const BirthYear = Type.Integer({ minimum: 1900, maximum: currentYear });

/** Her choice of idle minutes before the app locks (no "off": decision 019). */
export const LockMinutesInput = Type.Enum([...LOCK_MINUTES], {
  description: 'Idle minutes before the web app asks for her PIN or password again: 1, 5, 15, 30 or 60',
});

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Name),
    language: Type.Optional(Language),
    lockMinutes: Type.Optional(LockMinutesInput),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.Optional(PasswordInput),
    currentPin: Type.Optional(PinInput),
    newPassword: PasswordInput,
  },
  { additionalProperties: false },
);

export const ChangePinBody = Type.Object(
  {
    currentPassword: Type.Optional(PasswordInput),
    currentPin: Type.Optional(PinInput),
    newPin: PinInput,
  },
  { additionalProperties: false },
);

export const AdminCreateUserBody = Type.Object(
  {
    name: Name,
    role: Role,
    phone: Type.Optional(PhoneInput),
    email: Type.Optional(EmailInput),
    password: PasswordInput,
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);

export const AdminUpdateUserBody = Type.Object({ role: Role }, { additionalProperties: false });

export const DeleteMeBody = Type.Object(
  { password: Type.Optional(PasswordInput), pin: Type.Optional(PinInput) },
  { additionalProperties: false, description: 'Her password or PIN, to confirm it is her' },
);
