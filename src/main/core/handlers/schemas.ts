import { z } from 'zod'
import {
  LANGUAGES,
  LIMITS,
  type CaptchaAudioRequest,
  type CaptchaRequest,
  type Credentials,
  type Language
} from '../../../shared/ipc-contract'

// Lengths are checked here, at the door, before any rule or hash looks at a value: a renderer that
// sends a 100 MB string gets INVALID_INPUT, not a 100 MB scrypt input.

export const credentialsSchema = z.strictObject({
  captchaId: z.string().min(1).max(LIMITS.captchaIdMax),
  captchaText: z.string().max(LIMITS.captchaTextMax),
  username: z.string().max(LIMITS.fieldMax),
  // A lone surrogate is not text: scrypt would hash it as U+FFFD, so two different inputs would match.
  password: z
    .string()
    .max(LIMITS.fieldMax)
    .refine((text) => !/\p{Cs}/u.test(text), 'not well-formed Unicode'),
  audioCaptchaId: z.string().min(1).max(LIMITS.captchaIdMax).optional()
}) satisfies z.ZodType<Credentials>

export const captchaRequestSchema = z
  .strictObject({
    scale: z.number().finite().optional(),
    theme: z.enum(['light', 'dark']).optional()
  })
  .optional() satisfies z.ZodType<CaptchaRequest | undefined>

/** Channels without a request accept nothing but an absent payload. */
export const noPayloadSchema = z.undefined()

export const languageRequestSchema = z.strictObject({
  language: z.enum(LANGUAGES)
}) satisfies z.ZodType<{ language: Language }>

export const captchaAudioRequestSchema = z.strictObject({
  language: z.enum(LANGUAGES)
}) satisfies z.ZodType<CaptchaAudioRequest>
