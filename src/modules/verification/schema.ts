import { Type } from 'typebox';
import { PasswordInput, PhoneInput, PinInput } from '../users/schema.ts';

const Code = Type.String({ minLength: 1, maxLength: 16, description: 'The 6-digit code sent by SMS' });

export const StartPhoneBody = Type.Object(
  {
    phone: Type.Optional(PhoneInput),
    currentPassword: Type.Optional(PasswordInput),
    currentPin: Type.Optional(PinInput),
  },
  {
    additionalProperties: false,
    description:
      'A new number to verify, with her current password or PIN (a number can recover the account); ' +
      'or {} to send a new code to the number waiting',
  },
);

export const PhoneCodeSent = Type.Object({
  pendingPhone: Type.String({ description: 'E.164: the number the code was sent to' }),
  expiresInSeconds: Type.Integer(),
});

export const VerifyPhoneBody = Type.Object({ code: Code }, { additionalProperties: false });

export const StartRecoveryBody = Type.Object({ phone: PhoneInput }, { additionalProperties: false });

export const RecoveryStarted = Type.Object({
  message: Type.String({
    description: 'Always the same: whether the number has an account is not revealed',
  }),
});

export const CompleteRecoveryBody = Type.Object(
  {
    phone: PhoneInput,
    code: Code,
    newPassword: Type.Optional(PasswordInput),
    newPin: Type.Optional(PinInput),
  },
  { additionalProperties: false, description: 'The code sent by SMS and exactly one new secret' },
);
