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

const RequestId = Type.String({ format: 'uuid', description: 'From the answer that started the request' });
const RequestToken = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'The secret the start answer gave her device: only that device can finish',
});

export const StartGuardianRecoveryBody = Type.Object(
  { identifier: Type.String({ minLength: 1, maxLength: 254, description: 'Her phone number or email' }) },
  { additionalProperties: false },
);

export const GuardianRecoveryStarted = Type.Object({
  requestId: Type.String({ format: 'uuid' }),
  code: Type.String({ description: '8 digits she reads out to her guardian' }),
  requestToken: Type.String({
    description: 'Kept by her device only; needed to see the status and to finish',
  }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const GuardianRecoveryStatusBody = Type.Object(
  { requestId: RequestId, requestToken: RequestToken },
  { additionalProperties: false },
);

export const GuardianRecoveryStatus = Type.Object({
  status: Type.Enum(['waiting', 'approved', 'expired'], {
    description:
      'waiting until her guardian approves (forever, for a request nobody can approve); expired once used or past its time',
  }),
});

export const CompleteGuardianRecoveryBody = Type.Object(
  {
    requestId: RequestId,
    requestToken: RequestToken,
    newPassword: Type.Optional(PasswordInput),
    newPin: Type.Optional(PinInput),
  },
  {
    additionalProperties: false,
    description: 'An approved request, from the device that started it, and exactly one new secret',
  },
);

export const ApproveGuardianRecoveryBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 16, description: 'The 8-digit code she read out to you' }) },
  { additionalProperties: false },
);
