import type { CaptchaAudio, CaptchaAudioRequest, Credentials } from '../../../shared/ipc-contract'
import type { CaptchaPort } from './login-service'

/** The part of the spoken captcha the login rules and handlers need. */
export interface AudioCaptchaPort {
  create(request: CaptchaAudioRequest, owner?: string): CaptchaAudio
  verify(id: string, text: string, owner?: string): boolean
}

/**
 * The form's one text answers either challenge on screen: the image, or the spoken one if the person
 * listened. Both are checked, and so both consumed, every time: one submission is one guess at each.
 */
export function answersCaptcha(
  captcha: CaptchaPort,
  audio: AudioCaptchaPort | undefined,
  credentials: Credentials,
  owner: string
): boolean {
  const image = captcha.verify(credentials.captchaId, credentials.captchaText, owner)
  const spoken =
    credentials.audioCaptchaId !== undefined &&
    audio !== undefined &&
    audio.verify(credentials.audioCaptchaId, credentials.captchaText, owner)
  return image || spoken
}
